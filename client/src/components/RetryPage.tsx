import { useTranslation } from 'react-i18next';
import { errorMessage } from '../lib/errorMessage.ts';
import { MessagePage } from './MessagePage.tsx';

/** A page that failed to load for an unexpected reason: what went wrong, and a way to try again. */
export function RetryPage({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { t } = useTranslation();
  return (
    <MessagePage title={t('errors.unknown')} tone="problem">
      <p>{errorMessage(t, error)}</p>
      <button type="button" className="button" onClick={onRetry}>
        {t('app.retry')}
      </button>
    </MessagePage>
  );
}
