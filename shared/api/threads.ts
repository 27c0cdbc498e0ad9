import { z } from 'zod';
import { LANGUAGE_CODES } from '../domain/languages.ts';
import { THREAD_VISIBILITIES } from '../domain/threadVisibility.ts';
import { decodeThreadAnchor } from '../editor/threadAnchorEncoding.ts';

/** Limits of comment threads, shared so the client can say so before the server refuses. */
export const THREAD_LIMITS = {
  /** A comment is plain text; 10,000 characters is several pages, far more than a negotiation remark needs. */
  commentLength: 10_000,
  /** The quoted text the thread was opened on; the client shortens longer selections to this. */
  quoteLength: 2_000,
  outcomeLength: 500,
  /** An encoded Yjs relative position is a few dozen bytes; this leaves room for long root type names. */
  anchorLength: 512,
} as const;

/** The author id of the organiser token's holder (members are identified by their member id). */
export const ORGANISER_AUTHOR_ID = 'organiser';

export const ThreadVisibility = z.enum(THREAD_VISIBILITIES);

const Anchor = z
  .string()
  .max(THREAD_LIMITS.anchorLength)
  .refine((anchor) => decodeThreadAnchor(anchor) !== undefined, 'not an encoded Yjs relative position');

/** Comment text is kept exactly as typed (it is shown as text, never as HTML) but must not be blank. */
const CommentText = z
  .string()
  .max(THREAD_LIMITS.commentLength)
  .refine((body) => body.trim().length > 0, 'must not be empty');

/** A source block's id, as the editor gives it (a UUID); the key of its translation in every version. */
const BlockId = z.string().min(1).max(100);

export const CreateThreadBody = z
  .strictObject({
    anchorStart: Anchor,
    anchorEnd: Anchor,
    quote: z.string().max(THREAD_LIMITS.quoteLength),
    visibility: ThreadVisibility,
    body: CommentText,
    /**
     * A thread on a language version's text: the version's language and the source block whose translation holds the
     * words (the anchors are positions in that version's `block:<blockId>` fragment). Both absent for the source.
     */
    language: z.enum(LANGUAGE_CODES).optional(),
    blockId: BlockId.optional(),
  })
  .refine((body) => (body.language === undefined) === (body.blockId === undefined), {
    message: 'language and blockId go together: both for a thread on a language version, neither for the source',
    path: ['blockId'],
  });
export type CreateThreadBody = z.infer<typeof CreateThreadBody>;

export const CommentBody = z.strictObject({ body: CommentText });
export type CommentBody = z.infer<typeof CommentBody>;

export const ResolveThreadBody = z.strictObject({
  /** What was decided ("accepted as amended", "withdrawn"); blank means none. */
  outcome: z.string().trim().max(THREAD_LIMITS.outcomeLength).optional(),
});
export type ResolveThreadBody = z.infer<typeof ResolveThreadBody>;

export const ThreadAuthor = z.object({
  /** A member id, `organiser`, or `invite:<id>` for a script using an invite token directly. */
  id: z.string(),
  name: z.string(),
  delegation: z.string(),
  color: z.string(),
});
export type ThreadAuthor = z.infer<typeof ThreadAuthor>;

export const ThreadComment = z.object({
  id: z.string(),
  threadId: z.string(),
  author: ThreadAuthor,
  /** Null once deleted: the comment stays in the thread as "deleted". */
  body: z.string().nullable(),
  createdAt: z.string(),
  editedAt: z.string().nullable(),
  deletedAt: z.string().nullable(),
});
export type ThreadComment = z.infer<typeof ThreadComment>;

export const ThreadStatus = z.enum(['open', 'resolved']);
export type ThreadStatus = z.infer<typeof ThreadStatus>;

export const Thread = z.object({
  id: z.string(),
  documentId: z.string(),
  author: ThreadAuthor,
  visibility: ThreadVisibility,
  anchorStart: z.string(),
  anchorEnd: z.string(),
  /** The language version whose text the thread is on, or null for the source. */
  language: z.enum(LANGUAGE_CODES).nullable(),
  /** For a thread on a language version: the source block whose translation holds its words; null for the source. */
  blockId: z.string().nullable(),
  quote: z.string(),
  status: ThreadStatus,
  resolvedBy: ThreadAuthor.nullable(),
  resolvedAt: z.string().nullable(),
  outcome: z.string().nullable(),
  createdAt: z.string(),
  comments: z.array(ThreadComment),
});
export type Thread = z.infer<typeof Thread>;

export const ThreadList = z.object({ threads: z.array(Thread) });
export type ThreadList = z.infer<typeof ThreadList>;

/**
 * Server-Sent Events of `GET /api/documents/:id/events`: first `threads` (every thread the recipient may see, so a
 * reconnect never misses anything), then `thread` each time one is created or changes.
 */
export const THREAD_EVENTS = { snapshot: 'threads', changed: 'thread' } as const;
