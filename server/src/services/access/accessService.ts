import type { CreateInviteBody, InviteSummary, Member } from '../../../../shared/api/documents.ts';
import type { InvitePreview } from '../../../../shared/api/session.ts';
import { ORGANISER_COLOR, nextDelegationColor } from '../../../../shared/domain/delegationColors.ts';
import { AppError } from '../../errors.ts';
import type { AccessRepository, InviteRow, MemberRow } from '../../storage/accessRepository.ts';
import type { DocumentRepository } from '../../storage/documentRepository.ts';
import type { Principal } from './principal.ts';
import { hashToken, newId, newToken, sameHash } from '../../infrastructure/tokens.ts';

const SESSION_DAYS = 30;
/** How stale an invite's "last used" may be: precise enough to tell a card in use from one never handed out. */
const USE_WRITE_INTERVAL_MS = 60_000;
const ORGANISER_HASH_KEY = 'organiser_token_hash';

type RevokeListener = (inviteId: string) => void;

const organiser: Principal = { kind: 'organiser', name: 'Organiser', delegation: 'Organisers', color: ORGANISER_COLOR };

const memberPrincipal = (member: MemberRow): Principal => ({
  kind: 'member',
  documentId: member.documentId,
  inviteId: member.inviteId,
  memberId: member.id,
  name: member.name,
  delegation: member.delegation,
  color: member.color,
  role: member.role,
  language: member.language,
});

const invitePrincipal = (invite: InviteRow): Principal => ({
  kind: 'member',
  documentId: invite.documentId,
  inviteId: invite.id,
  memberId: null,
  name: invite.delegation,
  delegation: invite.delegation,
  color: invite.color,
  role: invite.role,
  language: invite.language,
});

const inviteSummary = (invite: InviteRow): InviteSummary => ({ ...invite });

/**
 * Who may enter: the organiser token, invites, members and their sessions. Every credential is a random token of
 * which only a hash is stored.
 */
export class AccessService {
  private readonly revokeListeners: RevokeListener[] = [];
  /** When each invite's last use was last written (milliseconds), for the once-a-minute bound. */
  private readonly lastUseWritten = new Map<string, number>();

