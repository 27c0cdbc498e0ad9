import type { Editor } from '@tiptap/core';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentSummary } from '../../../../shared/api/documents.ts';
import type { Me } from '../../../../shared/api/session.ts';
import type { LanguageCode } from '../../../../shared/domain/languages.ts';
import type { LiveChannel } from '../../lib/liveChannel.ts';
import { NewThreadForm } from './NewThreadForm.tsx';
import { ThreadCard } from './ThreadCard.tsx';
import type { ThreadStore } from './threadStore.ts';
import { useThreadPanel } from './useThreadPanel.ts';
import { useThreadStore } from './useThreadStore.ts';
import './comments.css';

export interface BlockThreadsProps {
  /** The editor of the block's translation (bound to the version's `block:<blockId>`), with CommentHighlights. */
  editor: Editor;
  language: LanguageCode;
  blockId: string;
  me: Me;
  document: DocumentSummary;
  /** False once the deadline for comments has passed for this person: replies only. */
  canOpenThreads: boolean;
  store: ThreadStore;
  channel: LiveChannel;
}

/**
 * The comment threads on one translated block of a language version, under its text in the side-by-side view: open
 * threads highlighted in the translation and listed, resolved ones on request, and a new thread on selected words.
 */
export function BlockThreads({ editor, language, blockId, me, document, canOpenThreads, store, channel }: BlockThreadsProps) {
  const { t } = useTranslation();
  const { threads: all } = useThreadStore(store, channel);
  const threads = useMemo(() => all.filter((thread) => thread.language === language && thread.blockId === blockId), [all, language, blockId]);
  const { ranges, activeId, canPost, canResolve, viewerId, activate, inTextOrder } = useThreadPanel(editor, threads, me, document);
  const root = useRef<HTMLDivElement>(null);
  // Words selected in this block's text (not another's): only then is "Comment on selection" offered here.
  const [selecting, setSelecting] = useState(false);
  const [showResolved, setShowResolved] = useState(false);
  const [focusThreadId, setFocusThreadId] = useState<string>();

  useEffect(() => {
    const onSelection = () => {
      const selection = window.document.getSelection();
      const node = selection?.anchorNode ?? null;
      // Writing the comment (focus in this block's form) keeps the form.
      if (node && root.current?.contains(node)) return;
      setSelecting(node !== null && !selection!.isCollapsed && editor.view.dom.contains(node));
    };
    window.document.addEventListener('selectionchange', onSelection);
    return () => window.document.removeEventListener('selectionchange', onSelection);
  }, [editor]);

  const resolvedCount = threads.filter((thread) => thread.status === 'resolved').length;
  const listed = threads.filter((thread) => thread.status === 'open' || showResolved || thread.id === activeId).sort(inTextOrder);

  return (
    <div ref={root} className="block-threads">
      {canPost && canOpenThreads && selecting && (
        <NewThreadForm
          editor={editor}
          documentId={document.id}
          target={{ language, blockId }}
          hideUntilSelection
          onCreated={(thread) => {
            store.upsert(thread);
            editor.commands.setActiveCommentThread(thread.id);
            setFocusThreadId(thread.id);
          }}
        />
      )}
      {listed.length > 0 && (
        <ol className="comments__list" aria-label={t('comments.title')}>
          {listed.map((thread) => (
            <li key={thread.id}>
              <ThreadCard
                thread={thread}
                range={ranges?.get(thread.id)}
                recommendation={undefined}
                active={thread.id === activeId}
                viewerId={viewerId}
                canPost={canPost}
                canResolve={canResolve}
                onActivate={activate}
                onChange={(changed) => store.upsert(changed)}
                autoFocus={thread.id === focusThreadId}
              />
            </li>
          ))}
        </ol>
      )}
      {resolvedCount > 0 && (
        <button type="button" className="button button--quiet button--small" aria-pressed={showResolved} onClick={() => setShowResolved((shown) => !shown)}>
          {t('comments.showResolved')}
        </button>
      )}
    </div>
  );
}
