import type { Logger } from 'pino';
import type { WebSocket } from 'ws';
import { CloseCode } from '../../../shared/protocol/closeCodes.ts';
import { CommitQueue } from './commitQueue.ts';
import * as Y from 'yjs';
import { Connection } from './connection.ts';
import type { ClusterBusPort, CollabHooks, ConnectionContext, DocumentPersistence, RelayMetrics, RoomCatchUp, SharedHistory } from './ports.ts';
import { RoomSync } from './roomSync.ts';
import { Room, RoomStorageError } from './room.ts';
import { mergeStoredHistory } from './storedHistory.ts';

export interface RelayOptions {
  persistence: DocumentPersistence;
  metrics: RelayMetrics;
  logger: Logger;
  /** How long an empty room stays loaded, so a quick reconnect does not reload it. */
  unloadGraceMs: number;
  compactAfterUpdates: number;
  maxDocumentBytes: number;
  /** Bound of updates waiting for missing dependencies in one document. */
  maxPendingBytes: number;
  /** Bytes queued for one client after which it is dropped as too slow. */
  maxBufferedBytes: number;
  /** What services observe of the rooms. */
  hooks?: CollabHooks;
  /** Other processes sharing the storage (a cluster), and how to read what they stored. */
  cluster?: { bus: ClusterBusPort; history: SharedHistory; tailCheckMs?: number };
}

/**
 * The y-websocket relay: one Room per loaded document, one Connection per socket. It knows Yjs and the protocol,
 * not SQL or HTTP; credentials were checked before a socket reaches it.
 */
export class CollabRelay {
  private readonly rooms = new Map<string, Room<Connection>>();
  private readonly unloadTimers = new Map<Room<Connection>, NodeJS.Timeout>();
  private readonly commits: CommitQueue;
  private readonly sync: RoomSync | undefined;

  constructor(private readonly options: RelayOptions) {
    this.commits = new CommitQueue(options.persistence, (documentIds, error) => {
      for (const documentId of documentIds) {
        const room = this.rooms.get(documentId);
        if (room) this.evict(room, new RoomStorageError('store', error.message));
      }
    });
    const { cluster } = options;
    this.sync = cluster && new RoomSync(this, cluster.bus, cluster.history, options.logger, cluster.tailCheckMs);
  }

  get loadedDocuments(): number {
    return this.rooms.size;
  }