  constructor(
    private readonly access: AccessRepository,
    private readonly documents: DocumentRepository,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /**
   * Makes the organiser token known: the configured one, or a kept hash, or a newly generated token.
   * Returns the token only when it was generated now, so the caller can show it once.
   */
  setUpOrganiserToken(configured: string | undefined): { generated?: string } {
    if (configured) {
      this.access.putSetting(ORGANISER_HASH_KEY, hashToken(configured));
      return {};
    }
    if (this.access.getSetting(ORGANISER_HASH_KEY)) return {};
    return { generated: this.rotateOrganiserToken() };
  }

  /** Replaces the organiser token by a new one (the old one stops working) and returns it. */
  rotateOrganiserToken(): string {
    const token = newToken();
    this.access.putSetting(ORGANISER_HASH_KEY, hashToken(token));
    return token;
  }

  /** The principal a token stands for (organiser token, session token or invite token), if any. */
  authenticate(token: string | undefined): Principal | undefined {
    if (!token) return undefined;
    const hash = hashToken(token);
    const organiserHash = this.access.getSetting(ORGANISER_HASH_KEY);
    if (organiserHash && sameHash(hash, organiserHash)) return organiser;
    const session = this.access.sessionByTokenHash(hash, this.now().toISOString());
    if (session) {
      if (session.organiser) return organiser;
      if (session.member.inviteRevoked) return undefined;
      this.noteUse(session.member.inviteId);
      return memberPrincipal(session.member);
    }
    const invite = this.access.inviteByTokenHash(hash);
    if (!invite || invite.revokedAt) return undefined;
    this.noteUse(invite.id);
    return invitePrincipal(invite);
  }

  /** Exchanges the organiser token for a session token. */
  loginOrganiser(token: string): string {
    if (this.authenticate(token)?.kind !== 'organiser') throw new AppError('unauthorized', 'That organiser token is not valid.');
    return this.startSession(null);
  }

  /** What an invite opens, for the join page. */
  previewInvite(token: string): InvitePreview {
    const invite = this.liveInvite(token);
    const document = this.documents.get(invite.documentId);
    if (!document) throw new AppError('not_found', 'The document of this invite no longer exists.');
    return {
      documentId: invite.documentId,
      documentTitle: document.title,
      role: invite.role,
      language: invite.language,
      delegation: invite.delegation,
      color: invite.color,
    };
  }

  /** Makes the bearer of an invite a member under `name` and returns a session token for them. */
  join(token: string, name: string): { sessionToken: string; principal: Principal } {
    const invite = this.liveInvite(token);
    const member = { id: newId(), documentId: invite.documentId, inviteId: invite.id, name, joinedAt: this.now().toISOString() };
    this.noteUse(invite.id);
    this.access.insertMember(member);
    const row = this.access.memberById(member.id)!;
    return { sessionToken: this.startSession(member.id), principal: memberPrincipal(row) };
  }

  logout(sessionToken: string): void {
    this.access.deleteSession(hashToken(sessionToken));
  }

  createInvite(documentId: string, body: CreateInviteBody, baseUrl: string, createdBy: string): InviteSummary & { token: string; url: string } {
    this.requireDocument(documentId);
    this.access.ensureDelegation(documentId, body.delegation, nextDelegationColor);
    const token = newToken();
    const id = newId();
    this.access.insertInvite({
      id,
      documentId,
      tokenHash: hashToken(token),
      role: body.role,
      language: body.role === 'translator' ? body.language : null,
      delegation: body.delegation,
      createdAt: this.now().toISOString(),
      createdBy,
      handout: body.sheetId === undefined ? 'link' : 'sheet',
      sheetId: body.sheetId ?? null,
    });
    return { ...inviteSummary(this.access.inviteById(id)!), token, url: inviteUrl(baseUrl, token) };
  }

  listInvites(documentId: string): InviteSummary[] {
    this.requireDocument(documentId);
    return this.access.invitesOfDocument(documentId).map(inviteSummary);
  }

  /** Revokes an invite: its token, and every session of its members, stop working; listeners close open sockets. */
  revokeInvite(documentId: string, inviteId: string): InviteSummary {
    const invite = this.access.inviteById(inviteId);
    if (!invite || invite.documentId !== documentId) throw new AppError('not_found', 'No such invite in this document.');
    this.access.revokeInvite(inviteId, this.now().toISOString());
    for (const listener of this.revokeListeners) listener(inviteId);
    return inviteSummary(this.access.inviteById(inviteId)!);
  }

  /** Records that a link was shown as a QR code (a link only: a card keeps its sheet). */
  markShownAsQr(documentId: string, inviteId: string): InviteSummary {
    const invite = this.access.inviteById(inviteId);
    if (!invite || invite.documentId !== documentId) throw new AppError('not_found', 'No such invite in this document.');
    this.access.markShownAsQr(documentId, inviteId);
    return inviteSummary(this.access.inviteById(inviteId)!);
  }

  /** Revokes every card of a printed sheet still active, as if each were revoked alone. */
  revokeSheet(documentId: string, sheetNumber: number): { sheetNumber: number; revoked: InviteSummary[] } {
    this.requireDocument(documentId);
    const ids = this.access.activeInvitesOfSheet(documentId, sheetNumber);
    if (!ids) throw new AppError('not_found', 'This document has no such card sheet.');
    return { sheetNumber, revoked: ids.map((id) => this.revokeInvite(documentId, id)) };
  }

  onInviteRevoked(listener: RevokeListener): void {
    this.revokeListeners.push(listener);
  }

  listMembers(documentId: string): Member[] {
    this.requireDocument(documentId);
    return this.access.membersOfDocument(documentId).map(({ id, name, delegation, color, role, language, joinedAt }) => ({
      id,
      name,
      delegation,
      color,
      role,
      language,
      joinedAt,
    }));
  }

  /**
   * Keeps "last used" of an invite: its link joining someone, or one of its members (or its token) being seen. Written
   * at most once a minute per invite, so a member's every request does not cost a database write.
   */
  private noteUse(inviteId: string): void {
    const now = this.now();
    const last = this.lastUseWritten.get(inviteId);
    if (last !== undefined && now.getTime() - last < USE_WRITE_INTERVAL_MS) return;
    this.lastUseWritten.set(inviteId, now.getTime());
    this.access.touchInvite(inviteId, now.toISOString());
  }

  private liveInvite(token: string): InviteRow {
    const invite = this.access.inviteByTokenHash(hashToken(token));
    if (!invite) throw new AppError('not_found', 'This invite link is not known.');
    if (invite.revokedAt) throw new AppError('forbidden', 'This invite link has been revoked.');
    return invite;
  }

  private startSession(memberId: string | null): string {
    const token = newToken();
    const now = this.now();
    const expires = new Date(now.getTime() + SESSION_DAYS * 24 * 3600 * 1000);
    this.access.insertSession({ tokenHash: hashToken(token), memberId, createdAt: now.toISOString(), expiresAt: expires.toISOString() });
    return token;
  }

  private requireDocument(documentId: string): void {
    if (!this.documents.get(documentId)) throw new AppError('not_found', 'No such document.');
  }
}

/** The link a person opens to join. The token travels in the fragment, which browsers never send to a server. */
export function inviteUrl(baseUrl: string, token: string): string {
  return `${baseUrl}/join#${token}`;
}

export function organiserUrl(baseUrl: string, token: string): string {
  return `${baseUrl}/organiser#${token}`;
}
