import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { COMPILATION_LIMITS } from '../../../../shared/api/compilation.ts';

export interface NoteFormProps {
  label: string;
  initial?: string;
  submitLabel: string;
  busy: boolean;
  /** Resolves to whether it was saved: the form closes only then, keeping the words otherwise. */
  onSubmit(text: string): Promise<boolean>;
  onCancel(): void;
}

/** A short justification written in place: a NOC's, a proposal's or an alternative's. */
export function NoteForm({ label, initial = '', submitLabel, busy, onSubmit, onCancel }: NoteFormProps) {
  const { t } = useTranslation();
  const [text, setText] = useState(initial);
  const id = useId();
  return (
    <form
      className="compilation-note-form"
      onSubmit={(event) => {
        event.preventDefault();
        void onSubmit(text.trim()).then((saved) => saved && onCancel());
      }}
    >
      <label htmlFor={id}>{label}</label>
      <input id={id} type="text" value={text} dir="auto" maxLength={COMPILATION_LIMITS.justificationLength} autoFocus onChange={(event) => setText(event.target.value)} />
      <div className="compilation-note-form__actions">
        <button type="submit" className="button button--small" disabled={busy}>
          {submitLabel}
        </button>
        <button type="button" className="button button--small button--quiet" onClick={onCancel}>
          {t('compilation.cancel')}
        </button>
      </div>
    </form>
  );
}
