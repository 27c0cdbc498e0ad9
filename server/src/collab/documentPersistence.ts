import type { ConnectionContext } from './connection.ts';

export interface StoredDocument {
  state: Uint8Array | undefined;
  updates: Uint8Array[];
}

/**
 * What the relay needs from storage. The relay knows Yjs, not SQL: the storage layer implements this, and every call
 * is synchronous so that "stored" means committed when the call returns.
 */
export interface DocumentPersistence {
  /** The document's compacted state, if any, and every update stored since, oldest first. */
  load(documentId: string): StoredDocument;
  /** Commits several updates in one transaction: all or none, durable when it returns. Throws if they could not be stored. */
  appendMany(updates: readonly { documentId: string; update: Uint8Array }[]): void;
  /**
   * Commits several updates in one transaction (all or none) without waiting for the disk: they are durable only once
   * a later `sync`, `syncNow` or `appendMany` has completed. Throws if they could not be committed.
   */
  appendManyUnsynced(updates: readonly { documentId: string; update: Uint8Array }[]): void;
  /** Makes every commit so far durable, off the event loop; `done` gets the error if the disk refused. */
  sync(done: (error: Error | undefined) => void): void;
  /** Makes every commit so far durable before returning. Throws if the disk refused. */
  syncNow(): void;
  /** Atomically replaces the document's stored history by `state`, which includes all of it. */
  compact(documentId: string, state: Uint8Array): void;
}

/** Counters the relay reports; the server backs them with Prometheus metrics. */
export interface RelayMetrics {
  roomLoaded(): void;
  roomUnloaded(): void;
  connectionOpened(): void;
  connectionClosed(): void;
  updateStored(bytes: number): void;
  messageRejected(reason: string): void;
}

/** What happens to documents, for services that react to it without the relay knowing them. */
export interface RoomEvents {
  /** A change of the document was stored. Called synchronously: keep it cheap. */
  stored(documentId: string): void;
  /**
   * A change sent by an authenticated connection was accepted: `change` holds only what was new to the document, so its
   * structs were written by the Yjs clients of `context`'s socket (authorship). Called before the change is stored:
   * database writes made here without waiting for the disk are flushed with it, before it is relayed. Keep it cheap.
   */
  authored?(documentId: string, change: Uint8Array, context: ConnectionContext): void;
  /** The document was unloaded because nobody was connected for the grace period. */
  unloaded(documentId: string): void;
}
