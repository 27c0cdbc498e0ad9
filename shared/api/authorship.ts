import { z } from 'zod';

/**
 * One Yjs client id seen in a document, with the identity the server authenticated on the socket that sent its
 * changes. Never what a client said about itself.
 */
export const DocumentAuthor = z.object({
  clientId: z.number().int().nonnegative(),
  name: z.string(),
  delegation: z.string(),
  color: z.string(),
  /** ISO 8601: the first and (to within a minute) the last time a change of this client was stored. */
  firstSeen: z.string(),
  lastSeen: z.string(),
});
export type DocumentAuthor = z.infer<typeof DocumentAuthor>;

export const AuthorList = z.object({ authors: z.array(DocumentAuthor) });
export type AuthorList = z.infer<typeof AuthorList>;
