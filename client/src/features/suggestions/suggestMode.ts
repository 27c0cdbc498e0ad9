import { Extension } from '@tiptap/core';
import { isChangeOrigin } from '@tiptap/extension-collaboration';
import type { SuggestionAuthor } from '../../../../shared/editor/suggestionMarks.ts';
import { suggestTransaction } from '../../../../shared/editor/suggestTransaction.ts';
import { randomId } from '../../lib/randomId.ts';

/** Transactions carrying this meta are applied as they are, even in suggest mode (setting brackets, for one). */
export const APPLY_DIRECTLY = 'accordApplyDirectly';

export interface SuggestModeOptions {
  /** Who the proposals are from (the server-authenticated identity the editor already shows). */
  author: SuggestionAuthor;
}

export interface SuggestModeStorage {
  enabled: boolean;
  /** Set when the person asked for a new recommendation in suggest mode, which cannot be a proposal (yet). */
  recommendationRefused: boolean;
}

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    suggestMode: {
      /** Switches between editing the text and proposing changes to it. */
      setSuggestMode: (enabled: boolean) => ReturnType;
      /** Says why a new recommendation is not added in suggest mode, instead of silently doing nothing. */
      refuseNewRecommendation: () => ReturnType;
    };
  }
  interface Storage {
    suggestMode: SuggestModeStorage;
  }
}

/**
 * "Suggest": while on, this person's insertions and deletions are turned into proposals (marks in the shared
 * document, see shared/editor/suggestTransaction.ts) instead of being applied. Changes arriving from peers and from
 * the Yjs undo manager pass untouched: they already are what their author meant.
 */
export const SuggestMode = Extension.create<SuggestModeOptions, SuggestModeStorage>({
  name: 'suggestMode',
  addOptions: () => ({ author: { author: '', delegation: '', color: '' } }),
  addStorage: () => ({ enabled: false, recommendationRefused: false }),

  addCommands() {
    return {
      setSuggestMode:
        (enabled) =>
        ({ tr, dispatch }) => {
          if (dispatch) {
            this.storage.enabled = enabled;
            this.storage.recommendationRefused = false;
            // An empty transaction so editor state listeners (the toolbar) see the change.
            tr.setMeta(APPLY_DIRECTLY, true);
          }
          return true;
        },
      refuseNewRecommendation:
        () =>
        ({ tr, dispatch }) => {
          if (dispatch) {
            this.storage.recommendationRefused = true;
            tr.setMeta(APPLY_DIRECTLY, true);
          }
          return true;
        },
    };
  },

  dispatchTransaction({ transaction, next }) {
    // The explanation stays until the person changes the text again.
    if (transaction.docChanged && !isChangeOrigin(transaction)) this.storage.recommendationRefused = false;
    const ySync = transaction.getMeta('y-sync$') as { isUndoRedoOperation?: boolean } | undefined;
    if (
      !this.storage.enabled ||
      !transaction.docChanged ||
      isChangeOrigin(transaction) ||
      ySync?.isUndoRedoOperation ||
      transaction.getMeta(APPLY_DIRECTLY)
    ) {
      next(transaction);
      return;
    }
    next(suggestTransaction(transaction, this.editor.state, { author: this.options.author, now: new Date().toISOString(), newId: () => randomId(9) }));
  },
});

/**
 * The library cannot turn a new block into a proposal (a new recommendation has no words yet to mark as inserted), so
 * the edit would vanish without a word: in suggest mode Ctrl+Alt+R explains that instead. Ahead of the recommendation
 * node's own shortcut, hence the priority.
 */
export const SuggestModeKeys = Extension.create({
  name: 'suggestModeKeys',
  priority: 1000,
  addKeyboardShortcuts() {
    return {
      'Mod-Alt-r': () => this.editor.storage.suggestMode.enabled && this.editor.commands.refuseNewRecommendation(),
    };
  },
});
