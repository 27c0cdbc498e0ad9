import type { Editor } from '@tiptap/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentSummary } from '../../../../shared/api/documents.ts';
import type { Me } from '../../../../shared/api/session.ts';
import type { Thread } from '../../../../shared/api/threads.ts';
import { recommendationNumberAt, useRecommendations } from '../../lib/useRecommendations.ts';
import { NewThreadForm } from './NewThreadForm.tsx';
import { ThreadCard } from './ThreadCard.tsx';
import { type StatusFilter, ThreadFilters } from './ThreadFilters.tsx';
import type { LiveChannel } from '../../lib/liveChannel.ts';
import type { ThreadStore } from './threadStore.ts';
import { useThreadPanel } from './useThreadPanel.ts';
import { useThreadStore } from './useThreadStore.ts';
import './comments.css';

export interface CommentsSidebarProps {
  /** An editor with the CommentHighlights extension. */
  editor: Editor;
  me: Me;
  document: DocumentSummary;
  /** False once the deadline for proposals and comments has passed for this person: replies only. */
  canOpenThreads: boolean;
  /** The document's threads, kept by the workspace for as long as the document is open. */
  store: ThreadStore;
  /** The document's live channel, whose state the sidebar shows. */
  channel: LiveChannel;
}

/** The comment threads of a document, in document order, kept live; the text they are about highlighted. */
export function CommentsSidebar({ editor, me, document, canOpenThreads, store, channel }: CommentsSidebarProps) {
  const { t } = useTranslation();
  const { threads: all, live } = useThreadStore(store, channel);
  // Threads on a language version's text are shown in that version's side-by-side view, not on the source.
  const threads = useMemo(() => all.filter((thread) => thread.language === null), [all]);
  const { ranges, activeId, canPost, canResolve, viewerId, activate, inTextOrder } = useThreadPanel(editor, threads, me, document);
  const recommendations = useRecommendations(editor);
  const [status, setStatus] = useState<StatusFilter>('open');
  const [delegation, setDelegation] = useState('');
  const [focusThreadId, setFocusThreadId] = useState<string>();
  const changed = (thread: Thread) => store.upsert(thread);

  const delegations = [...new Set(threads.map((thread) => thread.author.delegation))].sort((a, b) => a.localeCompare(b));
  const recommendationOf = (thread: Thread) => {
    const range = ranges?.get(thread.id);
    return range ? recommendationNumberAt(recommendations, range.from) : undefined;
  };
  const listed = threads
    .filter(
      (thread) =>
        thread.id === activeId ||
        ((status === 'all' || thread.status === status) && (delegation === '' || thread.author.delegation === delegation)),
    )
    .sort(inTextOrder);

  return (
    <aside className="comments" aria-labelledby="comments-title">
      <h2 id="comments-title">{t('comments.title')}</h2>
      {!live && <p className="muted comments__offline">{t('comments.connecting')}</p>}
      {canPost && canOpenThreads && (
        <NewThreadForm
          editor={editor}
          documentId={document.id}
          onCreated={(thread) => {
            changed(thread);
            editor.commands.setActiveCommentThread(thread.id);
            setFocusThreadId(thread.id);
          }}
        />
      )}
      <ThreadFilters status={status} delegation={delegation} delegations={delegations} onStatus={setStatus} onDelegation={setDelegation} />
      {listed.length === 0 ? (
        <p className="muted comments__empty">{t('comments.none')}</p>
      ) : (
        <ol className="comments__list">
          {listed.map((thread) => (
            <li key={thread.id}>
              <ThreadCard
                thread={thread}
                range={ranges?.get(thread.id)}
                recommendation={recommendationOf(thread)}
                active={thread.id === activeId}
                viewerId={viewerId}
                canPost={canPost}
                canResolve={canResolve}
                onActivate={activate}
                onChange={changed}
                autoFocus={thread.id === focusThreadId}
              />
            </li>
          ))}
        </ol>
      )}
    </aside>
  );
}
