import { z } from 'zod';
import { LANGUAGE_CODES } from '../domain/languages.ts';
import { ROLES } from '../domain/roles.ts';

/** Limits of user-given names, shared so the client can say so before the server refuses. */
export const LIMITS = {
  titleLength: 200,
  delegationLength: 80,
  personNameLength: 80,
} as const;

const trimmed = (max: number) => z.string().trim().min(1).max(max);

export const Role = z.enum(ROLES);

/** A language of Accord's texts and interface: `en`, `fr`, `ar` or `es`. */
export const LanguageCode = z.enum(LANGUAGE_CODES);

export const CreateDocumentBody = z.strictObject({
  title: trimmed(LIMITS.titleLength),
  /** The language the text is written in; its language versions translate it. Default `en`. */
  sourceLanguage: LanguageCode.default('en'),
});
export type CreateDocumentBody = z.infer<typeof CreateDocumentBody>;

export const DocumentSummary = z.object({
  id: z.string(),
  title: z.string(),
  createdAt: z.string(),
  frozen: z.boolean(),
  sourceLanguage: LanguageCode,
  /** The caller's role in this document. */
  role: Role,
});
export type DocumentSummary = z.infer<typeof DocumentSummary>;

export const DocumentList = z.object({ documents: z.array(DocumentSummary) });
export type DocumentList = z.infer<typeof DocumentList>;

/** An invite: a translator's also names the one language version its holder translates. */
/** How an invite was handed out: a link to copy, a QR code shown on screen, or a card of a printed sheet. */
export const INVITE_HANDOUTS = ['link', 'qr', 'sheet'] as const;
export const InviteHandout = z.enum(INVITE_HANDOUTS);
export type InviteHandout = z.infer<typeof InviteHandout>;

/** A card sheet being printed: the client names it once, and every card of it carries the same id. */
const SheetId = z.string().regex(/^[\w-]{4,64}$/, 'not a sheet id');

const inviteFields = {
  delegation: trimmed(LIMITS.delegationLength),
  /** Given for the cards of a printed sheet; without it the invite is a link. */
  sheetId: SheetId.optional(),
};

export const CreateInviteBody = z.discriminatedUnion('role', [
  z.strictObject({
    role: Role.exclude(['translator']),
    ...inviteFields,
  }),
  z.strictObject({
    role: z.literal('translator'),
    ...inviteFields,
    language: LanguageCode,
  }),
]);
export type CreateInviteBody = z.infer<typeof CreateInviteBody>;

export const InviteSummary = z.object({
  id: z.string(),
  documentId: z.string(),
  role: Role,
  /** The language a translator invite translates; null for the other roles. */
  language: LanguageCode.nullable(),
  delegation: z.string(),
  color: z.string(),
  createdAt: z.string(),
  revokedAt: z.string().nullable(),
  memberCount: z.number().int(),
  /** Who made it (the organiser, or an organiser member's name); null for invites made before Accord kept it. */
  createdBy: z.string().nullable(),
  handout: InviteHandout,
  /** Card sheet N, for `handout: 'sheet'`. */
  sheetNumber: z.number().int().nullable(),
  /** When its link was last used to join, or one of its members was last seen; null if never. */
  lastUsedAt: z.string().nullable(),
});
export type InviteSummary = z.infer<typeof InviteSummary>;

/** A created invite: the only time its token is ever shown. */
export const CreatedInvite = InviteSummary.extend({
  token: z.string(),
  url: z.string(),
});
export type CreatedInvite = z.infer<typeof CreatedInvite>;

export const InviteList = z.object({ invites: z.array(InviteSummary) });

/** A card sheet's number in the address of `DELETE /api/documents/:id/invite-sheets/:sheetNumber`. */
export const SheetNumber = z.coerce.number().int().min(1).max(1_000_000);

/** `DELETE /api/documents/:id/invite-sheets/:sheetNumber`: the cards of that sheet that were still active, now revoked. */
export const RevokedSheet = z.object({ sheetNumber: z.number().int(), revoked: z.array(InviteSummary) });
export type RevokedSheet = z.infer<typeof RevokedSheet>;
export type InviteList = z.infer<typeof InviteList>;

export const Member = z.object({
  id: z.string(),
  name: z.string(),
  delegation: z.string(),
  color: z.string(),
  role: Role,
  language: LanguageCode.nullable(),
  joinedAt: z.string(),
});
export type Member = z.infer<typeof Member>;

export const MemberList = z.object({ members: z.array(Member) });
export type MemberList = z.infer<typeof MemberList>;
