import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Me } from '../../../shared/api/session.ts';
import { LoadingPage } from '../components/LoadingPage.tsx';
import { MessagePage } from '../components/MessagePage.tsx';
import { OrganiserHome } from '../features/organiser/index.ts';
import { ApiError, apiRequest } from '../lib/api.ts';
import { navigate } from '../lib/router.ts';
import { useAsync } from '../lib/useAsync.ts';
import { RetryPage } from '../components/RetryPage.tsx';

const loadMe = () => apiRequest(Me, 'GET', '/api/me');

/** `/`: organisers get their home, members go straight to their document, anyone else is told how to get in. */
export function HomePage() {
  const { t } = useTranslation();
  const { state, reload } = useAsync('me', loadMe);
  const memberDocument = state.status === 'done' && state.value.kind === 'member' ? state.value.documentId : undefined;

  useEffect(() => {
    if (memberDocument) navigate(`/documents/${encodeURIComponent(memberDocument)}`, { replace: true });
  }, [memberDocument]);

  if (state.status === 'error') {
    if (state.error instanceof ApiError && state.error.status === 401) {
      return (
        <MessagePage title={t('landing.title')}>
          <p>{t('landing.body')}</p>
        </MessagePage>
      );
    }
    return <RetryPage error={state.error} onRetry={reload} />;
  }
  if (state.status === 'done' && state.value.kind === 'organiser') return <OrganiserHome name={state.value.name} />;
  return <LoadingPage label={t('app.loading')} />;
}
