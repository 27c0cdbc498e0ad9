import type { Editor } from '@tiptap/core';
import { useEffect } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import { VIEWING_FIELD, viewingField } from './followedPosition.ts';
import { scrollParent, viewportOf } from './revealPosition.ts';

/** At most this often while the reader scrolls: enough for a follower, a few small awareness messages a second. */
const PUBLISH_MS = 250;

/**
 * The start of the text block in the middle of the reader's view of `editor`, or null when none is there (the editor
 * is not laid out, or shows nothing at that height).
 */
function viewedBlock(editor: Editor): { pos: number; element: Node | null } | null {
  const view = editor.view;
  const box = view.dom.getBoundingClientRect();
  if (box.height === 0) return null;
  const viewport = viewportOf(scrollParent(view.dom));
  const top = Math.min(Math.max(viewport.top + viewport.height / 2, box.top + 1), box.bottom - 1);
  const found = view.posAtCoords({ left: box.left + box.width / 2, top });
  if (!found) return null;
  const $pos = view.state.doc.resolve(found.pos);
  const pos = $pos.depth > 0 ? $pos.start() : found.pos;
  return { pos, element: view.nodeDOM($pos.depth > 0 ? $pos.before() : found.pos) };
}

/**
 * Publishes in awareness where this reader looks (`VIEWING_FIELD`): the text block in the middle of their view, when
 * the document arrives and as they scroll, so that others can follow them even before they place a caret. Only a
 * change of block is sent.
 */
export function usePublishViewing(editor: Editor, awareness: Awareness): void {
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let published: Node | null | undefined;
    const publish = () => {
      timer = undefined;
      if (editor.isDestroyed) return;
      const block = viewedBlock(editor);
      if (!block || (block.element !== null && block.element === published)) return;
      const field = viewingField(editor, block.pos);
      if (!field) return;
      published = block.element;
      awareness.setLocalStateField(VIEWING_FIELD, field);
    };
    const schedule = () => {
      timer ??= setTimeout(publish, PUBLISH_MS);
    };
    // A read-only text (frozen) takes no focus, so no caret is published: where the reader clicks is where they are.
    const clicked = () => {
      if (editor.isDestroyed || editor.isEditable) return;
      const field = viewingField(editor, editor.state.selection.head);
      if (!field) return;
      published = null;
      awareness.setLocalStateField(VIEWING_FIELD, field);
    };
    window.addEventListener('scroll', schedule, { capture: true, passive: true });
    window.addEventListener('resize', schedule, { passive: true });
    // The first sync (and later edits that move the text) may change which block is in view without a scroll.
    editor.on('update', schedule);
    editor.on('selectionUpdate', clicked);
    schedule();
    return () => {
      clearTimeout(timer);
      window.removeEventListener('scroll', schedule, { capture: true });
      window.removeEventListener('resize', schedule);
      editor.off('update', schedule);
      editor.off('selectionUpdate', clicked);
    };
  }, [editor, awareness]);
}
