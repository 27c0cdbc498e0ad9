import type { Editor } from '@tiptap/core';
import { useCallback, useSyncExternalStore } from 'react';
import { type CommentHighlightsState, commentHighlightsKey } from './commentHighlights.ts';

/** The highlighter's state (ranges, active thread), re-read after every editor transaction. */
export function useCommentHighlights(editor: Editor): CommentHighlightsState | undefined {
  const subscribe = useCallback(
    (listener: () => void) => {
      editor.on('transaction', listener);
      return () => {
        editor.off('transaction', listener);
      };
    },
    [editor],
  );
  return useSyncExternalStore(subscribe, () => commentHighlightsKey.getState(editor.state));
}
