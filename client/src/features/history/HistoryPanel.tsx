import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentSummary } from '../../../../shared/api/documents.ts';

// Versions, compare and restore load when the person first opens the history, not with the editor.
const HistoryDialog = lazy(() => import('./HistoryDialog.tsx').then((module) => ({ default: module.HistoryDialog })));

/** The "History" button and the dialog it opens. */
export function HistoryPanel({ document }: { document: DocumentSummary }) {
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
          <HistoryDialog document={document} open={open} onClose={() => setOpen(false)} />
        </Suspense>
      )}
    </>
  );
}
