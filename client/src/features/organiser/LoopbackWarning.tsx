import { useTranslation } from 'react-i18next';
import { ServerInfo } from '../../../../shared/api/serverInfo.ts';
import { apiRequest } from '../../lib/api.ts';
import { useAsync } from '../../lib/useAsync.ts';
import { loopbackHost } from './inviteAddress.ts';

const loadServerInfo = () => apiRequest(ServerInfo, 'GET', '/api/server-info');

export interface LoopbackWarningProps {
  /** The links about to be printed or shown. */
  urls: readonly string[];
  /** Called with the LAN address when the organiser chooses to print the links with it instead. */
  onUseAddress: (origin: string) => void;
}

/**
 * Says plainly that links to 127.0.0.1 or localhost cannot be opened by phones, and offers the LAN address when Accord
 * runs in LAN mode (the cards then carry the same tokens at that address).
 */
export function LoopbackWarning({ urls, onUseAddress }: LoopbackWarningProps) {
  const { t } = useTranslation();
  const { state } = useAsync('server-info', loadServerInfo);
  const host = urls.map(loopbackHost).find(Boolean);
  if (!host) return null;
  const info = state.status === 'done' ? state.value : undefined;
  const lanAddress = info?.lan && !loopbackHost(info.publicUrl) ? info.publicUrl : undefined;
  return (
    <div className="loopback-warning" role="alert">
      <p>{t(lanAddress ? 'venue.loopbackWarningLan' : 'venue.loopbackWarning', { host })}</p>
      {lanAddress && (
        <button type="button" className="button button--primary" onClick={() => onUseAddress(lanAddress)}>
          {t('venue.useLanAddress', { address: lanAddress })}
        </button>
      )}
    </div>
  );
}
