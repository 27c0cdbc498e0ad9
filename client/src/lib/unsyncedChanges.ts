import type { WebsocketProvider } from 'y-websocket';
import type * as Y from 'yjs';
import { syncStep1Frame } from '../../../shared/protocol/wireFormat.ts';

/** How long typing must pause before we ask the server to confirm; one round trip per pause, not per keystroke. */
const CONFIRM_AFTER_MS = 250;

/**
 * Knows whether this browser holds changes the server may not have yet. y-websocket has no acknowledgements, so we
 * rely on the server's acknowledgement contract (shared/protocol/wireFormat.ts, docs/protocol.md): its answer (sync
 * step 2) to a sync step 1 sent after our updates proves those updates are stored.
 */
export class UnsyncedChanges {
  private localVersion = 0;
  private confirmedVersion = 0;
  /** The local version a confirmation request in flight on the current socket covers. */
  private requested: number | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly ydoc: Y.Doc,
    private readonly provider: WebsocketProvider,
  ) {
    ydoc.on('update', this.onUpdate);
    provider.on('sync', this.onSync);
    provider.on('status', this.onStatus);
  }

  /** Whether some change made (or restored from the browser cache) here is not known to be on the server. */
  get pending(): boolean {
    return this.confirmedVersion < this.localVersion;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  destroy(): void {
    clearTimeout(this.timer);
    this.ydoc.off('update', this.onUpdate);
    this.provider.off('sync', this.onSync);
    this.provider.off('status', this.onStatus);
  }

  private readonly onUpdate = (_update: Uint8Array, origin: unknown): void => {
    // Updates from the server are on the server; everything else (typing, the browser cache) may not be.
    if (origin === this.provider) return;
    const wasPending = this.pending;
    this.localVersion++;
    if (!wasPending) this.notify();
    this.scheduleConfirm();
  };

  private readonly onSync = (synced: boolean): void => {
    if (!synced) return;
    if (this.requested !== undefined) {
      this.confirmedVersion = Math.max(this.confirmedVersion, this.requested);
      this.requested = undefined;
      this.notify();
    }
    // The first sync of a connection answers the provider's own step 1, which may have overtaken our offline changes.
    if (this.pending) this.scheduleConfirm();
  };

  private readonly onStatus = ({ status }: { status: string }): void => {
    if (status !== 'connected') this.requested = undefined;
  };

  private scheduleConfirm(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.requestConfirmation(), CONFIRM_AFTER_MS);
  }

  private requestConfirmation(): void {
    const ws = this.provider.ws;
    if (!this.pending || !this.provider.wsconnected || !ws || ws.readyState !== ws.OPEN) return;
    // A sync is still running: its own completion triggers the next request.
    if (!this.provider.synced) return;
    this.requested = this.localVersion;
    // The stock provider tells of a step 2 only as becoming synced: unmarked here, it marks itself synced again when
    // the server's answer arrives, which fires onSync.
    this.provider.synced = false;
    ws.send(syncStep1Frame(this.ydoc));
  }

  private notify(): void {
    for (const listener of this.listeners) listener();
  }
}
