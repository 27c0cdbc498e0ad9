import type { Editor } from '@tiptap/core';
import { useCallback, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { THREAD_LIMITS, type Thread } from '../../../../shared/api/threads.ts';
import { textDirection } from '../../../../shared/editor/textDirection.ts';
import type { LanguageCode } from '../../../../shared/domain/languages.ts';
import { THREAD_VISIBILITIES, type ThreadVisibility } from '../../../../shared/domain/threadVisibility.ts';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { type NewAnchor, anchorsForSelection } from './threadAnchors.ts';
import { threadsApi } from './threadsApi.ts';
import { useThreadAction } from './useThreadAction.ts';

export interface NewThreadFormProps {
  editor: Editor;
  documentId: string;
  onCreated: (thread: Thread) => void;
  /** A language version's block the editor is bound to (the side-by-side view); absent for the source. */
  target?: { language: LanguageCode; blockId: string };
  /** Show nothing until text is selected (one form per translated block would otherwise crowd the rows). */
  hideUntilSelection?: boolean;
}

/** Opening a thread on the selected text: the anchors are taken when the form opens, so typing cannot move them. */
export function NewThreadForm({ editor, documentId, onCreated, target, hideUntilSelection = false }: NewThreadFormProps) {
  const { t } = useTranslation();
  const subscribe = useCallback(
    (listener: () => void) => {
      editor.on('selectionUpdate', listener);
      editor.on('transaction', listener);
      return () => {
        editor.off('selectionUpdate', listener);
        editor.off('transaction', listener);
      };
    },
    [editor],
  );
  const hasSelection = useSyncExternalStore(subscribe, () => !editor.state.selection.empty);
  const [anchor, setAnchor] = useState<NewAnchor>();
  // The side-by-side view has a form per block: each field its own id.
  const bodyId = target ? `new-thread-body-${target.blockId}` : 'new-thread-body';
  const [body, setBody] = useState('');
  const [visibility, setVisibility] = useState<ThreadVisibility>('everyone');
  const action = useThreadAction((thread) => {
    setAnchor(undefined);
    setBody('');
    setVisibility('everyone');
    onCreated(thread);
  });

  // Escape (or Cancel) gives up the new thread and puts the person back in the text where they were.
  const cancel = () => {
    setAnchor(undefined);
    editor.commands.focus();
  };

  if (!anchor) {
    if (hideUntilSelection && !hasSelection) return null;
    return (
      <div className="new-thread">
        <button
          type="button"
          className="button button--primary"
          disabled={!hasSelection}
          onClick={() => setAnchor(anchorsForSelection(editor.state))}
        >
          {t('comments.add')}
        </button>
        {!hasSelection && <p className="muted new-thread__hint">{t('comments.selectFirst')}</p>}
      </div>
    );
  }

  return (
    <form
      className="new-thread thread__form"
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.stopPropagation();
          cancel();
        }
      }}
      onSubmit={(event) => {
        event.preventDefault();
        void action.run(() => threadsApi.create(documentId, { ...anchor, visibility, body, ...target }));
      }}
    >
      <q className="thread__quote" dir={textDirection(anchor.quote)}>
        {anchor.quote}
      </q>
      <label className="visually-hidden" htmlFor={bodyId}>
        {t('comments.bodyLabel')}
      </label>
      <textarea
        id={bodyId}
        value={body}
        maxLength={THREAD_LIMITS.commentLength}
        placeholder={t('comments.bodyPlaceholder')}
        onChange={(event) => setBody(event.target.value)}
        rows={3}
        dir="auto"
        autoFocus
      />
      <fieldset className="new-thread__visibility">
        <legend>{t('comments.visibilityLabel')}</legend>
        {THREAD_VISIBILITIES.map((option) => (
          <label key={option}>
            <input type="radio" name="visibility" value={option} checked={visibility === option} onChange={() => setVisibility(option)} />
            {t(`comments.visibility.${option}`)}
          </label>
        ))}
      </fieldset>
      <div className="comment__actions">
        <button type="submit" className="button button--primary button--small" disabled={action.pending || body.trim() === ''}>
          {t('comments.post')}
        </button>
        <button type="button" className="button button--quiet button--small" onClick={cancel}>
          {t('comments.cancel')}
        </button>
      </div>
      <ErrorNote error={action.error} />
    </form>
  );
}
