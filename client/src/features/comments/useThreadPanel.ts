import type { Editor } from '@tiptap/core';
import { useEffect } from 'react';
import type { DocumentSummary } from '../../../../shared/api/documents.ts';
import type { Me } from '../../../../shared/api/session.ts';
import { ORGANISER_AUTHOR_ID, type Thread } from '../../../../shared/api/threads.ts';
import { can } from '../../../../shared/domain/policy.ts';
import { useCommentHighlights } from './useCommentHighlights.ts';

/**
 * What every list of threads beside a text needs, whether the text is the document or one translated block: the
 * threads highlighted in that editor, the person's rights on them, and a card that takes the reader to its words.
 */
export function useThreadPanel(editor: Editor, threads: readonly Thread[], me: Me, document: DocumentSummary) {
  const highlights = useCommentHighlights(editor);
  const ranges = highlights?.ranges;

  useEffect(() => {
    editor.commands.setCommentThreads(
      threads.map((thread) => ({
        id: thread.id,
        anchorStart: thread.anchorStart,
        anchorEnd: thread.anchorEnd,
        color: thread.author.color,
        open: thread.status === 'open',
      })),
    );
  }, [editor, threads]);

  const activate = (thread: Thread, focusText: boolean) => {
    const range = ranges?.get(thread.id);
    const chain = editor.chain().setActiveCommentThread(thread.id);
    if (range) {
      chain.setTextSelection(range).scrollIntoView();
      if (focusText) chain.focus();
    }
    chain.run();
  };

  // Threads whose words are gone (or not loaded yet) go last; then the oldest first.
  const position = (thread: Thread) => ranges?.get(thread.id)?.from ?? Number.POSITIVE_INFINITY;
  const inTextOrder = (a: Thread, b: Thread) => position(a) - position(b) || a.createdAt.localeCompare(b.createdAt);

  return {
    ranges,
    activeId: highlights?.activeId ?? null,
    canPost: can(document.role, 'thread.post', document),
    canResolve: can(document.role, 'thread.resolve', document),
    viewerId: me.kind === 'organiser' ? ORGANISER_AUTHOR_ID : me.memberId,
    activate,
    inTextOrder,
  };
}
