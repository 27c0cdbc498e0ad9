import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../i18n/format.ts';
import { ORGANISER_AUTHOR_ID, THREAD_LIMITS, type Thread, type ThreadComment } from '../../../../shared/api/threads.ts';
import { delegationName, personName } from '../../lib/organiserIdentity.ts';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { CommentText } from './CommentText.tsx';
import { threadsApi } from './threadsApi.ts';
import { useThreadAction } from './useThreadAction.ts';

export interface CommentItemProps {
  comment: ThreadComment;
  /** The viewer wrote it and may still post: they may edit or delete it. */
  editable: boolean;
  onChange: (thread: Thread) => void;
}

/** One comment: author, time, text (or "deleted"), and the author's edit and delete. */
export function CommentItem({ comment, editable, onChange }: CommentItemProps) {
  const { t, i18n } = useTranslation();
  const [draft, setDraft] = useState<string>();
  const action = useThreadAction(onChange);
  const deleted = comment.body === null;
  const byOrganiser = comment.author.id === ORGANISER_AUTHOR_ID;

  const save = async () => {
    if (draft !== undefined && (await action.run(() => threadsApi.edit(comment.threadId, comment.id, draft)))) setDraft(undefined);
  };

  return (
    <li className="comment" data-comment={comment.id}>
      <div className="comment__meta">
        <span className="swatch" style={{ backgroundColor: comment.author.color }} aria-hidden="true" />
        <strong>
          <bdi>{personName(t, comment.author.name, byOrganiser)}</bdi>
        </strong>
        {!byOrganiser && <bdi className="muted">{delegationName(t, comment.author.delegation, false)}</bdi>}
        <time className="muted" dateTime={comment.createdAt}>
          {formatDateTime(comment.createdAt, i18n.language)}
        </time>
        {comment.editedAt && !deleted && <span className="muted">{t('comments.edited')}</span>}
      </div>
      {deleted ? (
        <p className="comment__body comment__body--deleted">{t('comments.deleted')}</p>
      ) : draft === undefined ? (
        <CommentText text={comment.body ?? ''} />
      ) : (
        <form
          className="comment__form"
          onSubmit={(event) => {
            event.preventDefault();
            void save();
          }}
        >
          <label className="visually-hidden" htmlFor={`edit-${comment.id}`}>
            {t('comments.editLabel')}
          </label>
          <textarea
            id={`edit-${comment.id}`}
            value={draft}
            maxLength={THREAD_LIMITS.commentLength}
            onChange={(event) => setDraft(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Escape') setDraft(undefined);
            }}
            dir="auto"
            rows={3}
            autoFocus
          />
          <div className="comment__actions">
            <button type="submit" className="button button--primary button--small" disabled={action.pending || draft.trim() === ''}>
              {t('comments.save')}
            </button>
            <button type="button" className="button button--quiet button--small" onClick={() => setDraft(undefined)}>
              {t('comments.cancel')}
            </button>
          </div>
        </form>
      )}
      {editable && !deleted && draft === undefined && (
        <div className="comment__actions">
          <button type="button" className="button button--quiet button--small" onClick={() => setDraft(comment.body ?? '')}>
            {t('comments.edit')}
          </button>
          <button
            type="button"
            className="button button--quiet button--small"
            disabled={action.pending}
            onClick={() => void action.run(() => threadsApi.remove(comment.threadId, comment.id))}
          >
            {t('comments.delete')}
          </button>
        </div>
      )}
      <ErrorNote error={action.error} />
    </li>
  );
}
