import { z } from 'zod';

/** A locked recommendation number (shared/domain/stableNumbers.ts): "4" is {4, 0}, "4bis" {4, 1}, "4ter" {4, 2}. */
export const StableNumberSchema = z.object({ base: z.number().int().nonnegative(), suffix: z.number().int().nonnegative() });

export const NumberedRecommendation = z.object({
  id: z.string(),
  number: StableNumberSchema,
  /** Deleted from the text: its number stays taken, and the review copy shows it as "4 [deleted]". */
  deleted: z.boolean(),
});
export type NumberedRecommendation = z.infer<typeof NumberedRecommendation>;

export const RenumberingRow = z.object({ id: z.string(), from: StableNumberSchema, to: StableNumberSchema.nullable() });

/** `GET /api/documents/:id/numbering`, and the answer of locking and renumbering. */
export const Numbering = z.object({
  locked: z.boolean(),
  lockedAt: z.string().nullable(),
  lockedBy: z.string().nullable(),
  /** Every numbered recommendation (in number order) while locked; empty otherwise. */
  numbers: z.array(NumberedRecommendation),
  /** The last renumbering's correspondence table, old → new, if there was one. */
  renumbering: z.object({ at: z.string(), by: z.string(), rows: z.array(RenumberingRow) }).nullable(),
});
export type Numbering = z.infer<typeof Numbering>;
