import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { textDirection } from '../../../../shared/editor/textDirection.ts';
import { THREAD_LIMITS, type Thread } from '../../../../shared/api/threads.ts';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { CommentItem } from './CommentItem.tsx';
import type { ThreadRange } from '../../../../shared/editor/threadRange.ts';
import { threadsApi } from './threadsApi.ts';
import { useThreadAction } from './useThreadAction.ts';

export interface ThreadCardProps {
  thread: Thread;
  /** Where its text is: a range, null once deleted, undefined while the document loads. */
  range: ThreadRange | null | undefined;
  /** The number of the recommendation its text is in, if it is in one. */
  recommendation: string | undefined;
  active: boolean;
  viewerId: string | null;
  canPost: boolean;
  canResolve: boolean;
  /** `focusText`: move the focus into the document (a pointer click) or leave it in the sidebar (the keyboard). */
  onActivate: (thread: Thread, focusText: boolean) => void;
  onChange: (thread: Thread) => void;
  /** Take the keyboard focus when shown (a thread just created), so the next Tab reaches its reply and resolve. */
  autoFocus?: boolean;
}

/**
 * One thread in the sidebar: what it is about, its comments, and while open a reply box and, for those who may,
 * Resolve (its outcome field shows on the active card, or once Resolve is pressed); reopen on the active card.
 */
export function ThreadCard({ thread, range, recommendation, active, viewerId, canPost, canResolve, onActivate, onChange, autoFocus }: ThreadCardProps) {
  const { t } = useTranslation();
  const card = useRef<HTMLElement>(null);
  const anchorButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (autoFocus) anchorButton.current?.focus();
  }, [autoFocus]);
  const [reply, setReply] = useState('');
  const [outcome, setOutcome] = useState('');
  // Resolve pressed on a card that is not the active one: its outcome field opens there, without moving to the text.
  const [resolving, setResolving] = useState(false);
  const action = useThreadAction(onChange);
  const resolved = thread.status === 'resolved';

  useEffect(() => {
    if (active) card.current?.scrollIntoView({ block: 'nearest' });
  }, [active]);

  const sendReply = async () => {
    if (await action.run(() => threadsApi.reply(thread.id, reply))) setReply('');
  };
  const resolve = async () => {
    if (await action.run(() => threadsApi.resolve(thread.id, outcome))) {
      setOutcome('');
      setResolving(false);
    }
  };
  const mayResolve = canResolve && !resolved;

  return (
    <article
      ref={card}
      className={`thread${active ? ' thread--active' : ''}${resolved ? ' thread--resolved' : ''}`}
      style={{ borderInlineStartColor: thread.author.color }}
      data-thread={thread.id}
      aria-current={active ? 'true' : undefined}
    >
      <button
        ref={anchorButton}
        type="button"
        className="thread__anchor"
        // A click from the keyboard (Enter, Space) has no pointer detail: keep the focus here, by the reply and resolve.
        onClick={(event) => onActivate(thread, event.detail !== 0)}
        aria-expanded={active}
      >
        <span className="visually-hidden">{t('comments.showInText')}</span>
        {range === null && <span className="badge thread__removed">{t('comments.textRemoved')}</span>}
        <q className="thread__quote" dir={textDirection(thread.quote)}>
          {thread.quote}
        </q>
      </button>
      <div className="thread__badges">
        {thread.visibility !== 'everyone' && <span className="badge">{t(`comments.visibility.${thread.visibility}`)}</span>}
        {recommendation !== undefined && <span className="badge thread__recommendation">{t('comments.recommendation', { number: recommendation })}</span>}
        {resolved && <span className="badge thread__status">{t('comments.resolved')}</span>}
      </div>
      {resolved && (
        <p className="thread__outcome">
          {thread.outcome
            ? t('comments.resolvedWithOutcome', { name: thread.resolvedBy?.name ?? '', outcome: thread.outcome })
            : t('comments.resolvedBy', { name: thread.resolvedBy?.name ?? '' })}
        </p>
      )}
      <ol className="thread__comments">
        {thread.comments.map((comment) => (
          <CommentItem key={comment.id} comment={comment} editable={canPost && comment.author.id === viewerId} onChange={onChange} />
        ))}
      </ol>
      {canPost && !resolved && (
        <form
          className="thread__form thread__reply"
          onSubmit={(event) => {
            event.preventDefault();
            void sendReply();
          }}
        >
          <label className="visually-hidden" htmlFor={`reply-${thread.id}`}>
            {t('comments.replyLabel')}
          </label>
          <textarea
            id={`reply-${thread.id}`}
            value={reply}
            maxLength={THREAD_LIMITS.commentLength}
            placeholder={t('comments.replyPlaceholder')}
            onChange={(event) => setReply(event.target.value)}
            dir="auto"
            rows={active ? 2 : 1}
            required
          />
          <button type="submit" className="button button--primary button--small" disabled={action.pending}>
            {t('comments.reply')}
          </button>
        </form>
      )}
      {mayResolve && !active && !resolving && (
        <button type="button" className="button button--small" onClick={() => setResolving(true)}>
          {t('comments.resolve')}
        </button>
      )}
      {mayResolve && (active || resolving) && (
        <form
          className="thread__form"
          onSubmit={(event) => {
            event.preventDefault();
            void resolve();
          }}
        >
          <label className="form__label" htmlFor={`outcome-${thread.id}`}>
            {t('comments.outcomeLabel')}
          </label>
          <input
            id={`outcome-${thread.id}`}
            value={outcome}
            maxLength={THREAD_LIMITS.outcomeLength}
            placeholder={t('comments.outcomePlaceholder')}
            onChange={(event) => setOutcome(event.target.value)}
            onKeyDown={(event) => {
              if (event.key !== 'Escape' || active) return;
              event.stopPropagation(); // closes the outcome field only, not the panel around it
              setResolving(false);
            }}
            dir="auto"
            // Opened by pressing Resolve: the outcome is what comes next. On the active card the text keeps the focus.
            autoFocus={resolving && !active}
          />
          <button type="submit" className="button button--primary button--small" disabled={action.pending}>
            {t('comments.resolve')}
          </button>
        </form>
      )}
      {active && canResolve && resolved && (
        <button
          type="button"
          className="button button--small"
          disabled={action.pending}
          onClick={() => void action.run(() => threadsApi.reopen(thread.id))}
        >
          {t('comments.reopen')}
        </button>
      )}
      <ErrorNote error={action.error} />
    </article>
  );
}
