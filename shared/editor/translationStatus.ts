import type { Node as ProseMirrorNode, Schema } from '@tiptap/pm/model';
import { yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { z } from 'zod';
import { blockFragmentName, CONFIRMATIONS_MAP } from '../protocol/languageRooms.ts';
import { blockWording, sourceBlocks } from './alignedBlocks.ts';

/** The three states of a version block (docs/decisions/0004-language-versions.md). */
export const TRANSLATION_STATUSES = ['untranslated', 'upToDate', 'needsUpdate'] as const;
export type TranslationStatus = (typeof TRANSLATION_STATUSES)[number];

/** What confirming a block records in the version: the source wording confirmed against, who, when. */
export const Confirmation = z.object({
  source: z.string(),
  by: z.string(),
  at: z.string(),
});
export type Confirmation = z.infer<typeof Confirmation>;

/** The confirmation of `blockId` in a version's Yjs document, if any (anything malformed counts as none). */
export function confirmationOf(version: Y.Doc, blockId: string): Confirmation | undefined {
  const parsed = Confirmation.safeParse(version.getMap(CONFIRMATIONS_MAP).get(blockId));
  return parsed.success ? parsed.data : undefined;
}

/** Records that the translation of `blockId` was checked against the source wording `source`. */
export function confirm(version: Y.Doc, blockId: string, confirmation: Confirmation): void {
  version.getMap(CONFIRMATIONS_MAP).set(blockId, { ...confirmation });
}

/** The translation of `blockId` as a ProseMirror document (empty when nobody wrote one). */
export function translationOf(version: Y.Doc, blockId: string, schema: Schema): ProseMirrorNode {
  return yXmlFragmentToProseMirrorRootNode(version.getXmlFragment(blockFragmentName(blockId)), schema);
}

/**
 * A block's status: untranslated until someone both wrote and confirmed it (a written but unconfirmed block is a
 * draft, still untranslated); then up to date while the source says what was confirmed, needs update once it does not.
 */
export function translationStatus(sourceWording: string, translationWording: string, confirmation: Confirmation | undefined): TranslationStatus {
  if (translationWording.length === 0 || !confirmation) return 'untranslated';
  return confirmation.source === sourceWording ? 'upToDate' : 'needsUpdate';
}

export interface AlignedRow {
  /** The source block's id; null for a block without its own id yet (no translation possible, counted untranslated). */
  id: string | null;
  source: ProseMirrorNode;
  translation: ProseMirrorNode | null;
  status: TranslationStatus;
  confirmation: Confirmation | undefined;
}

export type StatusCounts = Record<TranslationStatus, number>;

/**
 * Every source block beside its translation in `version`, with its status: the side-by-side rows. A source block with
 * no words (an empty paragraph between others) has nothing to translate and no row.
 */
export function alignVersion(source: ProseMirrorNode, version: Y.Doc, schema: Schema): AlignedRow[] {
  const worded = sourceBlocks(source).filter(({ node }) => blockWording(node).length > 0);
  return worded.map(({ id, node }) => {
    if (!id) return { id, source: node, translation: null, status: 'untranslated', confirmation: undefined };
    const translation = translationOf(version, id, schema);
    const confirmation = confirmationOf(version, id);
    return { id, source: node, translation, confirmation, status: translationStatus(blockWording(node), blockWording(translation), confirmation) };
  });
}

/** How many rows are in each status. */
export function countStatuses(rows: readonly { status: TranslationStatus }[]): StatusCounts {
  const counts: StatusCounts = { untranslated: 0, upToDate: 0, needsUpdate: 0 };
  for (const row of rows) counts[row.status]++;
  return counts;
}
