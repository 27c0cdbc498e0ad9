import { IndexeddbPersistence } from 'y-indexeddb';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { COLLAB_PATH } from '../../../shared/protocol/collabEndpoint.ts';
import { ConnectionMonitor } from './connectionMonitor.ts';
import { UnsyncedChanges } from './unsyncedChanges.ts';

/** The collaboration endpoint on the server that served this page (cookie auth needs the same origin). */
export function collaborationUrl(location: Location = window.location): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}${COLLAB_PATH}`;
}

/**
 * The shared document of one page: the Y.Doc, its websocket provider, and what the UI watches. Created unconnected,
 * so React can create it during render and connect it in an effect.
 */
export class Collaboration {
  readonly ydoc = new Y.Doc();
  readonly provider: WebsocketProvider;
  readonly unsynced: UnsyncedChanges;
  readonly connection: ConnectionMonitor;
  private cache: IndexeddbPersistence | undefined;

  constructor(readonly documentId: string) {
    this.provider = new WebsocketProvider(collaborationUrl(), documentId, this.ydoc, {
      connect: false,
      // Tabs of one browser share one session, so they gain nothing from talking to each other directly;
      // going through the server keeps a single path for permissions and acknowledgements.
      disableBc: true,
    });
    this.unsynced = new UnsyncedChanges(this.ydoc, this.provider);
    this.connection = new ConnectionMonitor(this.provider, this.unsynced);
  }

  /**
   * Loads the browser's cached copy (so the document shows and takes edits offline), connects, and follows the
   * browser's online/offline events so a dropped network is noticed at once rather than after a timeout.
   * Returns the function that undoes all of it.
   */
  start(): () => void {
    const cache = new IndexeddbPersistence(`accord-document-${this.documentId}`, this.ydoc);
    this.cache = cache;
    void cache.whenSynced.then(() => {
      if (this.ydoc.store.clients.size > 0) this.connection.markLocalCopy();
    });
    const goOffline = () => {
      this.provider.disconnect();
      this.connection.setBrowserOffline(true);
    };
    const goOnline = () => {
      this.connection.setBrowserOffline(false);
      if (!this.connection.terminal) this.provider.connect();
    };
    window.addEventListener('offline', goOffline);
    window.addEventListener('online', goOnline);
    // navigator.onLine is trustworthy only when false: true means a network interface exists, not that it works.
    if (navigator.onLine) this.provider.connect();
    else this.connection.setBrowserOffline(true);
    return () => {
      window.removeEventListener('offline', goOffline);
      window.removeEventListener('online', goOnline);
      this.provider.disconnect();
      void cache.destroy();
    };
  }

  /**
   * Forgets the copy kept on this device, with whatever in it the server refused for good, and reloads the page so it
   * shows the server's text again. Only on the person's explicit choice: it throws away their unsaved words.
   */
  async discardDeviceCopy(): Promise<void> {
    this.provider.disconnect();
    await this.cache?.clearData();
    window.location.reload();
  }
}
