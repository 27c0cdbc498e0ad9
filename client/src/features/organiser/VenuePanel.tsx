import { useTranslation } from 'react-i18next';
import { ServerInfo } from '../../../../shared/api/serverInfo.ts';
import { apiRequest } from '../../lib/api.ts';
import { errorMessage } from '../../lib/errorMessage.ts';
import { useAsync } from '../../lib/useAsync.ts';
import './venue.css';

const loadServerInfo = () => apiRequest(ServerInfo, 'GET', '/api/server-info');

/**
 * What the organiser needs on the day: the address delegates must open (and a warning when only this laptop can
 * reach it), and a backup to take away.
 */
export function VenuePanel() {
  const { t } = useTranslation();
  const { state } = useAsync('server-info', loadServerInfo);

  return (
    <section className="venue" aria-labelledby="venue-title">
      <h2 id="venue-title" className="visually-hidden">
        {t('venue.sectionTitle')}
      </h2>
      <div className="venue__address">
        <span className="venue__label">{t('venue.addressLabel')}</span>
        {state.status === 'loading' && <span className="loading">{t('app.loading')}</span>}
        {state.status === 'error' && (
          <span className="form__error" role="alert">
            {errorMessage(t, state.error)}
          </span>
        )}
        {state.status === 'done' && (
          <>
            <a className="venue__url" href={state.value.publicUrl} dir="ltr">
              {state.value.publicUrl}
            </a>
            {state.value.lan ? (
              <span className="venue__hint">{t(state.value.tls ? 'venue.lanTlsHint' : 'venue.lanHint')}</span>
            ) : (
              <span className="venue__hint venue__hint--warning" role="note">
                {t('venue.localOnlyHint', { command: 'npm run start:lan' })}
              </span>
            )}
          </>
        )}
      </div>
      {state.status === 'done' && !state.value.backupDownload ? (
        <div className="venue__backup">
          <span className="venue__hint">{t('venue.backupElsewhere')}</span>
        </div>
      ) : (
        <div className="venue__backup">
          {/* A plain link: the browser streams the attachment to disk itself, whatever its size. */}
          <a className="button" href="/api/backup" download>
            {t('venue.downloadBackup')}
          </a>
          <span className="venue__hint">{t('venue.backupHint')}</span>
        </div>
      )}
    </section>
  );
}
