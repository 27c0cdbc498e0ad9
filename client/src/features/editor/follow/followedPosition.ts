import type { Editor } from '@tiptap/core';
import { absolutePositionToRelativePosition, relativePositionToAbsolutePosition, ySyncPluginKey } from '@tiptap/y-tiptap';
import * as Y from 'yjs';

interface SyncPluginState {
  doc: Y.Doc;
  type: Y.XmlFragment;
  binding: { mapping: Map<unknown, unknown> } | null;
}

/** The awareness field where an editor publishes what its reader looks at: `{head}`, a Yjs relative position. */
export const VIEWING_FIELD = 'viewing';

/** The editor's Yjs binding, once the document is bound (before the first sync there is nothing to point at). */
function boundSync(editor: Editor): SyncPluginState | null {
  if (editor.isDestroyed) return null;
  const sync = ySyncPluginKey.getState(editor.state) as SyncPluginState | undefined;
  return sync?.binding && sync.binding.mapping.size > 0 ? sync : null;
}

/** Where a published relative position (`{head}` of a caret or of a view) is in this editor's copy, if it is there. */
function positionOf(editor: Editor, published: unknown): number | null {
  const head = (published as { head?: unknown } | null | undefined)?.head;
  const sync = head ? boundSync(editor) : null;
  if (!sync) return null;
  const position = relativePositionToAbsolutePosition(sync.doc, sync.type, Y.createRelativePositionFromJSON(head), sync.binding!.mapping as never);
  return position === null ? null : Math.min(position, Math.max(editor.state.doc.content.size - 1, 0));
}

/**
 * Where in this editor's document another connection's caret is (the head of its selection), from its awareness
 * state; null when it publishes no caret (its editor lost the focus) or the position is not in this copy yet.
 */
export function followedPosition(editor: Editor, state: unknown): number | null {
  return positionOf(editor, (state as { cursor?: unknown } | null)?.cursor);
}

/**
 * Where another connection's reader looks (the text block in the middle of their view), from its awareness state:
 * what is followed while they have no caret, e.g. just after opening the page.
 */
export function viewedPosition(editor: Editor, state: unknown): number | null {
  return positionOf(editor, (state as Record<string, unknown> | null)?.[VIEWING_FIELD]);
}

/** `pos` of this editor as the value of its `VIEWING_FIELD`, or null before the document is bound. */
export function viewingField(editor: Editor, pos: number): { head: unknown } | null {
  const sync = boundSync(editor);
  if (!sync) return null;
  return { head: Y.relativePositionToJSON(absolutePositionToRelativePosition(pos, sync.type, sync.binding!.mapping as never)) };
}
