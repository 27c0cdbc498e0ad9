import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { type TextDirection, textDirection } from './textDirection.ts';

/**
 * The direction of every block (paragraphs, headings, list items, lists, quotes, recommendations), keyed by its
 * position: each follows the first strong character of its own text, so Arabic blocks read right-to-left and English
 * or French ones left-to-right in the same document. A block with no strong character yet (an empty paragraph just
 * created, a line of numbers) keeps the direction of the text before it, so the caret stays on the side the writer
 * was typing on. Computed, never stored: the editor renders it as `dir`, exports reuse it.
 */
export function blockDirections(doc: ProseMirrorNode, fallback: TextDirection = 'ltr'): Map<number, TextDirection> {
  const directions = new Map<number, TextDirection>();
  let previous = fallback;
  doc.descendants((node, pos) => {
    if (!node.isBlock) return false;
    const direction = textDirection(node.textContent, previous);
    directions.set(pos, direction);
    if (node.isTextblock) {
      previous = direction;
      return false;
    }
    return true;
  });
  return directions;
}
