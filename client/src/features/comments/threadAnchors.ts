import type { EditorState } from '@tiptap/pm/state';
import { absolutePositionToRelativePosition, relativePositionToAbsolutePosition, ySyncPluginKey } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { THREAD_LIMITS } from '../../../../shared/api/threads.ts';
import { decodeThreadAnchor, encodeThreadAnchor } from '../../../../shared/editor/threadAnchor.ts';
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

interface YSyncState {
  doc: Y.Doc;
  type: Y.XmlFragment;
  binding: { mapping: Map<Y.AbstractType<unknown>, unknown> } | null;
}

/** The Yjs side of the editor, once the binding has rendered the document (before that, positions mean nothing). */
function ySync(state: EditorState): (YSyncState & { binding: NonNullable<YSyncState['binding']> }) | undefined {
  const sync = ySyncPluginKey.getState(state) as YSyncState | undefined;
  if (!sync?.binding || sync.binding.mapping.size === 0) return undefined;
  return { ...sync, binding: sync.binding };
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

/** Anchors for the current selection, or undefined when nothing is selected or the document is not bound yet. */
export function anchorsForSelection(state: EditorState): NewAnchor | undefined {
  const { from, to, empty } = state.selection;
  const sync = ySync(state);
  const quote = state.doc.textBetween(from, to, '\n', ' ');
  if (empty || !sync || quote.trim() === '') return undefined;
  const start = absolutePositionToRelativePosition(from, sync.type, sync.binding.mapping as never) as Y.RelativePosition;
  const end = absolutePositionToRelativePosition(to, sync.type, sync.binding.mapping as never) as Y.RelativePosition;
  return {
    anchorStart: encodeThreadAnchor(stickToNextCharacter(start, sync.doc)),
    anchorEnd: encodeThreadAnchor(end),
    quote: quote.length > THREAD_LIMITS.quoteLength ? `${quote.slice(0, THREAD_LIMITS.quoteLength - 1)}…` : quote,
  };
}

/**
 * Where a thread's text is now: a range, null when all of it has been deleted ("text removed"), or undefined while
 * the document is not bound yet.
 */
export function resolveThreadRange(state: EditorState, anchors: { anchorStart: string; anchorEnd: string }): ThreadRange | null | undefined {
  const sync = ySync(state);
  if (!sync) return undefined;
  const toAbsolute = (anchor: string) => {
    const relative = decodeThreadAnchor(anchor);
    return relative
      ? relativePositionToAbsolutePosition(sync.doc, sync.type, followTextMoves(sync.doc, relative), sync.binding.mapping as never)
      : null;
  };
  const from = toAbsolute(anchors.anchorStart);
  const to = toAbsolute(anchors.anchorEnd);
  if (from === null || to === null || to <= from || to > state.doc.content.size) return null;
  return state.doc.textBetween(from, to, '', '').trim() === '' ? null : { from, to };
}
