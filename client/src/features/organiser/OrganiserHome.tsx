import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type CreatedInvite, DocumentList, DocumentSummary, LIMITS } from '../../../../shared/api/documents.ts';
import { AppHeader } from '../../components/AppHeader.tsx';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { SignOutButton } from '../../components/SignOutButton.tsx';
import { formatDate } from '../../i18n/format.ts';
import { personName } from '../../lib/organiserIdentity.ts';
import { apiRequest } from '../../lib/api.ts';
import { usePendingAction } from '../../lib/usePendingAction.ts';
import { useAsync } from '../../lib/useAsync.ts';
import { DocumentPanel } from './DocumentPanel.tsx';
import { VenuePanel } from './VenuePanel.tsx';
import './organiser.css';

const listDocuments = () => apiRequest(DocumentList, 'GET', '/api/documents');

/** The organiser's home: every document, a form to create one, and the selected document's invites and members. */
export function OrganiserHome({ name }: { name: string }) {
  const { t, i18n } = useTranslation();
  const { state, reload } = useAsync('documents', listDocuments);
  const [selectedId, setSelectedId] = useState<string>();
  // Invite links made in this visit, per document: kept while the organiser moves between documents on this page.
  const [made, setMade] = useState<ReadonlyMap<string, readonly CreatedInvite[]>>(new Map());
  const documents = state.status === 'done' ? state.value.documents : [];
  const selected = documents.find((document) => document.id === selectedId) ?? documents[0];

  return (
    <div className="page">
      <AppHeader>
        <span className="app-header__who">{t('organiser.signedInAs', { name: personName(t, name, true) })}</span>
        <SignOutButton />
      </AppHeader>
      <main className="organiser">
        <VenuePanel />
        <section className="organiser__documents" aria-labelledby="documents-title">
          <h1 id="documents-title">{t('organiser.title')}</h1>
          {state.status === 'loading' && <p className="loading">{t('app.loading')}</p>}
          {state.status === 'error' && <ErrorNote error={state.error} />}
          {state.status === 'done' && documents.length === 0 && <p className="muted">{t('organiser.empty')}</p>}
          <ul className="document-list">
            {documents.map((document) => (
              <li key={document.id}>
                <button
                  type="button"
                  className="document-list__item"
                  aria-current={document.id === selected?.id ? 'true' : undefined}
                  onClick={() => setSelectedId(document.id)}
                >
                  <span className="document-list__title" dir="auto">
                    {document.title}
                  </span>
                  <span className="document-list__meta">
                    {t('organiser.created', { date: formatDate(document.createdAt, i18n.language) })}
                    {document.frozen && <span className="badge">{t('organiser.frozen')}</span>}
                  </span>
                </button>
              </li>
            ))}
          </ul>
          <CreateDocumentForm
            onCreated={(document) => {
              setSelectedId(document.id);
              reload();
            }}
          />
        </section>
        {selected ? (
          <DocumentPanel
            key={selected.id}
            document={selected}
            made={made.get(selected.id) ?? []}
            onMadeChange={(change) => setMade((all) => new Map(all).set(selected.id, change(all.get(selected.id) ?? [])))}
          />
        ) : (
          state.status === 'done' && <p className="organiser__placeholder muted">{t('organiser.selectPrompt')}</p>
        )}
      </main>
    </div>
  );
}

function CreateDocumentForm({ onCreated }: { onCreated: (document: DocumentSummary) => void }) {
  const { t } = useTranslation();
  const [title, setTitle] = useState('');
  const { busy, error, run } = usePendingAction();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      onCreated(await apiRequest(DocumentSummary, 'POST', '/api/documents', { title: title.trim() }));
      setTitle('');
    });
  };

  return (
    <form className="form form--inline-card" onSubmit={submit}>
      <h2>{t('organiser.newDocument')}</h2>
      <label className="form__field">
        <span className="form__label">{t('organiser.titleLabel')}</span>
        <input name="title" required maxLength={LIMITS.titleLength} value={title} onChange={(event) => setTitle(event.target.value)} />
      </label>
      <ErrorNote error={error} />
      <button type="submit" className="button button--primary" disabled={busy || !title.trim()}>
        {busy ? t('organiser.creating') : t('organiser.create')}
      </button>
    </form>
  );
}
