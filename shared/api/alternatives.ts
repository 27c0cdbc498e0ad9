import { z } from 'zod';
import { ConsensusActor } from './consensus.ts';

export const ALTERNATIVE_LIMITS = {
  /** An alternative is the wording of one recommendation: a few sentences, at most a few paragraphs. */
  textLength: 4000,
  /** A justification says why in a sentence or two. */
  justificationLength: 500,
} as const;

export const ALTERNATIVE_STATUSES = ['open', 'retained', 'not_retained', 'withdrawn'] as const;
export type AlternativeStatus = (typeof ALTERNATIVE_STATUSES)[number];

/** "Alt N" in a path: the alternative's number within its recommendation (1, 2, …; 0 is the current text). */
export const AlternativeNumber = z.coerce.number().int().min(1).max(10_000);

const Justification = z.string().trim().max(ALTERNATIVE_LIMITS.justificationLength);

/** `POST /api/documents/:id/recommendations/:recommendationId/alternatives`: a delegation proposes a wording. */
export const ProposeAlternativeBody = z.strictObject({
  /** The whole wording of the recommendation; paragraphs separated by blank lines or line breaks. */
  text: z.string().trim().min(1).max(ALTERNATIVE_LIMITS.textLength),
  justification: Justification.optional(),
});
export type ProposeAlternativeBody = z.infer<typeof ProposeAlternativeBody>;

/** `PATCH …/alternatives/:number`: the proposing delegation changes its justification (blank removes it). */
export const JustifyAlternativeBody = z.strictObject({ justification: Justification });
export type JustifyAlternativeBody = z.infer<typeof JustifyAlternativeBody>;

/** `POST …/recommendations/:recommendationId/retain`: which wording the rapporteur retains; 0 keeps the current text. */
export const RetainAlternativeBody = z.strictObject({ alternative: z.number().int().min(0).max(10_000) });
export type RetainAlternativeBody = z.infer<typeof RetainAlternativeBody>;

export const AlternativeSupporter = z.object({ delegation: z.string(), color: z.string(), name: z.string(), at: z.string() });
export type AlternativeSupporter = z.infer<typeof AlternativeSupporter>;

export const Alternative = z.object({
  /** "Alt N": given in order of proposal, never reused within the recommendation. */
  number: z.number().int(),
  text: z.string(),
  justification: z.string().nullable(),
  /** The proposing delegation (and who, in it, proposed). */
  delegation: z.string(),
  color: z.string(),
  proposedBy: z.string(),
  proposedAt: z.string(),
  /** Other delegations supporting it, in the order they said so. */
  supporters: z.array(AlternativeSupporter),
  status: z.enum(ALTERNATIVE_STATUSES),
  /** Who retained it (or retained another, or withdrew it), and when; null while open. */
  decidedBy: ConsensusActor.nullable(),
  decidedAt: z.string().nullable(),
  /** For a retained alternative: the wording it replaced. */
  replacedText: z.string().nullable(),
});
export type Alternative = z.infer<typeof Alternative>;

/** Every alternative ever proposed to one recommendation, open or not, by number. */
export const RecommendationAlternatives = z.object({
  recommendationId: z.string(),
  alternatives: z.array(Alternative),
});
export type RecommendationAlternatives = z.infer<typeof RecommendationAlternatives>;

export const AlternativesList = z.object({ recommendations: z.array(RecommendationAlternatives) });
export type AlternativesList = z.infer<typeof AlternativesList>;

/**
 * Server-Sent Events of `GET /api/documents/:id/events`: `alternatives` once at the start (an AlternativesList), then
 * `recommendation-alternatives` (a RecommendationAlternatives) each time one of its alternatives changes.
 */
export const ALTERNATIVE_EVENTS = { snapshot: 'alternatives', changed: 'recommendation-alternatives' } as const;

/** The alternatives still waiting for a decision. */
export const openAlternatives = (entry: RecommendationAlternatives): Alternative[] =>
  entry.alternatives.filter((alternative) => alternative.status === 'open');
