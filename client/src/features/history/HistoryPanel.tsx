import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentSummary } from '../../../../shared/api/documents.ts';
import type { LanguageCode } from '../../../../shared/domain/languages.ts';

// Versions, compare and restore load when the person first opens the history, not with the editor.
const HistoryDialog = lazy(() => import('./HistoryDialog.tsx').then((module) => ({ default: module.HistoryDialog })));

/** The "History" button and the dialog it opens; `languages`: the source's and each version's, to compare in. */
export function HistoryPanel({ document, languages }: { document: DocumentSummary; languages: readonly LanguageCode[] }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [opened, setOpened] = useState(false);
  return (
    <>
      <button
        type="button"
        className="button button--small"
        aria-haspopup="dialog"
        onClick={() => {
          setOpened(true);
          setOpen(true);
        }}
      >
        {t('history.open')}
      </button>
      {opened && (
        <Suspense fallback={null}>
          <HistoryDialog document={document} languages={languages} open={open} onClose={() => setOpen(false)} />
        </Suspense>
      )}
    </>
  );
}
