import { type TextDirection, textDirection } from '../../../../shared/editor/textDirection.ts';
import type { Block, Footnote } from './exportModel.ts';
import { LEFT_TO_RIGHT_MARK } from './directionMarks.ts';


const SUPERSCRIPT_DIGITS = '⁰¹²³⁴⁵⁶⁷⁸⁹';

/** A footnote's number as superscript digits ("¹²"), for formats without a superscript of their own (Markdown, PDF text). */
export function superscript(number: number): string {
  return [...String(number)].map((digit) => SUPERSCRIPT_DIGITS[Number(digit)]).join('');
}

/** The marks of a recommendation's footnotes after its label: "¹", or "¹ ²" for two (never "¹²", which reads 12). */
export function footnoteMarks(footnotes: readonly Footnote[]): string {
  return footnotes.map(({ number }) => superscript(number)).join(' ');
}

/**
 * A recommendation's label followed by its footnote marks. A left-to-right mark closes the marks when the label is
 * left-to-right in a right-to-left block, so they stay after its number instead of moving to the block's far side.
 */
export function labelWithMarks(label: string, footnotes: readonly Footnote[], dir: TextDirection): string {
  if (footnotes.length === 0) return label;
  const closing = dir === 'rtl' && textDirection(label) === 'ltr' ? LEFT_TO_RIGHT_MARK : '';
  return `${label}${footnoteMarks(footnotes)}${closing}`;
}

/** Every footnote of the text, in order (recommendations can sit inside lists and quotes). */
export function footnotesOf(blocks: readonly Block[]): Footnote[] {
  return blocks.flatMap((block): Footnote[] => {
    switch (block.kind) {
      case 'recommendation':
        return [...block.footnotes, ...footnotesOf(block.blocks)];
      case 'list':
        return block.items.flatMap(footnotesOf);
      case 'quote':
        return footnotesOf(block.blocks);
      case 'parallel':
        return block.cells.flatMap((cell) => footnotesOf(cell.blocks));
      default:
        return [];
    }
  });
}
