import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { RECOMMENDATION_NODE } from './recommendationNumbers.ts';

/**
 * The blocks that carry a stable `id` (UniqueID): every kind that can stand at the top of a document. Language versions
 * are aligned on the ids of the source's top-level blocks (docs/decisions/0004-language-versions.md).
 */
export const ALIGNED_BLOCK_TYPES = ['heading', 'paragraph', RECOMMENDATION_NODE, 'bulletList', 'orderedList', 'blockquote'];

/** A top-level block of the source, one row of the side-by-side view and of a parallel export. */
export interface SourceBlock {
  /**
   * The block's stable id; null while it has none yet (made by an editor that assigns no ids) or when an earlier block
   * carries the same id (a transient copy): such a block has no translation until it gets its own id.
   */
  id: string | null;
  node: ProseMirrorNode;
}

/** The source's top-level blocks in order, each with the id its translations are keyed by. */
export function sourceBlocks(doc: ProseMirrorNode): SourceBlock[] {
  const seen = new Set<string>();
  const blocks: SourceBlock[] = [];
  doc.forEach((node) => {
    const raw: unknown = node.attrs.id;
    const id = typeof raw === 'string' && raw.length > 0 && !seen.has(raw) ? raw : null;
    if (id) seen.add(id);
    blocks.push({ id, node });
  });
  return blocks;
}

/**
 * The words of a block as a translator reads them: its text, paragraphs and list items on their own lines, runs of
 * spaces as one. This is what a confirmation records and what "needs update" compares.
 */
export function blockWording(node: ProseMirrorNode): string {
  return node
    .textBetween(0, node.content.size, '\n', ' ')
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter((line) => line.length > 0)
    .join('\n');
}

/**
 * What the translation of a block of type `type` holds (the content of its editor's top node): the words of a heading
 * or paragraph as one paragraph; paragraphs and lists for a recommendation, a list or a quotation. The source keeps the
 * block's own kind, level and number.
 */
export function translationContent(type: string): string {
  return type === 'heading' || type === 'paragraph' ? 'paragraph' : '(paragraph | bulletList | orderedList)+';
}
