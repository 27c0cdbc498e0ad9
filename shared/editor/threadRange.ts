import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { relativePositionToAbsolutePosition } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { decodeThreadAnchor } from './threadAnchorEncoding.ts';
import { followTextMoves } from './textMoves.ts';

/** A thread's text in a document, as ProseMirror positions. */
export interface ThreadRange {
  from: number;
  to: number;
}

/**
 * What converting between ProseMirror positions and Yjs relative positions needs: the editor's y-tiptap binding, or
 * `initProseMirrorDoc`'s document and mapping (the server's exports).
 */
export interface YBinding {
  doc: Y.Doc;
  /** The fragment the editor is bound to. */
  type: Y.XmlFragment;
  /** Each Yjs element's ProseMirror node (y-tiptap's mapping). */
  mapping: Map<Y.AbstractType<unknown>, unknown>;
}

/**
 * Where `position` is in the bound document, or null when it is nowhere in it.
 *
 * y-tiptap's `relativePositionToAbsolutePosition` refuses (returns null for) every position on a character that
 * resolves to 0 or 1: its guard against carets that misresolve to the document's start after blocks are dragged.
 * But 1 is exactly where the document's first paragraph starts, and a thread's start is tied to its first character
 * (the client's `stickToNextCharacter`), so a thread from the very start of the document read as "text removed". A position in
 * text is therefore converted as the start of its text node (a position on the node, which y-tiptap converts as it
 * is) plus its offset in it: the same walk through the document, without the guard.
 */
function toProseMirrorPosition(binding: YBinding, position: Y.RelativePosition): number | null {
  const mapping = binding.mapping as never;
  const decoded = Y.createAbsolutePositionFromRelativePosition(position, binding.doc);
  if (decoded?.type instanceof Y.XmlText) {
    const textStart = Y.createRelativePositionFromTypeIndex(decoded.type, 0, -1);
    const start = relativePositionToAbsolutePosition(binding.doc, binding.type, textStart, mapping);
    return start === null ? null : start + decoded.index;
  }
  return relativePositionToAbsolutePosition(binding.doc, binding.type, position, mapping);
}

/**
 * Where a thread's text is now in `doc` (the bound document): a range, or null when all of it has been
 * deleted ("text removed").
 */
export function resolveAnchors(binding: YBinding, doc: ProseMirrorNode, anchors: { anchorStart: string; anchorEnd: string }): ThreadRange | null {
  const toAbsolute = (anchor: string) => {
    const relative = decodeThreadAnchor(anchor);
    return relative ? toProseMirrorPosition(binding, followTextMoves(binding.doc, relative)) : null;
  };
  const from = toAbsolute(anchors.anchorStart);
  const to = toAbsolute(anchors.anchorEnd);
  if (from === null || to === null || to <= from || to > doc.content.size) return null;
  return doc.textBetween(from, to, '', '').trim() === '' ? null : { from, to };
}
