import type { Editor } from '@tiptap/core';
import { useEffect } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import { caretPersonKey } from './caretRender.ts';

/**
 * Caret name labels fade about 2 s after their person stops typing or moving (a CSS animation), so that with many
 * delegations they do not hide the line above. When someone's caret moves, their label's fade starts over.
 */
export function useCaretLabelFading(editor: Editor, awareness: Awareness): void {
  useEffect(() => {
    let frame = 0;
    const moved = new Set<string>();
    const restart = () => {
      if (editor.isDestroyed) return;
      for (const caret of editor.view.dom.querySelectorAll<HTMLElement>('.collaboration-carets__caret')) {
        if (!moved.has(caret.dataset.person ?? '')) continue;
        for (const animation of caret.querySelector('.collaboration-carets__label')?.getAnimations() ?? []) {
          animation.cancel();
          animation.play();
        }
      }
      moved.clear();
    };
    // Other fields change too (what a person scrolls to, a presenter choice): only a caret that moved shows its name.
    const carets = new Map<number, string>();
    const onChange = ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }) => {
      for (const clientId of removed) carets.delete(clientId);
      for (const clientId of [...added, ...updated]) {
        if (clientId === awareness.clientID) continue;
        const state = awareness.getStates().get(clientId) as { user?: Record<string, unknown>; cursor?: unknown } | undefined;
        const caret = JSON.stringify(state?.cursor ?? null);
        if (carets.get(clientId) === caret) continue;
        carets.set(clientId, caret);
        if (state?.user) moved.add(caretPersonKey(state.user));
      }
      // After the carets are redrawn for this change.
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(restart);
    };
    awareness.on('change', onChange);
    return () => {
      cancelAnimationFrame(frame);
      awareness.off('change', onChange);
    };
  }, [editor, awareness]);
}
