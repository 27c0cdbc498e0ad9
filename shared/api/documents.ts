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
export const CreateInviteBody = z.discriminatedUnion('role', [
  z.strictObject({
    role: Role.exclude(['translator']),
    delegation: trimmed(LIMITS.delegationLength),
  }),
  z.strictObject({
    role: z.literal('translator'),
    delegation: trimmed(LIMITS.delegationLength),
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
});
export type InviteSummary = z.infer<typeof InviteSummary>;

/** A created invite: the only time its token is ever shown. */
export const CreatedInvite = InviteSummary.extend({
  token: z.string(),
  url: z.string(),
});
export type CreatedInvite = z.infer<typeof CreatedInvite>;

export const InviteList = z.object({ invites: z.array(InviteSummary) });
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
