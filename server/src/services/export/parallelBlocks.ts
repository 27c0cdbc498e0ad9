import type { LanguageCode } from '../../../../shared/domain/languages.ts';
import type { TextDirection } from '../../../../shared/editor/textDirection.ts';
import type { ParallelBlock, ParallelCell } from './exportModel.ts';

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
    kind: 'parallel',
    dir: languageDirection(columns[0]!.language),
    cells: columns.map(({ language, labels, blocks }) => ({ language, labels, dir: languageDirection(language), blocks: [blocks[index]!] })),
  }));
}
