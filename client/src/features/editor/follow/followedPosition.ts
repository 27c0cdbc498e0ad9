import type { Editor } from '@tiptap/core';
import { relativePositionToAbsolutePosition, ySyncPluginKey } from '@tiptap/y-tiptap';
import * as Y from 'yjs';

interface SyncPluginState {
  doc: Y.Doc;
  type: Y.XmlFragment;
  binding: { mapping: Map<unknown, unknown> } | null;
}

/**
 * Where in this editor's document another connection's caret is (the head of its selection), from its awareness
 * state; null when it publishes no caret (its editor lost the focus) or the position is not in this copy yet.
 */
export function followedPosition(editor: Editor, state: unknown): number | null {
  const cursor = (state as { cursor?: { head?: unknown } } | null)?.cursor;
  if (!cursor?.head || editor.isDestroyed) return null;
  const sync = ySyncPluginKey.getState(editor.state) as SyncPluginState | undefined;
  if (!sync?.binding || sync.binding.mapping.size === 0) return null;
  const position = relativePositionToAbsolutePosition(sync.doc, sync.type, Y.createRelativePositionFromJSON(cursor.head), sync.binding.mapping as never);
  return position === null ? null : Math.min(position, Math.max(editor.state.doc.content.size - 1, 0));
}
