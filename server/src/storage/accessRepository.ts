import type { LanguageCode } from '../../../shared/domain/languages.ts';
import type { InviteHandout } from '../../../shared/api/documents.ts';
import type { Role } from '../../../shared/domain/roles.ts';
import type { SqlDatabase } from './sql/sqlDatabase.ts';

export interface InviteRow {
  id: string;
  documentId: string;
  role: Role;
  /** The language a translator invite translates; null for every other role. */
  language: LanguageCode | null;
  delegation: string;
  color: string;
  createdAt: string;
  revokedAt: string | null;
  memberCount: number;
  createdBy: string | null;
  handout: InviteHandout;
  sheetNumber: number | null;
  lastUsedAt: string | null;
}

export interface MemberRow {
  id: string;
  documentId: string;
  inviteId: string;
  name: string;
  delegation: string;
  color: string;
  role: Role;
  language: LanguageCode | null;
  joinedAt: string;
  inviteRevoked: boolean;
}

export type SessionRow = { organiser: true } | { organiser: false; member: MemberRow };

interface RawInvite {
  id: string;
  document_id: string;
  role: Role;
  language: LanguageCode | null;
  delegation: string;
  color: string;
  created_at: string;
  revoked_at: string | null;
  member_count: number;
  created_by: string | null;
  handout: InviteHandout;
  sheet_number: number | null;
  last_used_at: string | null;
}

interface RawMember {
  id: string;
  document_id: string;
  invite_id: string;
  name: string;
  delegation: string;
  color: string;
  role: Role;
  language: LanguageCode | null;
  joined_at: string;
  revoked_at: string | null;
}

const INVITE_COLUMNS = `i.id, i.document_id, i.role, i.language, i.delegation, d.color, i.created_at, i.revoked_at,
  (SELECT COUNT(*) FROM members m WHERE m.invite_id = i.id) AS member_count,
  i.created_by, i.handout, i.sheet_number, i.last_used_at`;
const INVITE_FROM = 'invites i JOIN delegations d ON d.document_id = i.document_id AND d.name = i.delegation';
const MEMBER_COLUMNS = 'm.id, m.document_id, m.invite_id, m.name, i.delegation, d.color, i.role, i.language, m.joined_at, i.revoked_at';
const MEMBER_FROM = `members m JOIN invites i ON i.id = m.invite_id
  JOIN delegations d ON d.document_id = i.document_id AND d.name = i.delegation`;

const toInvite = (raw: RawInvite): InviteRow => ({
  id: raw.id,
  documentId: raw.document_id,
  role: raw.role,
  language: raw.language,
  delegation: raw.delegation,
  color: raw.color,
  createdAt: raw.created_at,
  revokedAt: raw.revoked_at,
  memberCount: raw.member_count,
  createdBy: raw.created_by,
  handout: raw.handout,
  sheetNumber: raw.sheet_number,
  lastUsedAt: raw.last_used_at,
});

const toMember = (raw: RawMember): MemberRow => ({
  id: raw.id,
  documentId: raw.document_id,
  inviteId: raw.invite_id,
  name: raw.name,
  delegation: raw.delegation,
  color: raw.color,
  role: raw.role,
  language: raw.language,
  joinedAt: raw.joined_at,
  inviteRevoked: raw.revoked_at !== null,
});

/** Delegations, invites, members, sessions and server settings: who may enter which document. */
export class AccessRepository {
  private readonly stmts;

