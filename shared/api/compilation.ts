import { z } from 'zod';

export const COMPILATION_LIMITS = {
  /** A justification says why in a sentence or two. */
  justificationLength: 500,
} as const;

/** ITU practice: ADD a new recommendation, MOD changed wording, SUP its deletion, NOC no change. */
export const COMPILATION_TAGS = ['ADD', 'MOD', 'SUP', 'NOC'] as const;
export type CompilationTag = (typeof COMPILATION_TAGS)[number];

/** What a row of the compilation is: a proposal in the text, an alternative, brackets, a reservation, a "no change". */
export const COMPILATION_KINDS = ['proposal', 'alternative', 'brackets', 'reservation', 'noChange'] as const;
export type CompilationKind = (typeof COMPILATION_KINDS)[number];

/** `PUT /api/documents/:id/recommendations/:recommendationId/no-change`: the caller's delegation marks NOC. */
export const NoChangeBody = z.strictObject({ justification: z.string().trim().max(COMPILATION_LIMITS.justificationLength).optional() });
export type NoChangeBody = z.infer<typeof NoChangeBody>;

/** `PUT /api/documents/:id/suggestions/:suggestionId/justification`: the proposing delegation says why (blank removes). */
export const ProposalJustificationBody = z.strictObject({ text: z.string().trim().max(COMPILATION_LIMITS.justificationLength) });
export type ProposalJustificationBody = z.infer<typeof ProposalJustificationBody>;

export const NoChange = z.object({
  recommendationId: z.string(),
  delegation: z.string(),
  color: z.string(),
  justification: z.string().nullable(),
  enteredBy: z.string(),
  enteredAt: z.string(),
});
export type NoChange = z.infer<typeof NoChange>;

export const ProposalJustification = z.object({ suggestionId: z.string(), delegation: z.string(), text: z.string() });
export type ProposalJustification = z.infer<typeof ProposalJustification>;

/** What the compilation adds to the text, the alternatives and the reservations: NOC marks and justifications. */
export const CompilationNotes = z.object({ noChange: z.array(NoChange), justifications: z.array(ProposalJustification) });
export type CompilationNotes = z.infer<typeof CompilationNotes>;

/**
 * Server-Sent Events of `GET /api/documents/:id/events`: `compilation-notes` once at the start, then again (the whole
 * CompilationNotes) each time a NOC or a justification changes.
 */
export const COMPILATION_EVENTS = { snapshot: 'compilation-notes', changed: 'compilation-notes-changed' } as const;
