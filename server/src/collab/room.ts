import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { CloseCode } from '../../../shared/protocol/closeCodes.ts';
import { awarenessFrame, updateFrame } from '../../../shared/protocol/wireFormat.ts';
import type { CommitQueue } from './commitQueue.ts';
import type { DocumentPersistence, RelayMetrics } from './ports.ts';
import { mergeStoredHistory } from './storedHistory.ts';

/** A room member as the room sees it: something to send frames to. */
export interface RoomPeer {
  send(frame: Uint8Array): void;
}

/**
 * A change was half-applied or not stored: the room's memory may now differ from the disk and it must be reloaded.
 * `cause` tells whether the change itself broke while applying (the sender's fault) or the disk refused it.
 */
export class RoomStorageError extends Error {
  constructor(
    readonly failure: 'apply' | 'store',
    message: string,
  ) {
    super(message);
  }
}

/** An update refused on purpose, with nothing of it kept: its connection is closed with `code`. */
export class UpdateRefusedError extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}

export interface RoomOptions<Peer> {
  /** Compact the stored history into one state row after this many appended updates. */
  compactAfterUpdates: number;
  /** Largest stored size of the document; growth past it is refused. */
  maxDocumentBytes: number;
  /** Largest size of updates waiting for changes the server never received; past it they are dropped. */
  maxPendingBytes: number;
  /**
   * Told of every change a peer sent as it is accepted, before it is stored (only what was new to the document). What
   * this writes to the database without waiting for the disk is made durable by the change's own group commit, before
   * anything of the change is relayed. Server-made changes are not reported.
   */
  onAccepted?: (documentId: string, change: Uint8Array, from: Peer) => void;
  /**
   * Told after every stored change, with its number within the room (e.g. to take automatic snapshots after a period
   * of activity, to tell other processes).
   */
  onStored?: (documentId: string, seq: number, change: Uint8Array) => void;
  /**
   * Another process stored updates of this room that this copy lacks (a change stored here was numbered past the next
   * number): they must be read from storage (`catchUp`).
   */
  onBehind?: (documentId: string) => void;
  /** The presence of this process's peers changed (encoded awareness update): for other processes. */
  onPresence?: (documentId: string, update: Uint8Array) => void;
  /** A compaction failed (the updates stay stored as they are). */
  onCompactionFailed?: (documentId: string, error: Error) => void;
}

/**
 * Merging re-encodes every byte of what it merges, and pays off for keystrokes (one update to apply instead of many),
 * not for a change this big: under two writers pasting 32 KiB every 10 ms, merges took an eighth of the server's CPU.
 */
const MERGE_BELOW_BYTES = 4096;

/** The transaction origin of changes the server makes itself; relayed to every peer. */
const SERVER_ORIGIN = Symbol('accord-server');
/** The origin of changes and presence from other processes of a cluster: relayed to every peer, not told back. */
const CLUSTER_ORIGIN = Symbol('accord-cluster');

/**
 * One loaded document: its Y.Doc, the awareness of the people in it, and the peers to relay to.
 * Invariant: nothing leaves the room that is not stored. An accepted update is applied at once, queued for the
 * turn's group commit, and relayed once committed; if applying or storing fails, the room must be evicted so it is
 * reloaded from disk.
 */
export class Room<Peer extends RoomPeer = RoomPeer> {
  readonly doc = new Y.Doc();
  readonly awareness = new awarenessProtocol.Awareness(this.doc);
  private readonly members = new Set<Peer>();
  /** Which peer speaks for each awareness client id, so nobody can update or remove another's presence. */
  private readonly awarenessOwners = new Map<number, Peer>();
  /** Updates the Y.Doc emitted while applying a client's update, held back until they are stored. */
  private captured: Uint8Array[] | null = null;
  /** Changes stored by the flush that is completing, relayed together once it has completed. */
  private unrelayed: { change: Uint8Array; from: Peer | undefined }[] = [];
  private storedSinceCompaction = 0;
  private compactionScheduled = false;
  private destroyed = false;
  /** An upper bound of the stored size: the loaded size plus every stored change, exact again after compaction. */
  private approximateBytes = 0;
  /** The number of the latest stored update this copy holds together with every one before it. */
  private seq = 0;

