import type { WebsocketProvider } from 'y-websocket';
import { closeCodeName } from '../../../shared/protocol/closeCodes.ts';
import type { UnsyncedChanges } from './unsyncedChanges.ts';

export type ConnectionStatus = 'connecting' | 'connected' | 'offline' | 'closed';

export interface ConnectionState {
  status: ConnectionStatus;
  /** Connected, and this browser and the server have exchanged everything. */
  synced: boolean;
  /** Changes made here that the server may not have yet. */
  pending: boolean;
  /** The close code of the last time the server closed the connection, until a connection syncs again. */
  closeCode: number | undefined;
  /** Whether the connection has synced at least once since the page opened. */
  everSynced: boolean;
}

/**
 * One observable snapshot of the collaboration connection for the UI (`useSyncExternalStore`): the provider's events
 * and the unsynced-changes tracker folded into a plain immutable object.
 */
export class ConnectionMonitor {
  private state: ConnectionState = { status: 'connecting', synced: false, pending: false, closeCode: undefined, everSynced: false };
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly provider: WebsocketProvider,
    private readonly unsynced: UnsyncedChanges,
  ) {
    provider.on('status', this.onStatus);
    provider.on('sync', this.onSync);
    provider.on('connection-close', this.onClose);
    provider.on('closed', this.onTerminalClose);
    this.stopUnsynced = unsynced.subscribe(() => this.set({ pending: unsynced.pending }));
  }

  private readonly stopUnsynced: () => void;

  readonly getSnapshot = (): ConnectionState => this.state;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Whether the server refused this browser for good (revoked invite, expired session, deleted document). */
  get terminal(): boolean {
    return this.state.status === 'closed';
  }

  /** The browser reports no network: say so now rather than after the socket times out. */
  markOffline(): void {
    if (!this.terminal) this.set({ status: 'offline', synced: false });
  }

  destroy(): void {
    this.provider.off('status', this.onStatus);
    this.provider.off('sync', this.onSync);
    this.provider.off('connection-close', this.onClose);
    this.provider.off('closed', this.onTerminalClose);
    this.stopUnsynced();
  }

  private readonly onStatus = ({ status }: { status: 'connected' | 'disconnected' | 'connecting' }): void => {
    if (this.state.status === 'closed' && status !== 'connected') return;
    if (status === 'connected') this.set({ status: 'connected' });
    // y-websocket reports "connecting" on every retry; to a reader, that is still being offline.
    else if (status === 'connecting') this.set({ status: this.state.everSynced ? 'offline' : 'connecting' });
    else this.set({ status: 'offline', synced: false });
  };

  private readonly onSync = (synced: boolean): void => {
    this.set(synced ? { synced, everSynced: true, closeCode: undefined } : { synced });
  };

  private readonly onClose = (event: CloseEvent | null): void => {
    // Codes the server does not send (1006 when the network drops) are not a reason to show.
    if (event && closeCodeName(event.code)) this.set({ closeCode: event.code });
  };

  private readonly onTerminalClose = ({ code }: { code: number }): void => {
    this.set({ status: 'closed', synced: false, closeCode: code });
  };

  private set(patch: Partial<ConnectionState>): void {
    const next = { ...this.state, ...patch, pending: this.unsynced.pending };
    if (Object.entries(next).every(([key, value]) => this.state[key as keyof ConnectionState] === value)) return;
    this.state = next;
    for (const listener of this.listeners) listener();
  }
}
