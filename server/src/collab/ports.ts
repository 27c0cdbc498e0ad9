import type * as Y from 'yjs';
import type { Role } from '../../../shared/domain/roles.ts';
import type { BusMessage } from '../cluster/busMessages.ts';

/**
 * The collab core's ports: what it needs from the rest of the server (storage, metrics), what it is told about each
 * socket, and what it tells the services. Nothing here imports the core's implementation, so the core's files depend
 * on this one and never on each other in a circle; services implement or consume these types without reaching into
 * the relay.
 */

export interface StoredDocument {
  state: Uint8Array | undefined;
  updates: Uint8Array[];
  /** The number of the room's latest stored update when it was read (numbers count within a room, from 1). */
  seq: number;
}

/**
 * What the relay needs from storage. The relay knows Yjs, not SQL: the storage layer implements this, and every call
 * is synchronous so that "stored" means committed when the call returns.
 */
export interface DocumentPersistence {
  /** The document's compacted state, if any, and every update stored since, oldest first. */
  load(documentId: string): StoredDocument;
  /**
   * Commits several updates in one transaction: all or none, durable when it returns. Returns each one's number within
   * its room. Throws if they could not be stored.
   */
  appendMany(updates: readonly { documentId: string; update: Uint8Array }[]): number[];
  /**
   * Commits several updates in one transaction (all or none) without waiting for the disk: they are durable only once
   * a later `sync`, `syncNow` or `appendMany` has completed. Throws if they could not be committed.
   */
  appendManyUnsynced(updates: readonly { documentId: string; update: Uint8Array }[]): number[];
  /** Makes every commit so far durable, off the event loop; `done` gets the error if the disk refused. */
  sync(done: (error: Error | undefined) => void): void;
  /** Makes every commit so far durable before returning. Throws if the disk refused. */
  syncNow(): void;
  /** Atomically replaces the document's stored history by `state`, which includes all of it. */
  compact(documentId: string, state: Uint8Array): void;
}

/** What a room missed after a number: the updates stored since, and the compacted state when it absorbed some. */
export interface RoomCatchUp {
  state: Uint8Array | undefined;
  updates: { seq: number; data: Uint8Array }[];
  seq: number;
}

/** What the relay needs of storage when other processes share it (a cluster): reading what they stored, by number. */
export interface SharedHistory {
  /** The number of the room's latest stored update. */
  latestSeq(room: string): number;
  /** What was stored in the room after update number `seq`. */
  catchUp(room: string, seq: number): RoomCatchUp;
}

/** The messages between processes of a cluster (server/src/cluster/clusterBus.ts): at most once, in no promised order. */
export interface ClusterBusPort {
  publish(message: BusMessage): Promise<boolean>;
  subscribe(handler: (message: BusMessage) => void): () => void;
  /** Fired when the bus is back after a loss: messages sent meanwhile are gone. */
  onReconnected(handler: () => void): () => void;
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

/** Who is on the other end, as the server established it; stamped on their presence so nobody can pose as another. */
export interface ConnectionIdentity {
  name: string;
  delegation: string;
  color: string;
  role: Role;
}

/** What the websocket upgrade established about a socket before handing it to the relay. */
export interface ConnectionContext {
  documentId: string;
  /** The room the socket joined: the document's id for its source, or a language room (shared/protocol/languageRooms.ts). */
  room: string;
  /** The invite the credentials came from, so revoking it can close this socket; null for the organiser. */
  inviteId: string | null;
  identity: ConnectionIdentity;
  /** Asked at every write, since a document can be frozen while people are connected. */
  canWrite(): boolean;
  /**
   * Asked before a writable update is applied (`doc` is the document before it): a refusal closes this connection with
   * its code and keeps nothing of the update. Used for rules on what an update carries (a deadline for proposals).
   */
  refusal?(update: Uint8Array, doc: Y.Doc): { code: number; reason: string } | undefined;
}

/**
 * What services observe of the rooms, in the spirit of Hocuspocus' extension hooks: each is optional, named after
 * what happened, and called synchronously by the relay, so keep it cheap. `room` is a room name: a document's id for
 * its source, or a language room (shared/protocol/languageRooms.ts).
 */
export interface CollabHooks {
  /** The room was loaded from storage, before its first connection is served. */
  loaded?(room: string): void;
  /**
   * A change sent by a connection was accepted: `change` holds only what was new to the document, so its structs were
   * written by the Yjs clients of `context`'s socket (authorship). Called before the change is stored: database writes
   * made here without waiting for the disk are flushed with it, before it is relayed. Not called for server-made
   * changes.
   */
  authored?(room: string, change: Uint8Array, context: ConnectionContext): void;
  /** A change of the room, from a connection or from the server, was stored (durably). */
  stored?(room: string): void;
  /** The room was unloaded because nobody was connected for the grace period. */
  unloaded?(room: string): void;
  /** A connection to the room closed: its memory is garbage from now on. */
  disconnected?(room: string): void;
}
