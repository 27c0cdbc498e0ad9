import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { VERSION_NAME_LENGTH, type Version } from '../../../../shared/api/versions.ts';
import { versionsApi } from './versionsApi.ts';
import { ErrorNote } from '../../components/ErrorNote.tsx';

/** Names the current text as a version, e.g. "After session 2" (rapporteurs and organisers). */
export function SaveVersionForm({ documentId, onSaved }: { documentId: string; onSaved: (version: Version) => void }) {
  const { t } = useTranslation();
  const inputId = useId();
  const [name, setName] = useState('');
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>();
  const submit = async () => {
    setPending(true);
    setError(undefined);
    try {
      onSaved(await versionsApi.create(documentId, name.trim()));
      setName('');
    } catch (caught) {
      setError(caught);
    } finally {
      setPending(false);
    }
  };
  return (
    <form
      className="history__save"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <label htmlFor={inputId} className="history__save-label">
        {t('history.nameLabel')}
      </label>
      <div className="history__save-row">
        <input
          id={inputId}
          value={name}
          maxLength={VERSION_NAME_LENGTH}
          placeholder={t('history.namePlaceholder')}
          onChange={(event) => setName(event.target.value)}
          required
        />
        <button type="submit" className="button button--primary" disabled={pending || name.trim() === ''}>
          {pending ? t('history.saving') : t('history.save')}
        </button>
      </div>
      <ErrorNote error={error} />
    </form>
  );
}
