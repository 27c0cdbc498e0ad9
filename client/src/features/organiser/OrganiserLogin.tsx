import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Me, type OrganiserLoginBody } from '../../../../shared/api/session.ts';
import { LoadingPage } from '../../components/LoadingPage.tsx';
import { MessagePage } from '../../components/MessagePage.tsx';
import { apiRequest } from '../../lib/api.ts';
import { navigate } from '../../lib/router.ts';
import { useAsync } from '../../lib/useAsync.ts';

const login = (token: string) => apiRequest(Me, 'POST', '/api/session/organiser', { token } satisfies OrganiserLoginBody);

/** `/organiser#<token>`: trades the organiser link for a session, then drops the token from the address bar. */
export function OrganiserLogin() {
  const { t } = useTranslation();
  const [token] = useState(() => window.location.hash.slice(1));
  const { state } = useAsync(token, login);

  useEffect(() => {
    if (state.status === 'done') navigate('/', { replace: true });
  }, [state.status]);

  if (!token) {
    return (
      <MessagePage title={t('organiserLogin.failedTitle')} tone="problem">
        <p>{t('organiserLogin.missingToken')}</p>
      </MessagePage>
    );
  }
  if (state.status === 'error') {
    return (
      <MessagePage title={t('organiserLogin.failedTitle')} tone="problem">
        <p>{t('organiserLogin.failedBody')}</p>
      </MessagePage>
    );
  }
  return <LoadingPage label={t('organiserLogin.signingIn')} />;
}
