import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadingPage } from '../../components/LoadingPage.tsx';
import { MessagePage } from '../../components/MessagePage.tsx';
import { RetryPage } from '../../components/RetryPage.tsx';
import { ApiError } from '../../lib/api.ts';
import { useAsync } from '../../lib/useAsync.ts';
import { type DocumentAccess, loadDocumentAccess } from './documentAccess.ts';

export interface DocumentAccessGateProps {
  documentId: string;
  /** What the loading page says. */
  loadingLabel: string;
  /** The page, once the server said who the person is and what the document is; `reload` asks again. */
  children: (access: DocumentAccess, reload: () => void) => ReactNode;
}

/** Checks access to a document and explains a refusal (no access, no such document) or a failure (retry). */
export function DocumentAccessGate({ documentId, loadingLabel, children }: DocumentAccessGateProps) {
  const { t } = useTranslation();
  const { state, reload } = useAsync(documentId, loadDocumentAccess);

  if (state.status === 'loading') return <LoadingPage label={loadingLabel} />;
  if (state.status === 'error') {
    const { error } = state;
    if (error instanceof ApiError && (error.status === 401 || error.status === 403)) {
      return (
        <MessagePage title={t('editor.noAccessTitle')} tone="problem">
          <p>{t('editor.noAccessBody')}</p>
        </MessagePage>
      );
    }
    if (error instanceof ApiError && error.status === 404) {
      return (
        <MessagePage title={t('editor.notFoundTitle')} tone="problem">
          <p>{t('editor.notFoundBody')}</p>
        </MessagePage>
      );
    }
    return <RetryPage error={error} onRetry={reload} />;
  }
  return children(state.value, reload);
}
