import { z } from 'zod';
import { CONSENSUS_STATUSES } from '../domain/consensus.ts';

export const CONSENSUS_LIMITS = {
  /** A reservation's note says why in a sentence or two ("pending consultation with capital"). */
  noteLength: 500,
  /** Recommendation ids are UniqueID's UUIDs; the bound only keeps junk out. */
  recommendationIdLength: 64,
} as const;

export const ConsensusStatusSchema = z.enum(CONSENSUS_STATUSES);

/** The `id` attribute of a recommendation node (set by UniqueID). */
export const RecommendationId = z
  .string()
  .min(1)
  .max(CONSENSUS_LIMITS.recommendationIdLength)
  .regex(/^[\w-]+$/, 'not a recommendation id');

export const SetConsensusStatusBody = z.strictObject({ status: ConsensusStatusSchema });
export type SetConsensusStatusBody = z.infer<typeof SetConsensusStatusBody>;

export const ReservationBody = z.strictObject({
  /** Why the delegation reserves its position; blank means no note. */
  note: z.string().trim().max(CONSENSUS_LIMITS.noteLength).optional(),
});
export type ReservationBody = z.infer<typeof ReservationBody>;

/** Who did something, as the server authenticated them. */
export const ConsensusActor = z.object({ name: z.string(), delegation: z.string() });
export type ConsensusActor = z.infer<typeof ConsensusActor>;

export const Reservation = z.object({
  delegation: z.string(),
  color: z.string(),
  note: z.string().nullable(),
  enteredBy: ConsensusActor,
  enteredAt: z.string(),
});
export type Reservation = z.infer<typeof Reservation>;

export const RecommendationConsensus = z.object({
  recommendationId: z.string(),
  /** What everyone sees: `setStatus`, or "agreed with reservation" once a delegation reserves an agreed text. */
  status: ConsensusStatusSchema,
  /** What a rapporteur or organiser last chose. */
  setStatus: ConsensusStatusSchema,
  setBy: ConsensusActor.nullable(),
  setAt: z.string().nullable(),
  /** By delegation name. */
  reservations: z.array(Reservation),
});
export type RecommendationConsensus = z.infer<typeof RecommendationConsensus>;

/** Every recommendation with a status or a reservation; the others are drafts without reservations. */
export const ConsensusList = z.object({ recommendations: z.array(RecommendationConsensus) });
export type ConsensusList = z.infer<typeof ConsensusList>;

/**
 * Server-Sent Events of `GET /api/documents/:id/events`: `consensus` once at the start (a ConsensusList), then
 * `recommendation-status` (a RecommendationConsensus) each time a status or reservation changes.
 */
export const CONSENSUS_EVENTS = { snapshot: 'consensus', changed: 'recommendation-status' } as const;
