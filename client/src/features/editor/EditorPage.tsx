import { useTranslation } from 'react-i18next';
import type { LanguageCode } from '../../../../shared/domain/languages.ts';
import { can } from '../../../../shared/domain/policy.ts';
import { LoadingPage } from '../../components/LoadingPage.tsx';
import { MessagePage } from '../../components/MessagePage.tsx';
import { ApiError } from '../../lib/api.ts';
import { useAsync } from '../../lib/useAsync.ts';
import { loadDocumentAccess } from './documentAccess.ts';
import { EditorWorkspace } from './EditorWorkspace.tsx';
import { SideBySideWorkspace } from './SideBySideWorkspace.tsx';
import { RetryPage } from '../../components/RetryPage.tsx';

/**
 * `/documents/:id`: checks access, then opens the collaborative editor; `/documents/:id/languages/:language`: the
 * source beside that language version.
 */
export function EditorPage({ documentId, language }: { documentId: string; language?: LanguageCode }) {
  const { t } = useTranslation();
  const { state, reload } = useAsync(documentId, loadDocumentAccess);

  if (state.status === 'loading') return <LoadingPage label={t('editor.loadingDocument')} />;
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
  if (language) return <SideBySideWorkspace key={`${documentId}:${language}:${String(state.value.document.frozen)}`} access={state.value} language={language} onAccessChanged={reload} />;
  const canEdit = can(state.value.document.role, 'document.edit', state.value.document);
  // A new editor when editing becomes allowed or forbidden: a read-only editor is built without id assignment.
  return <EditorWorkspace key={`${documentId}:${canEdit}`} access={state.value} onAccessChanged={reload} />;
}
