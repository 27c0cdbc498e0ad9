import { z } from 'zod';
import { SUGGESTION_MARKS } from '../editor/suggestionKinds.ts';

/** Ids are made by clients (suggestions) or by the editor (brackets): short, printable, never a path. */
const MarkId = z.string().min(1).max(100);

/** One proposal as the server sees it in the live document. */
export const Suggestion = z.object({
  id: z.string(),
  kinds: z.array(z.enum(SUGGESTION_MARKS)),
  author: z.string().nullable(),
  delegation: z.string().nullable(),
  color: z.string().nullable(),
  time: z.string().nullable(),
  inserted: z.string(),
  deleted: z.string(),
  recommendationId: z.string().nullable(),
});
export type Suggestion = z.infer<typeof Suggestion>;

export const SUGGESTION_DECISIONS = ['accept', 'reject', 'withdraw'] as const;
export type SuggestionDecisionName = (typeof SUGGESTION_DECISIONS)[number];

/** The path parameters of `POST /api/documents/:id/suggestions/:suggestionId/(accept|reject|withdraw)`. */
export const SuggestionParams = z.object({ suggestionId: MarkId, decision: z.enum(SUGGESTION_DECISIONS) });

/**
 * The body of the bulk `POST /api/documents/:id/suggestions/(accept|reject)`: every proposal of one delegation, in one
 * recommendation, both, or (neither given) every proposal in the document.
 */
export const BulkSuggestionBody = z.strictObject({
  delegation: z.string().min(1).max(200).optional(),
  recommendationId: z.string().min(1).max(200).optional(),
});
export type BulkSuggestionBody = z.infer<typeof BulkSuggestionBody>;

/** The answer of every decision: what was decided (ids), for the client's announcement. */
export const SuggestionDecisionResult = z.object({
  decision: z.enum(SUGGESTION_DECISIONS),
  suggestionIds: z.array(z.string()),
});
export type SuggestionDecisionResult = z.infer<typeof SuggestionDecisionResult>;

/** The path parameter of `POST /api/documents/:id/brackets/:bracketId/remove`. */
export const BracketParams = z.object({ bracketId: MarkId });

/** The path parameter of `PUT /api/documents/:id/suggestions/:suggestionId/justification`. */
export const SuggestionIdParams = z.object({ suggestionId: MarkId });

export const BracketRemovalResult = z.object({ bracketId: z.string() });
export type BracketRemovalResult = z.infer<typeof BracketRemovalResult>;
