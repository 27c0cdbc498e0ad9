import type { WebsocketProvider } from 'y-websocket';
import { closeCodeName } from '../../../shared/protocol/closeCodes.ts';
import { type ConnectionFacts, type ConnectionStatus, connectionStatus } from './connectionStatus.ts';
import type { UnsyncedChanges } from './unsyncedChanges.ts';

export type { ConnectionStatus } from './connectionStatus.ts';

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
  /** The text on screen came from the copy kept on this device (it has not been synced in this page load yet). */
  showingLocalCopy: boolean;
}

/**
 * One observable snapshot of the collaboration connection for the UI (`useSyncExternalStore`): the provider's events,
 * the browser's network events and the unsynced-changes tracker folded into a plain immutable object. The status is
 * derived from facts (see `connectionStatus`), so it does not depend on the order a browser version reports them in.
 */
export class ConnectionMonitor {
  private facts: ConnectionFacts = { refused: false, socketOpen: false, browserOffline: false, attemptFailed: false, hasText: false };
  private localCopy = false;
  private state: ConnectionState = {
    status: 'connecting',
    synced: false,
    pending: false,
    closeCode: undefined,
    everSynced: false,
    showingLocalCopy: false,
  };
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly provider: WebsocketProvider,
    private readonly unsynced: UnsyncedChanges,
  ) {
    provider.on('status', this.onStatus);
    provider.on('sync', this.onSync);
    provider.on('connection-close', this.onClose);
    provider.on('connection-error', this.onError);
    provider.on('closed', this.onTerminalClose);
    this.stopUnsynced = unsynced.subscribe(() => this.update({}));
  }

  private readonly stopUnsynced: () => void;

  readonly getSnapshot = (): ConnectionState => this.state;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Whether the server refused this browser for good (revoked invite, expired session, deleted document). */
  get terminal(): boolean {
    return this.facts.refused;
  }

  /** The browser reports no network (or a network again): say so now rather than after the socket times out. */
  setBrowserOffline(offline: boolean): void {
    this.update({ browserOffline: offline });
  }

  /** The copy of the document kept on this device was loaded and has text. */
  markLocalCopy(): void {
    this.localCopy = true;
    this.update({ hasText: true });
  }

  destroy(): void {
    this.provider.off('status', this.onStatus);
    this.provider.off('sync', this.onSync);
    this.provider.off('connection-close', this.onClose);
    this.provider.off('connection-error', this.onError);
    this.provider.off('closed', this.onTerminalClose);
    this.stopUnsynced();
  }

  private readonly onStatus = ({ status }: { status: 'connected' | 'disconnected' | 'connecting' }): void => {
    if (status === 'connected') this.update({ socketOpen: true, attemptFailed: false, refused: false });
    else if (status === 'disconnected') this.update({ socketOpen: false, attemptFailed: true }, { synced: false });
  };

  private readonly onSync = (synced: boolean): void => {
    if (synced) this.update({ hasText: true }, { synced, everSynced: true, closeCode: undefined });
    else this.update({}, { synced });
  };

  private readonly onClose = (event: CloseEvent | null): void => {
    // Codes the server does not send (1006 when the network drops) are not a reason to show.
    const closeCode = event && closeCodeName(event.code) ? event.code : this.state.closeCode;
    this.update({ socketOpen: false, attemptFailed: true }, { synced: false, closeCode });
  };

  private readonly onError = (): void => {
    this.update({ attemptFailed: true });
  };

  private readonly onTerminalClose = ({ code }: { code: number }): void => {
    this.update({ refused: true, socketOpen: false }, { synced: false, closeCode: code });
  };

  private update(facts: Partial<ConnectionFacts>, patch: Partial<ConnectionState> = {}): void {
    this.facts = { ...this.facts, ...facts };
    const everSynced = patch.everSynced ?? this.state.everSynced;
    const next: ConnectionState = {
      ...this.state,
      ...patch,
      status: connectionStatus(this.facts),
      pending: this.unsynced.pending,
      showingLocalCopy: this.localCopy && !everSynced,
    };
    if (Object.entries(next).every(([key, value]) => this.state[key as keyof ConnectionState] === value)) return;
    this.state = next;
    for (const listener of this.listeners) listener();
  }
}