  /** Takes over an authenticated socket for `context.room`. */
  accept(socket: WebSocket, context: ConnectionContext): void {
    const room = this.roomFor(context.room);
    if (!room) {
      socket.close(CloseCode.storageFailure, 'document could not be loaded');
      return;
    }
    this.cancelUnload(room);
    const connection = new Connection(socket, room, context, {
      rejected: (conn, reason, error) => {
        this.options.metrics.messageRejected(reason);
        this.options.logger.warn({ documentId: conn.context.documentId, reason, err: error }, 'closed a connection that sent a bad frame');
      },
      roomFailed: (failed, error, culprit) => {
        // An update that breaks while being applied is the sender's doing: it is told so and not let back in, while
        // everyone else reconnects to the reloaded document.
        if (error.failure === 'apply') culprit.close(CloseCode.malformedMessage, 'update could not be applied');
        this.evict(failed, error);
      },
    }, { maxBufferedBytes: this.options.maxBufferedBytes });
    room.join(connection);
    this.options.metrics.connectionOpened();

    socket.binaryType = 'nodebuffer';
    socket.on('message', (data: Buffer, isBinary: boolean) => {
      if (!isBinary) {
        connection.close(CloseCode.malformedMessage, 'text frames are not part of the protocol');
        return;
      }
      connection.handleFrame(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
    });
    socket.on('close', () => this.detach(room, connection));
    socket.on('error', (error) => this.options.logger.debug({ err: error }, 'socket error'));
    connection.start();
  }

  /** Closes every connection matching `predicate`, e.g. those opened with a revoked invite. */
  closeWhere(predicate: (context: ConnectionContext) => boolean, code: number, reason: string): number {
    let closed = 0;
    for (const room of this.rooms.values()) {
      for (const connection of room.peers) {
        if (predicate(connection.context)) {
          connection.close(code, reason);
          closed++;
        }
      }
    }
    return closed;
  }

  /**
   * The one reader of stored document state for the services (versions, languages, export): what is stored of `room`,
   * with everything accepted so far in any room stored first, so it holds every change its editors have been sent and
   * its writers see (a change that failed to store is not in it: its room was reloaded). Read from the database, not
   * from a loaded room's memory, which may also hold updates still waiting for their dependencies. One Yjs update,
   * canonical: equal texts give equal bytes.
   */
  storedState(room: string): Uint8Array {
    this.commits.flush();
    const doc = new Y.Doc();
    try {
      const merged = mergeStoredHistory(this.options.persistence.load(room));
      if (merged) Y.applyUpdate(doc, merged);
      return Y.encodeStateAsUpdate(doc);
    } finally {
      doc.destroy();
    }
  }

  /**
   * Reads a loaded room's document as it is in memory (undefined when the room is not loaded): for a service that
   * decides from what was just accepted whether to make a server change at all. `read` must not change the document.
   */
  readLoaded<T>(room: string, read: (doc: Y.Doc) => T): T | undefined {
    const loaded = this.rooms.get(room);
    return loaded ? read(loaded.doc) : undefined;
  }

  /** Closes the sockets of one room (a document's source, or one of its language versions). */
  closeRoom(room: string, code: number, reason: string): void {
    this.closeWhere((context) => context.room === room, code, reason);
  }

  /** Closes every socket of the document, in its source room and in every language room. */
  closeDocument(documentId: string, code: number, reason: string): void {
    this.closeWhere((context) => context.documentId === documentId, code, reason);
  }

  /**
   * Applies a change made by the server (a restore, a confirmation) to a room, loaded for the purpose if nobody is
   * connected: stored first, then relayed to every open editor. Throws if the room cannot be loaded or stored.
   */
  applyServerChange(roomName: string, change: (doc: Y.Doc) => void): void {
    const room = this.roomFor(roomName);
    if (!room) throw new Error(`room ${roomName} could not be loaded`);
    try {
      room.applyServerChange(change);
    } catch (error) {
      if (error instanceof RoomStorageError) this.evict(room, error);
      throw error;
    }
    // The caller reports success to a person: store it now rather than at the end of the turn.
    const failure = this.commits.flush();
    if (failure) throw failure;
    if (room.peers.size === 0) this.scheduleUnload(room);
  }

  /** The number of the latest stored update a loaded room holds together with every one before it. */
  storedSeqOf(roomName: string): number | undefined {
    return this.rooms.get(roomName)?.storedSeq;
  }

  /** The rooms loaded in this process, with the number of the latest stored update each holds in order. */
  loadedRooms(): Map<string, number> {
    return new Map([...this.rooms].map(([name, room]) => [name, room.storedSeq]));
  }

  /**
   * Applies to a loaded room what other processes stored after its copy's number and relays it to its peers (nothing
   * when the room is not loaded here: it reads storage when it loads).
   */
  catchUp(roomName: string, caughtUp: RoomCatchUp): void {
    const room = this.rooms.get(roomName);
    if (!room || caughtUp.seq <= room.storedSeq) return;
    try {
      room.applyStoredElsewhere(caughtUp);
    } catch (error) {
      this.evict(room, new RoomStorageError('apply', `applying another process's change failed: ${(error as Error).message}`));
    }
  }

  /** Presence from another process's peers, relayed to the peers of the room here if it is loaded. */
  applyPresence(roomName: string, update: Uint8Array): void {
    this.rooms.get(roomName)?.applyPresenceElsewhere(update);
  }

  /** Compacts and unloads every room, closing its sockets with "going away". */
  shutdown(): void {
    this.sync?.close();
    this.commits.flush();
    for (const room of [...this.rooms.values()]) {
      for (const connection of room.peers) connection.close(CloseCode.goingAway, 'server shutting down');
      this.unload(room);
    }
  }

  private roomFor(documentId: string): Room<Connection> | undefined {
    const loaded = this.rooms.get(documentId);
    if (loaded) return loaded;
    const room = new Room<Connection>(
      documentId,
      this.options.persistence,
      this.options.metrics,
      {
        compactAfterUpdates: this.options.compactAfterUpdates,
        maxDocumentBytes: this.options.maxDocumentBytes,
        maxPendingBytes: this.options.maxPendingBytes,
        onAccepted: (id, change, from) => this.options.hooks?.authored?.(id, change, from.context),
        onStored: (id, seq, change) => {
          this.options.hooks?.stored?.(id);
          this.sync?.stored(id, seq, change);
        },
        onBehind: (id) => this.sync?.catchUp(id),
        onPresence: (id, update) => this.sync?.presence(id, update),
        onCompactionFailed: (id, error) => this.options.logger.error({ documentId: id, err: error }, 'compaction failed'),
      },
      this.commits,
    );
    try {
      room.load();
    } catch (error) {
      // Never serve (and so never store over) a document whose history could not be read.
      this.options.logger.error({ documentId, err: error }, 'failed to load document');
      room.destroy();
      return undefined;
    }
    this.rooms.set(documentId, room);
    this.options.metrics.roomLoaded();
    this.options.hooks?.loaded?.(documentId);
    return room;
  }

  private detach(room: Room<Connection>, connection: Connection): void {
    if (this.rooms.get(room.documentId) !== room || !room.leave(connection)) return;
    connection.leave();
    this.connectionClosed(room);
    if (room.peers.size === 0) this.scheduleUnload(room);
  }

  private connectionClosed(room: Room<Connection>): void {
    this.options.metrics.connectionClosed();
    this.options.hooks?.disconnected?.(room.documentId);
  }

  private scheduleUnload(room: Room<Connection>): void {
    this.cancelUnload(room);
    const timer = setTimeout(() => {
      this.unloadTimers.delete(room);
      if (room.peers.size !== 0) return;
      this.unload(room);
      this.options.hooks?.unloaded?.(room.documentId);
    }, this.options.unloadGraceMs);
    timer.unref();
    this.unloadTimers.set(room, timer);
  }

  private cancelUnload(room: Room<Connection>): void {
    const timer = this.unloadTimers.get(room);
    if (timer) clearTimeout(timer);
    this.unloadTimers.delete(room);
  }

  private unload(room: Room<Connection>): void {
    this.cancelUnload(room);
    // Compaction writes the Y.Doc's state, which must hold nothing unstored; a failed flush has evicted the room.
    this.commits.flush();
    if (this.rooms.get(room.documentId) !== room) return;
    try {
      room.compact();
    } catch (error) {
      // The updates themselves are stored; only the compaction is lost, and the next unload retries it.
      this.options.logger.error({ documentId: room.documentId, err: error }, 'compaction failed');
    }
    this.forget(room);
  }

  /**
   * The room's memory no longer matches the disk (an update failed to apply or to store). Everyone is disconnected
   * without compacting, so the room reloads from what is stored; clients resend what the server lacks on reconnect.
   */
  private evict(room: Room<Connection>, error: RoomStorageError): void {
    this.options.logger.error({ documentId: room.documentId, err: error }, 'room failed; reloading from storage');
    for (const connection of room.peers) connection.close(CloseCode.storageFailure, 'document must be reloaded');
    this.forget(room);
  }

  private forget(room: Room<Connection>): void {
    this.cancelUnload(room);
    for (const connection of room.peers) {
      connection.leave();
      this.connectionClosed(room);
    }
    if (this.rooms.get(room.documentId) === room) this.rooms.delete(room.documentId);
    room.destroy();
    this.options.metrics.roomUnloaded();
  }
}
