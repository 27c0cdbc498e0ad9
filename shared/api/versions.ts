import { z } from 'zod';
import { StableNumberSchema } from './numbering.ts';
import { LanguageCode } from './documents.ts';

export const VERSION_NAME_LENGTH = 120;

export const CreateVersionBody = z.strictObject({
  name: z.string().trim().min(1).max(VERSION_NAME_LENGTH),
});
export type CreateVersionBody = z.infer<typeof CreateVersionBody>;

export const FreezeBody = z.strictObject({ frozen: z.boolean() });
export type FreezeBody = z.infer<typeof FreezeBody>;

export const VERSION_KINDS = ['auto', 'named', 'freeze', 'restore'] as const;
export type VersionKind = (typeof VERSION_KINDS)[number];

export const Version = z.object({
  id: z.string(),
  documentId: z.string(),
  kind: z.enum(VERSION_KINDS),
  name: z.string().nullable(),
  createdBy: z.string().nullable(),
  createdByDelegation: z.string().nullable(),
  createdAt: z.string(),
  /** Bytes of the stored Yjs state. */
  size: z.number().int(),
});
export type Version = z.infer<typeof Version>;

export const VersionList = z.object({ versions: z.array(Version) });
export type VersionList = z.infer<typeof VersionList>;

/** `GET /api/documents/:id/versions/:versionId?language=ar`: which text of the snapshot (default: the source). */
export const VersionContentQuery = z.object({ language: LanguageCode.optional() });

/** `GET /api/documents/:id/compare?from=…&to=…&language=ar`: two snapshots (or one and `current`), in one language. */
export const CompareQuery = z.object({
  from: z.string().min(1),
  to: z.string().min(1).default('current'),
  language: LanguageCode.optional(),
});

/** A version's text as Tiptap JSON, to show read-only with the shared schema. */
export const VersionContent = z.object({
  version: Version,
  content: z.record(z.string(), z.unknown()),
  /** The numbers locked then (ADR 0008), by recommendation id; null when numbers were positions. */
  numbers: z.array(z.object({ id: z.string(), number: StableNumberSchema })).nullable(),
});
export type VersionContent = z.infer<typeof VersionContent>;

export const DiffSegment = z.object({
  op: z.enum(['same', 'added', 'removed']),
  text: z.string(),
});
export type DiffSegment = z.infer<typeof DiffSegment>;

export const ChangeKind = z.enum(['same', 'added', 'removed', 'changed']);
export type ChangeKind = z.infer<typeof ChangeKind>;

/** One text block of the compared documents, with its words marked as kept, inserted or deleted. */
export const DiffBlock = z.object({
  type: z.string(),
  change: ChangeKind,
  /** The number of the recommendation the block belongs to (in the newer text; in the older if removed). */
  recommendation: StableNumberSchema.nullable(),
  dir: z.enum(['ltr', 'rtl']),
  segments: z.array(DiffSegment),
});
export type DiffBlock = z.infer<typeof DiffBlock>;

export const RecommendationChange = z.object({
  id: z.string(),
  change: z.enum(['added', 'removed', 'changed']),
  /** Number in the older text (null if added). */
  from: StableNumberSchema.nullable(),
  /** Number in the newer text (null if removed). */
  to: StableNumberSchema.nullable(),
  text: z.string(),
});
export type RecommendationChange = z.infer<typeof RecommendationChange>;

export const VersionComparison = z.object({
  from: z.string(),
  to: z.string(),
  blocks: z.array(DiffBlock),
  recommendations: z.array(RecommendationChange),
});
export type VersionComparison = z.infer<typeof VersionComparison>;

/** `POST /api/documents/:id/versions/:versionId/restore`: the snapshot of the text as it was just before the restore. */
export const RestoreResult = z.object({ savedBefore: Version });
export type RestoreResult = z.infer<typeof RestoreResult>;

/** `POST /api/documents/:id/freeze`: the new state, and the final snapshot taken when freezing (null when unfreezing). */
export const FreezeResult = z.object({ frozen: z.boolean(), snapshot: Version.nullable() });
export type FreezeResult = z.infer<typeof FreezeResult>;
