import { useTranslation } from 'react-i18next';
import { apiCommand } from '../lib/api.ts';

/** Ends the browser session; a full reload then drops everything this page held in memory. */
export function SignOutButton() {
  const { t } = useTranslation();
  const signOut = async () => {
    await apiCommand('POST', '/api/logout').catch(() => undefined);
    window.location.assign('/');
  };
  return (
    <button type="button" className="button button--quiet" onClick={() => void signOut()}>
      {t('app.signOut')}
    </button>
  );
}
