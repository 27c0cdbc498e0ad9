import { useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { CloseCode } from '../../../../shared/protocol/closeCodes.ts';
import type { Collaboration } from '../../lib/collaboration.ts';
import type { ConnectionState } from '../../lib/connectionMonitor.ts';
import { closeReason } from './closeReason.ts';

type Tone = 'ok' | 'busy' | 'offline' | 'problem';

type Key = 'connecting' | 'connected' | 'syncing' | 'offline' | 'offlineLocalCopy';

function describe(state: ConnectionState): { tone: Tone; key: Key | null } {
  switch (state.status) {
    case 'closed':
      return { tone: 'problem', key: null };
    case 'offline':
      return { tone: 'offline', key: state.showingLocalCopy ? 'offlineLocalCopy' : 'offline' };
    case 'connecting':
      return { tone: 'busy', key: 'connecting' };
    case 'connected':
      return state.synced && !state.pending ? { tone: 'ok', key: 'connected' } : { tone: 'busy', key: 'syncing' };
  }
}

export function useConnectionState(collaboration: Collaboration): ConnectionState {
  return useSyncExternalStore(collaboration.connection.subscribe, collaboration.connection.getSnapshot);
}

/**
 * The connection, always visible under the header: connected and saved, syncing, offline with the reassurance that
 * changes are kept, or the server's reason for closing the connection.
 */
export function ConnectionStatus({ state, onDiscardDeviceCopy }: { state: ConnectionState; onDiscardDeviceCopy?: () => void }) {
  const { t } = useTranslation();
  const { tone, key } = describe(state);
  const reason = closeReason(t, state.closeCode);
  const text = state.status === 'closed' ? (reason ?? t('connection.offline')) : reason && state.status !== 'connected' ? reason : key && t(`connection.${key}`);
  return (
    // Not a live region: it changes on every keystroke (syncing, saved). LiveAnnouncer says when it drops or returns.
    // A landmark of its own, so that "is my work saved?" is one landmark jump away.
    <div
      className={`connection connection--${tone}`}
      role="region"
      aria-label={t('connection.label')}
      data-status={state.status}
      data-pending={state.pending}
    >
      <span className="connection__dot" aria-hidden="true" />
      <span className="connection__text">{text}</span>
      {onDiscardDeviceCopy && state.status === 'closed' && state.closeCode === CloseCode.deadlinePassed && (
        <button type="button" className="button button--small connection__action" onClick={onDiscardDeviceCopy}>
          {t('connection.discardDeviceCopy')}
        </button>
      )}
    </div>
  );
}
