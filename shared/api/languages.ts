import { z } from 'zod';
import { StableNumberSchema } from './numbering.ts';
import { LanguageCode } from './documents.ts';

/** `POST /api/documents/:id/languages`: add a language version (organiser). */
export const AddLanguageBody = z.strictObject({ language: LanguageCode });
export type AddLanguageBody = z.infer<typeof AddLanguageBody>;

/** How many blocks of a version are in each state (shared/editor/translationStatus.ts). */
export const LanguageVersionSummary = z.object({
  language: LanguageCode,
  upToDate: z.number().int(),
  needsUpdate: z.number().int(),
  untranslated: z.number().int(),
});
export type LanguageVersionSummary = z.infer<typeof LanguageVersionSummary>;

/** `GET /api/documents/:id/languages`, for every member. */
export const LanguageList = z.object({
  source: LanguageCode,
  versions: z.array(LanguageVersionSummary),
});
export type LanguageList = z.infer<typeof LanguageList>;

/**
 * The live channel's events of language versions (`GET /api/documents/:id/events`): each carries the whole
 * `LanguageList`, the snapshot at every (re)connection and a change whenever a count, a version or the source changes.
 */
export const LANGUAGE_EVENTS = { snapshot: 'languages', changed: 'languages-changed' } as const;

/** One block of a version as listed for people: which source block, its recommendation number, its first words, status. */
export const VersionBlock = z.object({
  /** The source block's stable id; null for a block without its own id yet. */
  blockId: z.string().nullable(),
  /** The recommendation's number when the block is one, else null. */
  recommendation: StableNumberSchema.nullable(),
  /** The first words of the source block. */
  excerpt: z.string(),
  status: z.enum(['untranslated', 'upToDate', 'needsUpdate']),
});
export type VersionBlock = z.infer<typeof VersionBlock>;

/** `GET /api/documents/:id/languages/:language/blocks`, for every member: every source block with its status there. */
export const VersionBlockList = z.object({ language: LanguageCode, blocks: z.array(VersionBlock) });
export type VersionBlockList = z.infer<typeof VersionBlockList>;

/** `PUT /api/documents/:id/source-language` (organiser, while the document has no language version). */
export const SourceLanguageBody = z.strictObject({ language: LanguageCode });
export type SourceLanguageBody = z.infer<typeof SourceLanguageBody>;

/** A source block's stable id (UniqueID's UUIDs); the bound only keeps junk out. */
export const BlockId = z.string().min(1).max(100);

/** `POST /api/documents/:id/languages/:language/blocks/:blockId/confirmation`: the block as confirmed. */
export const BlockConfirmation = z.object({
  blockId: BlockId,
  language: LanguageCode,
  /** The source wording the translation was confirmed against. */
  source: z.string(),
  by: z.string(),
  at: z.string(),
});
export type BlockConfirmation = z.infer<typeof BlockConfirmation>;
