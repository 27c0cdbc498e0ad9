import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import type { EditorState } from '@tiptap/pm/state';
import { absolutePositionToRelativePosition, ySyncPluginKey } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { THREAD_LIMITS } from '../../../../shared/api/threads.ts';
import { encodeThreadAnchor } from '../../../../shared/editor/threadAnchorEncoding.ts';
import { type ThreadRange, type YBinding, resolveAnchors } from '../../../../shared/editor/threadRange.ts';

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
 * Where a thread's text is now: a range, null when all of it has been deleted ("text removed"), or undefined while
 * the document is not bound yet.
 */
export function resolveThreadRange(state: EditorState, anchors: { anchorStart: string; anchorEnd: string }): ThreadRange | null | undefined {
  const sync = ySync(state);
  return sync ? resolveAnchors(sync, state.doc, anchors) : undefined;
}
