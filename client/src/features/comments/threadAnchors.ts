import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import type { EditorState } from '@tiptap/pm/state';
import { absolutePositionToRelativePosition, relativePositionToAbsolutePosition, ySyncPluginKey } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { THREAD_LIMITS } from '../../../../shared/api/threads.ts';
import { decodeThreadAnchor, encodeThreadAnchor } from '../../../../shared/editor/threadAnchorEncoding.ts';
import { followTextMoves } from './textMoves.ts';

/** A thread's text in the editor, as ProseMirror positions. */
export interface ThreadRange {
  from: number;
  to: number;
}

export interface NewAnchor {
  anchorStart: string;
  anchorEnd: string;
  quote: string;
}

/** What converting between ProseMirror positions and Yjs relative positions needs: y-tiptap's binding, or a test's. */
export interface YBinding {
  doc: Y.Doc;
  /** The fragment the editor is bound to. */
  type: Y.XmlFragment;
  /** Each Yjs element's ProseMirror node (y-tiptap's mapping). */
  mapping: Map<Y.AbstractType<unknown>, unknown>;
}

interface YSyncState {
  doc: Y.Doc;
  type: Y.XmlFragment;
  binding: { mapping: Map<Y.AbstractType<unknown>, unknown> } | null;
}

/** The Yjs side of the editor, once the binding has rendered the document (before that, positions mean nothing). */
function ySync(state: EditorState): YBinding | undefined {
  const sync = ySyncPluginKey.getState(state) as YSyncState | undefined;
  if (!sync?.binding || sync.binding.mapping.size === 0) return undefined;
  return { doc: sync.doc, type: sync.type, mapping: sync.binding.mapping };
}

/**
 * y-tiptap ties a position to the character on its left. A thread's start belongs to its first character instead,
 * so typing just before the commented words stays outside the thread (and deleting the word before it does not move it).
 */
function stickToNextCharacter(position: Y.RelativePosition, doc: Y.Doc): Y.RelativePosition {
  const absolute = Y.createAbsolutePositionFromRelativePosition(position, doc);
  if (absolute && absolute.type instanceof Y.XmlText && absolute.index < absolute.type.length) {
    return Y.createRelativePositionFromTypeIndex(absolute.type, absolute.index, 0);
  }
  return position;
}

/**
 * Where `position` is in the editor's document, or null when it is nowhere in it.
 *
 * y-tiptap's `relativePositionToAbsolutePosition` refuses (returns null for) every position on a character that
 * resolves to 0 or 1: its guard against carets that misresolve to the document's start after blocks are dragged.
 * But 1 is exactly where the document's first paragraph starts, and a thread's start is tied to its first character
 * (`stickToNextCharacter`), so a thread from the very start of the document read as "text removed". A position in
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

/** Anchors for the text from `from` to `to` of `doc` (the bound editor's document), or undefined when it has no text. */
export function anchorsForRange(binding: YBinding, doc: ProseMirrorNode, from: number, to: number): NewAnchor | undefined {
  const quote = doc.textBetween(from, to, '\n', ' ');
  if (to <= from || quote.trim() === '') return undefined;
  const mapping = binding.mapping as never;
  const start = absolutePositionToRelativePosition(from, binding.type, mapping) as Y.RelativePosition;
  const end = absolutePositionToRelativePosition(to, binding.type, mapping) as Y.RelativePosition;
  return {
    anchorStart: encodeThreadAnchor(stickToNextCharacter(start, binding.doc)),
    anchorEnd: encodeThreadAnchor(end),
    quote: quote.length > THREAD_LIMITS.quoteLength ? `${quote.slice(0, THREAD_LIMITS.quoteLength - 1)}…` : quote,
  };
}

/** Anchors for the current selection, or undefined when nothing is selected or the document is not bound yet. */
export function anchorsForSelection(state: EditorState): NewAnchor | undefined {
  const { from, to, empty } = state.selection;
  const sync = ySync(state);
  if (empty || !sync) return undefined;
  return anchorsForRange(sync, state.doc, from, to);
}

/**
 * Where a thread's text is now in `doc` (the bound editor's document): a range, or null when all of it has been
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

/**
 * Where a thread's text is now: a range, null when all of it has been deleted ("text removed"), or undefined while
 * the document is not bound yet.
 */
export function resolveThreadRange(state: EditorState, anchors: { anchorStart: string; anchorEnd: string }): ThreadRange | null | undefined {
  const sync = ySync(state);
  return sync ? resolveAnchors(sync, state.doc, anchors) : undefined;
}