  constructor(private readonly db: SqlDatabase) {
    this.stmts = {
      delegationColor: db.prepare<[string, string], { color: string }>(
        'SELECT color FROM delegations WHERE document_id = ? AND name = ?',
      ),
      delegationColors: db.prepare<[string], { color: string }>('SELECT color FROM delegations WHERE document_id = ?'),
      insertDelegation: db.prepare<[string, string, string]>(
        'INSERT INTO delegations (document_id, name, color) VALUES (?, ?, ?)',
      ),
      insertInvite: db.prepare<[string, string, string, Role, LanguageCode | null, string, string, string, InviteHandout, string | null, number | null]>(
        `INSERT INTO invites (id, document_id, token_hash, role, language, delegation, created_at, created_by, handout, sheet_id, sheet_number)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      sheetNumberOf: db.prepare<[string, string], { sheet_number: number }>(
        'SELECT sheet_number FROM invites WHERE document_id = ? AND sheet_id = ? LIMIT 1',
      ),
      nextSheetNumber: db.prepare<[string], { next: number }>('SELECT COALESCE(MAX(sheet_number), 0) + 1 AS next FROM invites WHERE document_id = ?'),
      markShownAsQr: db.prepare<[string, string]>("UPDATE invites SET handout = 'qr' WHERE id = ? AND document_id = ? AND handout = 'link'"),
      touchInvite: db.prepare<[string, string]>('UPDATE invites SET last_used_at = ? WHERE id = ?'),
      activeInvitesOfSheet: db.prepare<[string, number], { id: string }>(
        'SELECT id FROM invites WHERE document_id = ? AND sheet_number = ? AND revoked_at IS NULL',
      ),
      sheetExists: db.prepare<[string, number], { found: number }>('SELECT 1 AS found FROM invites WHERE document_id = ? AND sheet_number = ? LIMIT 1'),
      inviteById: db.prepare<[string], RawInvite>(`SELECT ${INVITE_COLUMNS} FROM ${INVITE_FROM} WHERE i.id = ?`),
      inviteByHash: db.prepare<[string], RawInvite>(`SELECT ${INVITE_COLUMNS} FROM ${INVITE_FROM} WHERE i.token_hash = ?`),
      invitesOfDocument: db.prepare<[string], RawInvite>(
        `SELECT ${INVITE_COLUMNS} FROM ${INVITE_FROM} WHERE i.document_id = ? ORDER BY i.created_at, i.id`,
      ),
      revokeInvite: db.prepare<[string, string]>('UPDATE invites SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL'),
      insertMember: db.prepare<[string, string, string, string, string]>(
        'INSERT INTO members (id, document_id, invite_id, name, joined_at) VALUES (?, ?, ?, ?, ?)',
      ),
      memberById: db.prepare<[string], RawMember>(`SELECT ${MEMBER_COLUMNS} FROM ${MEMBER_FROM} WHERE m.id = ?`),
      membersOfDocument: db.prepare<[string], RawMember>(
        `SELECT ${MEMBER_COLUMNS} FROM ${MEMBER_FROM} WHERE m.document_id = ? ORDER BY i.delegation, m.name`,
      ),
      insertSession: db.prepare<[string, string | null, number, string, string]>(
        'INSERT INTO sessions (token_hash, member_id, organiser, created_at, expires_at) VALUES (?, ?, ?, ?, ?)',
      ),
      sessionByHash: db.prepare<[string, string], { member_id: string | null; organiser: number }>(
        'SELECT member_id, organiser FROM sessions WHERE token_hash = ? AND expires_at > ?',
      ),
      deleteSession: db.prepare<[string]>('DELETE FROM sessions WHERE token_hash = ?'),
      getSetting: db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?'),
      putSetting: db.prepare<[string, string]>(
        'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
      ),
    };
  }

  delegationColor(documentId: string, name: string): string | undefined {
    return this.stmts.delegationColor.get(documentId, name)?.color;
  }

  /** Creates the delegation with the colour `pick` chooses from those already taken, unless it exists. */
  ensureDelegation(documentId: string, name: string, pick: (taken: string[]) => string): string {
    return this.db.transaction(() => {
      const existing = this.delegationColor(documentId, name);
      if (existing) return existing;
      const color = pick(this.stmts.delegationColors.all(documentId).map((row) => row.color));
      this.stmts.insertDelegation.run(documentId, name, color);
      return color;
    })();
  }

  insertInvite(invite: {
    id: string;
    documentId: string;
    tokenHash: string;
    role: Role;
    language: LanguageCode | null;
    delegation: string;
    createdAt: string;
    createdBy: string;
    handout: InviteHandout;
    /** The client's id of the card sheet being printed: invites of one sheet share its number (1, 2, … per document). */
    sheetId: string | null;
  }): void {
    const { id, documentId, tokenHash, role, language, delegation, createdAt, createdBy, handout, sheetId } = invite;
    this.db.transaction(() => {
      const sheetNumber =
        sheetId === null
          ? null
          : (this.stmts.sheetNumberOf.get(documentId, sheetId)?.sheet_number ?? this.stmts.nextSheetNumber.get(documentId)!.next);
      this.stmts.insertInvite.run(id, documentId, tokenHash, role, language, delegation, createdAt, createdBy, handout, sheetId, sheetNumber);
    })();
  }

  /** Records that a link was shown as a QR code; false if it is not a plain link of this document. */
  markShownAsQr(documentId: string, inviteId: string): boolean {
    return this.stmts.markShownAsQr.run(inviteId, documentId).changes > 0;
  }

  touchInvite(inviteId: string, at: string): void {
    this.stmts.touchInvite.run(at, inviteId);
  }

  /** The ids of the still active invites of card sheet `sheetNumber`; undefined if the document never had that sheet. */
  activeInvitesOfSheet(documentId: string, sheetNumber: number): string[] | undefined {
    if (!this.stmts.sheetExists.get(documentId, sheetNumber)) return undefined;
    return this.stmts.activeInvitesOfSheet.all(documentId, sheetNumber).map((row) => row.id);
  }

  inviteById(id: string): InviteRow | undefined {
    const raw = this.stmts.inviteById.get(id);
    return raw && toInvite(raw);
  }

  inviteByTokenHash(tokenHash: string): InviteRow | undefined {
    const raw = this.stmts.inviteByHash.get(tokenHash);
    return raw && toInvite(raw);
  }

  invitesOfDocument(documentId: string): InviteRow[] {
    return this.stmts.invitesOfDocument.all(documentId).map(toInvite);
  }

  revokeInvite(id: string, at: string): boolean {
    return this.stmts.revokeInvite.run(at, id).changes > 0;
  }

  insertMember(member: { id: string; documentId: string; inviteId: string; name: string; joinedAt: string }): void {
    this.stmts.insertMember.run(member.id, member.documentId, member.inviteId, member.name, member.joinedAt);
  }

  memberById(id: string): MemberRow | undefined {
    const raw = this.stmts.memberById.get(id);
    return raw && toMember(raw);
  }

  membersOfDocument(documentId: string): MemberRow[] {
    return this.stmts.membersOfDocument.all(documentId).map(toMember);
  }

  insertSession(session: { tokenHash: string; memberId: string | null; createdAt: string; expiresAt: string }): void {
    this.stmts.insertSession.run(session.tokenHash, session.memberId, session.memberId ? 0 : 1, session.createdAt, session.expiresAt);
  }

  sessionByTokenHash(tokenHash: string, now: string): SessionRow | undefined {
    const row = this.stmts.sessionByHash.get(tokenHash, now);
    if (!row) return undefined;
    if (row.organiser === 1) return { organiser: true };
    const member = row.member_id ? this.memberById(row.member_id) : undefined;
    return member && { organiser: false, member };
  }

  deleteSession(tokenHash: string): void {
    this.stmts.deleteSession.run(tokenHash);
  }


  getSetting(key: string): string | undefined {
    return this.stmts.getSetting.get(key)?.value;
  }

  putSetting(key: string, value: string): void {
    this.stmts.putSetting.run(key, value);
  }
}