  constructor(
    readonly documentId: string,
    private readonly persistence: DocumentPersistence,
    private readonly metrics: RelayMetrics,
    private readonly options: RoomOptions<Peer>,
    private readonly commits: CommitQueue,
  ) {
    // The server is a relay, not a participant: it has no presence of its own.
    this.awareness.setLocalState(null);
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (this.captured) this.captured.push(update);
      else this.broadcast(updateFrame(update), origin);
    });
    this.awareness.on('update', ({ added, updated, removed }: AwarenessChange, origin: unknown) => {
      const changed = [...added, ...updated, ...removed];
      const update = awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed);
      this.broadcast(awarenessFrame(update), origin);
      if (origin !== CLUSTER_ORIGIN) this.options.onPresence?.(this.documentId, update);
    });
  }

  /** The peers in the room now, to relay to or to close. */
  get peers(): ReadonlySet<Peer> {
    return this.members;
  }

  join(peer: Peer): void {
    this.members.add(peer);
  }

  /** Removes `peer` from the room; false if it was not in it. Its presence is released by `releaseAwarenessClient`. */
  leave(peer: Peer): boolean {
    return this.members.delete(peer);
  }

  /**
   * Gives `peer` the awareness client id `clientId` to speak for, unless another peer already does. The first id a
   * connection announces becomes its own; entries for any other id are then dropped.
   */
  claimAwarenessClient(clientId: number, peer: Peer): boolean {
    const owner = this.awarenessOwners.get(clientId);
    if (owner !== undefined) return owner === peer;
    this.awarenessOwners.set(clientId, peer);
    return true;
  }

  /** Removes the presence of `clientId` (its peer left) and frees the id. */
  releaseAwarenessClient(clientId: number): void {
    this.awarenessOwners.delete(clientId);
    if (this.awareness.getStates().has(clientId)) awarenessProtocol.removeAwarenessStates(this.awareness, [clientId], null);
    // y-protocols keeps each id's clock forever, to refuse stale updates; only one connection spoke for the id, and a
    // reconnecting tab that reuses it starts afresh. Kept, it is memory per closed connection while the room is loaded.
    this.awareness.meta.delete(clientId);
  }

  /** Applies every stored update. Throws if the stored history cannot be read; the room must then not be used. */
  load(): void {
    const stored = this.persistence.load(this.documentId);
    const merged = mergeStoredHistory(stored);
    if (merged) Y.applyUpdate(this.doc, merged);
    this.storedSinceCompaction = stored.updates.length;
    this.seq = stored.seq;
    this.approximateBytes = [stored.state, ...stored.updates].reduce((total, update) => total + (update?.byteLength ?? 0), 0);
  }

  /**
   * Applies a client's update, stores what it changed, then relays it to every other peer.
   * Throws a plain Error when `update` is not a valid Yjs update (nothing changed), RoomStorageError otherwise.
   */
  applyClientUpdate(update: Uint8Array, from: Peer): void {
    // Parse the whole update before touching the document, so a malformed one is refused without side effects.
    Y.decodeUpdate(update);
    this.ensureRoomFor(update.byteLength);
    this.commit(() => Y.applyUpdate(this.doc, update, from), from);
    this.boundPending();
  }

  /** Applies a change made by the server itself (a restore), through the same store-then-relay path. */
  applyServerChange(change: (doc: Y.Doc) => void): void {
    this.commit(() => this.doc.transact(() => change(this.doc), SERVER_ORIGIN), undefined);
  }

  /**
   * Runs `apply` with the Y.Doc's updates held back and queues what it changed for storing, then relaying. `from` is
   * the peer that sent the change, undefined for the server's own.
   */
  private commit(apply: () => void, from: Peer | undefined): void {
    this.captured = [];
    let changes: Uint8Array[];
    try {
      apply();
    } catch (error) {
      throw new RoomStorageError('apply', `applying a change failed: ${(error as Error).message}`);
    } finally {
      changes = this.captured;
      this.captured = null;
    }
    if (changes.length === 0) return;
    const change = changes.length === 1 ? changes[0]! : Y.mergeUpdates(changes);
    this.approximateBytes += change.byteLength;
    if (from !== undefined) this.options.onAccepted?.(this.documentId, change, from);
    this.commits.add({ documentId: this.documentId, update: change, stored: (seq) => this.stored(change, from, seq) });
  }

  /** The number of the latest stored update this copy holds together with every one before it. */
  get storedSeq(): number {
    return this.seq;
  }

  /**
   * Applies what other processes stored (already stored: not stored again) and relays it to every peer here. Updates
   * this copy already holds change nothing, so a catch-up may overlap what arrived otherwise.
   */
  applyStoredElsewhere(caughtUp: { state: Uint8Array | undefined; updates: readonly { data: Uint8Array }[]; seq: number }): void {
    const updates = [...(caughtUp.state ? [caughtUp.state] : []), ...caughtUp.updates.map((update) => update.data)];
    for (const update of updates) {
      Y.applyUpdate(this.doc, update, CLUSTER_ORIGIN);
      this.approximateBytes += update.byteLength;
    }
    this.seq = Math.max(this.seq, caughtUp.seq);
  }

  /** Presence of another process's peers, relayed to every peer here. */
  applyPresenceElsewhere(update: Uint8Array): void {
    awarenessProtocol.applyAwarenessUpdate(this.awareness, update, CLUSTER_ORIGIN);
  }

  /** Runs `task` once everything this room (and any other) has queued is stored. */
  whenStored(task: () => void): void {
    this.commits.whenStored(task);
  }

  private stored(change: Uint8Array, from: Peer | undefined, seq: number): void {
    this.metrics.updateStored(change.byteLength);
    if (seq === this.seq + 1) this.seq = seq;
    else if (seq > this.seq) this.options.onBehind?.(this.documentId);
    if (this.unrelayed.push({ change, from }) === 1) queueMicrotask(() => this.relayStored());
    if (++this.storedSinceCompaction >= this.options.compactAfterUpdates) this.scheduleCompaction();
    this.options.onStored?.(this.documentId, seq, change);
  }

  /**
   * Relays the changes one flush made durable, merged: each peer gets one frame holding every change of the flush
   * except its own (nobody is sent back what it wrote), so under load a receiver applies one update per flush instead
   * of one per keystroke. Peers that sent nothing share one merge. A change of MERGE_BELOW_BYTES or more (a paste, a
   * restore) goes in a frame of its own, built once for every peer, in its place among the others.
   */
  private relayStored(): void {
    const batch = this.unrelayed;
    this.unrelayed = [];
    if (this.destroyed) return;
    const alone = new Map<Uint8Array, Uint8Array>();
    const framesOf = (changes: readonly { change: Uint8Array }[]): Uint8Array[] => {
      const frames: Uint8Array[] = [];
      let run: Uint8Array[] = [];
      const endRun = () => {
        if (run.length > 0) frames.push(updateFrame(run.length === 1 ? run[0]! : Y.mergeUpdates(run)));
        run = [];
      };
      for (const { change } of changes) {
        if (change.byteLength < MERGE_BELOW_BYTES) {
          run.push(change);
          continue;
        }
        endRun();
        let frame = alone.get(change);
        if (!frame) alone.set(change, (frame = updateFrame(change)));
        frames.push(frame);
      }
      endRun();
      return frames;
    };
    const senders = new Set(batch.map(({ from }) => from));
    let forReaders: Uint8Array[] | undefined;
    for (const peer of this.members) {
      const frames = senders.has(peer) ? framesOf(batch.filter(({ from }) => from !== peer)) : (forReaders ??= framesOf(batch));
      for (const frame of frames) peer.send(frame);
    }
  }

  /**
   * Compacts once nothing of any room is pending: the state written must hold nothing that is not on disk, and other
   * changes of this room may already be committed or queued behind the one just stored.
   */
  private scheduleCompaction(): void {
    if (this.compactionScheduled) return;
    this.compactionScheduled = true;
    this.commits.whenIdle(() => {
      this.compactionScheduled = false;
      // An evicted or unloaded room's document is gone: writing its state would replace the stored history.
      if (this.destroyed) return;
      try {
        this.compact();
      } catch (error) {
        // The updates themselves are stored; only the compaction is lost, and the next one retries it.
        this.options.onCompactionFailed?.(this.documentId, error as Error);
      }
    });
  }

  /**
   * Replaces the stored history by the current state, so the next load costs one state, not every update. Call it
   * only when nothing of this room is queued (after a flush): the state must not hold anything unstored.
   */
  compact(): void {
    if (this.storedSinceCompaction === 0) return;
    const state = Y.encodeStateAsUpdate(this.doc);
    this.persistence.compact(this.documentId, state);
    this.storedSinceCompaction = 0;
    this.approximateBytes = state.byteLength;
  }

  /** Refuses an update that could grow the document past its cap (an update grows it by at most its own size). */
  private ensureRoomFor(bytes: number): void {
    if (this.approximateBytes + bytes <= this.options.maxDocumentBytes) return;
    this.approximateBytes = Y.encodeStateAsUpdate(this.doc).byteLength;
    if (this.approximateBytes + bytes > this.options.maxDocumentBytes) {
      throw new UpdateRefusedError(CloseCode.documentTooLarge, 'the document would exceed its size limit');
    }
  }

  /**
   * Updates whose dependencies never arrived wait in the Y.Doc, unstored. A client sending such updates over and over
   * must not grow them without bound: past the limit they are dropped (an honest client re-sends its whole state when
   * it reconnects).
   */
  private boundPending(): void {
    const { pendingStructs, pendingDs } = this.doc.store;
    const pending = (pendingStructs?.update.byteLength ?? 0) + (pendingDs?.byteLength ?? 0);
    if (pending <= this.options.maxPendingBytes) return;
    this.doc.store.pendingStructs = null;
    this.doc.store.pendingDs = null;
    throw new UpdateRefusedError(CloseCode.unappliableUpdates, 'too many updates with missing dependencies');
  }

  /** Sends `frame` to every peer but `except` (a transaction or awareness origin: the peer that caused it, if any). */
  private broadcast(frame: Uint8Array, except: unknown): void {
    for (const peer of this.members) if (peer !== except) peer.send(frame);
  }

  destroy(): void {
    this.destroyed = true;
    this.members.clear();
    this.awarenessOwners.clear();
    this.awareness.destroy();
    this.doc.destroy();
  }
}

interface AwarenessChange {
  added: number[];
  updated: number[];
  removed: number[];
}
