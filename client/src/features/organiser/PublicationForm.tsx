import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DocumentMetadata, METADATA_LIMITS } from '../../../../shared/api/documentMetadata.ts';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { apiRequest } from '../../lib/api.ts';
import { useAsync } from '../../lib/useAsync.ts';
import { usePendingAction } from '../../lib/usePendingAction.ts';

const TEXT_FIELDS = ['eventName', 'place', 'organisation', 'shortTitle'] as const;
const DATE_FIELDS = ['startDate', 'endDate'] as const;
type Field = (typeof TEXT_FIELDS)[number] | (typeof DATE_FIELDS)[number];

/** The form's values for stored metadata: every field a string, empty where nothing is set. */
const fieldsOf = (metadata: DocumentMetadata): Record<Field, string> => ({
  eventName: metadata.eventName ?? '',
  place: metadata.place ?? '',
  startDate: metadata.startDate ?? '',
  endDate: metadata.endDate ?? '',
  organisation: metadata.organisation ?? '',
  shortTitle: metadata.shortTitle ?? '',
});

const metadataPath = (documentId: string) => `/api/documents/${encodeURIComponent(documentId)}/metadata`;
const loadMetadata = (documentId: string) => apiRequest(DocumentMetadata, 'GET', metadataPath(documentId));

/** The organiser's publication details, printed in every export's title block, running header and file properties. */
export function PublicationForm({ documentId }: { documentId: string }) {
  const { state } = useAsync(documentId, loadMetadata);
  if (state.status === 'loading') return null;
  if (state.status === 'error') return <ErrorNote error={state.error} />;
  return <PublicationFields key={documentId} documentId={documentId} initial={state.value} />;
}

function PublicationFields({ documentId, initial }: { documentId: string; initial: DocumentMetadata }) {
  const { t } = useTranslation();
  const [values, setValues] = useState(() => fieldsOf(initial));
  const [saved, setSaved] = useState(false);
  const { busy, error, run } = usePendingAction();
  const set = (field: Field, value: string) => {
    setSaved(false);
    setValues((current) => ({ ...current, [field]: value }));
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      const body = Object.fromEntries(Object.entries(values).map(([field, value]) => [field, value.trim() || null]));
      const stored = await apiRequest(DocumentMetadata, 'PUT', metadataPath(documentId), body);
      setValues(fieldsOf(stored));
      setSaved(true);
    });
  };

  return (
    <form className="form form--row" onSubmit={submit} aria-label={t('organiser.publication.title')}>
      {TEXT_FIELDS.map((field) => (
        <label key={field} className="form__field">
          <span className="form__label">{t(`organiser.publication.${field}`)}</span>
          <input
            name={field}
            dir="auto"
            maxLength={field === 'shortTitle' ? METADATA_LIMITS.shortTitleLength : METADATA_LIMITS.textLength}
            value={values[field]}
            onChange={(event) => set(field, event.target.value)}
          />
        </label>
      ))}
      {DATE_FIELDS.map((field) => (
        <label key={field} className="form__field">
          <span className="form__label">{t(`organiser.publication.${field}`)}</span>
          <input name={field} type="date" value={values[field]} onChange={(event) => set(field, event.target.value)} />
        </label>
      ))}
      <button type="submit" className="button button--primary" disabled={busy}>
        {t('organiser.publication.save')}
      </button>
      {saved && <p role="status">{t('organiser.publication.saved')}</p>}
      <ErrorNote error={error} />
    </form>
  );
}
