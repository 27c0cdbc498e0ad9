import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentSummary } from '../../../../shared/api/documents.ts';
import type { Version } from '../../../../shared/api/versions.ts';
import type { LanguageCode } from '../../../../shared/domain/languages.ts';
import { can } from '../../../../shared/domain/policy.ts';
import { errorMessage } from '../../lib/errorMessage.ts';
import { ComparePane } from './ComparePane.tsx';
import { ConfirmDialog } from './ConfirmDialog.tsx';
import { Dialog } from './Dialog.tsx';
import { SaveVersionForm } from './SaveVersionForm.tsx';
import { formatWhen, versionTitle } from './versionLabels.ts';
import { VersionList } from './VersionList.tsx';
import { VersionPane } from './VersionPane.tsx';
import { CURRENT_TEXT, versionsApi } from './versionsApi.ts';
import './history.css';

type Selection = { mode: 'view'; versionId: string } | { mode: 'compare'; from: string; to: string } | undefined;

/**
 * The history dialog: the document's versions, saving one by name, viewing one read-only, comparing two (or one with
 * now) and restoring one. Saving and restoring are offered only to roles allowed to.
 */
export function HistoryDialog({
  document,
  languages,
  open,
  onClose,
}: {
  document: DocumentSummary;
  languages: readonly LanguageCode[];
  open: boolean;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const [versions, setVersions] = useState<Version[]>();
  const [loadError, setLoadError] = useState<unknown>();
  const [selection, setSelection] = useState<Selection>();
  const [restoring, setRestoring] = useState<Version>();
  const [notice, setNotice] = useState('');
  const [revision, setRevision] = useState(0);
  const canSave = can(document.role, 'snapshot.create', document);
  const canRestore = can(document.role, 'snapshot.restore', document);

  const refresh = useCallback(() => {
    versionsApi.list(document.id).then(
      (list) => {
        setVersions(list);
        setLoadError(undefined);
      },
      (error: unknown) => setLoadError(error),
    );
  }, [document.id]);

  useEffect(() => {
    if (open) refresh();
  }, [open, refresh]);

  const close = () => {
    onClose();
    setNotice('');
  };

  const restore = async (version: Version) => {
    await versionsApi.restore(document.id, version.id);
    setNotice(t('history.restored', { name: versionTitle(t, version, i18n.language) }));
    setRevision((current) => current + 1);
    refresh();
  };

  const selectedId = selection?.mode === 'view' ? selection.versionId : selection?.mode === 'compare' ? selection.from : undefined;

  return (
    <Dialog open={open} onClose={close} labelledBy="history-title" className="dialog--history">
      {/* Not a <header>: the dialog opens from the page's banner, and a banner inside a banner is no landmark. */}
      <div className="dialog__header">
        <h2 id="history-title" className="dialog__title">
          {t('history.title')}
        </h2>
        <p className="history__notice" role="status">
          {notice}
        </p>
        <button type="button" className="button button--quiet dialog__close" aria-label={t('history.close')} onClick={close}>
          ✕
        </button>
      </div>
      <div className="history">
        <div className="history__side">
          {canSave && (
            <SaveVersionForm
              documentId={document.id}
              onSaved={(version) => {
                setNotice(t('history.saved', { name: version.name ?? '' }));
                setVersions((current) => [version, ...(current ?? [])]);
              }}
            />
          )}
          <h3 className="history__list-title">{t('history.versionsTitle')}</h3>
          {loadError !== undefined ? (
            <p className="form__error" role="alert">
              {errorMessage(t, loadError)}
            </p>
          ) : versions === undefined ? (
            <p className="muted">{t('history.loading')}</p>
          ) : versions.length === 0 ? (
            <p className="muted">{t('history.empty')}</p>
          ) : (
            <VersionList
              versions={versions}
              selectedId={selectedId}
              canRestore={canRestore}
              onView={(version) => setSelection({ mode: 'view', versionId: version.id })}
              onCompare={(version) => setSelection({ mode: 'compare', from: version.id, to: CURRENT_TEXT })}
              onRestore={setRestoring}
            />
          )}
        </div>
        <div className="history__pane">
          {selection?.mode === 'view' ? (
            <VersionPane documentId={document.id} versionId={selection.versionId} />
          ) : selection?.mode === 'compare' && versions ? (
            <ComparePane
              documentId={document.id}
              versions={versions}
              languages={languages}
              from={selection.from}
              to={selection.to}
              revision={revision}
              onChange={(from, to) => setSelection({ mode: 'compare', from, to })}
            />
          ) : (
            <p className="muted history__prompt">{t('history.pickPrompt')}</p>
          )}
        </div>
      </div>
      <ConfirmDialog
        open={restoring !== undefined}
        title={t('history.restoreConfirmTitle')}
        body={
          restoring
            ? t('history.restoreConfirm', {
                name: versionTitle(t, restoring, i18n.language),
                date: formatWhen(restoring.createdAt, i18n.language),
              })
            : ''
        }
        confirmLabel={t('history.restoreConfirmButton')}
        onConfirm={() => (restoring ? restore(restoring) : Promise.resolve())}
        onClose={() => setRestoring(undefined)}
      />
    </Dialog>
  );
}
