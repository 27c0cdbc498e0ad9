import type { LanguageCode } from '../../../../shared/domain/languages.ts';
import type { TextDirection } from '../../../../shared/editor/textDirection.ts';
import type { Block, ParallelBlock, ParallelCell } from './exportModel.ts';

/** The direction of a language's script. */
export function languageDirection(language: LanguageCode): TextDirection {
  return language === 'ar' ? 'rtl' : 'ltr';
}

/**
 * The rows of a parallel text from its columns, `columns[c].blocks[i]` translating source block i (a version's
 * document has one top-level block per source block, so the columns line up): one `parallel` block per source block.
 */
export function parallelBlocks(columns: readonly Omit<ParallelCell, 'dir'>[]): ParallelBlock[] {
  const count = Math.min(...columns.map((column) => column.blocks.length));
  return Array.from({ length: count }, (_, index) => ({
    kind: 'parallel' as const,
    dir: languageDirection(columns[0]!.language),
    cells: columns.map(({ language, labels, blocks }) => ({ language, labels, dir: languageDirection(language), blocks: [blocks[index]!] })),
  })).filter((row) => !row.cells.every((cell) => cell.blocks.every(isBlank)));
}

/**
 * An empty paragraph or heading (a new document's first paragraph, a blank line between sections): in running text
 * it is a little space, in a table an empty bordered row, so a row of nothing but those is left out.
 */
function isBlank(block: Block): boolean {
  if (block.kind !== 'paragraph' && block.kind !== 'heading') return false;
  return block.inlines.every((inline) => inline.kind !== 'break' && (inline.kind !== 'text' || inline.text.trim() === ''));
}
