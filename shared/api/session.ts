import { z } from 'zod';
import { LanguageCode, LIMITS, Role } from './documents.ts';

/** Exchange an organiser token for a browser session. */
export const OrganiserLoginBody = z.strictObject({
  token: z.string().min(1).max(200),
});
export type OrganiserLoginBody = z.infer<typeof OrganiserLoginBody>;

/** Exchange an invite token and a person's name for a browser session as a member of the invite's document. */
export const JoinBody = z.strictObject({
  token: z.string().min(1).max(200),
  name: z.string().trim().min(1).max(LIMITS.personNameLength),
});
export type JoinBody = z.infer<typeof JoinBody>;

/** What an invite opens, shown on the join page before the person gives a name. */
export const InvitePreview = z.object({
  documentId: z.string(),
  documentTitle: z.string(),
  role: Role,
  language: LanguageCode.nullable(),
  delegation: z.string(),
  color: z.string(),
});
export type InvitePreview = z.infer<typeof InvitePreview>;

/** Who the caller is. Organisers run the workshop and see every document. */
export const Me = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('organiser'), name: z.string() }),
  z.object({
    kind: z.literal('member'),
    memberId: z.string().nullable(),
    documentId: z.string(),
    name: z.string(),
    delegation: z.string(),
    color: z.string(),
    role: Role,
    /** The language a translator translates; null for the other roles. */
    language: LanguageCode.nullable(),
  }),
]);
export type Me = z.infer<typeof Me>;
