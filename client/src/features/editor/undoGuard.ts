import { Extension } from '@tiptap/core';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { yUndoPluginKey } from '@tiptap/y-tiptap';
import type * as Y from 'yjs';
import { actsOnUndoHistory } from './staleUndo.ts';

/**
 * Forgets this person's undo and redo history as soon as someone else acts on any of it (accepts or rejects their
 * proposal, deletes or marks their words): Yjs would otherwise undo their half of it and leave the other person's
 * half, deleting agreed words. The whole history goes, so undo never reaches back across such a decision (ADR 0002).
 */
export const UndoGuard = Extension.create({
  name: 'undoGuard',

  addProseMirrorPlugins() {
    return [
      new Plugin({
        key: new PluginKey('undoGuard'),
        view: (view) => {
          const undoManager = (yUndoPluginKey.getState(view.state) as { undoManager?: Y.UndoManager } | undefined)?.undoManager;
          if (!undoManager) return {};
          const doc = undoManager.doc;
          const onTransaction = (transaction: Y.Transaction) => {
            if (transaction.local) return;
            if (!actsOnUndoHistory(transaction, [...undoManager.undoStack, ...undoManager.redoStack])) return;
            undoManager.clear();
            // An empty editor transaction, after Yjs is done, so the toolbar's Undo button sees the empty history.
            queueMicrotask(() => {
              if (!view.isDestroyed) view.dispatch(view.state.tr.setMeta('addToHistory', false));
            });
          };
          doc.on('afterTransaction', onTransaction);
          return { destroy: () => doc.off('afterTransaction', onTransaction) };
        },
      }),
    ];
  },
});
