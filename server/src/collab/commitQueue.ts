import type { DocumentPersistence } from './ports.ts';

export interface QueuedChange {
  documentId: string;
  update: Uint8Array;
  /** Runs once the change is durable, with its number within its room: relay it, count it. */
  stored(roomSeq: number): void;
}

interface Sequenced extends QueuedChange {
  /** Order of acceptance in this process, across rooms. */
  seq: number;
  /** Number within its room, given by storage when committed. */
  roomSeq?: number;
}

/**
 * Group commit with the flush off the event loop when the disk is slow. Every change accepted during one event-loop
 * turn is committed in one SQLite transaction at the end of the turn, without waiting for the disk; the WAL is then
 * flushed (fdatasync), and only when that flush is done are the changes relayed (`stored`). While flushes are quick it
 * runs right there; once one took longer than INLINE_SYNC_MS it runs in the thread pool, and the next turns' changes
 * are committed meanwhile and wait for the next flush, which covers them all. So nothing leaves the server before it
 * is on disk, as with one synchronous=FULL commit per turn, but a slow disk no longer stalls every client.
 *
 * Anything that would show document content to a client (a sync step 2 reply) waits until every change accepted
 * before it is durable. `flush()` does all of it synchronously, for shutdown, restores and compaction.
 */
/**
 * A flush quicker than this runs on the event loop (a quiet disk: ~0.2 ms here); a slower one (a busy or slow disk:
 * milliseconds) in the thread pool, where it delays only the changes it covers. Each flush's time decides the next.
 */
const INLINE_SYNC_MS = 1;

export class CommitQueue {
  /** Accepted this turn, not committed yet. */
  private queued: Sequenced[] = [];
  /** Committed, waiting for the next flush of the WAL. */
  private unsynced: Sequenced[] = [];
  /** Committed, covered by the flush in progress. */
  private syncing: Sequenced[] = [];
  /** Counts flushes, so that one overtaken by a synchronous `flush()` is ignored when it completes. */
  private syncRound = 0;
  private syncInProgress = false;
  /** How long the last flush took, waiting included: it decides where the next one runs. */
  private lastSyncMs = 0;
  private scheduled = false;
  private lastSeq = 0;
  /** Tasks waiting until no change up to `seq` is pending any more (durable, or failed and its room reloaded), in order. */
  private waiting: { seq: number; task: () => void }[] = [];
  /** Tasks waiting until nothing is pending at all. */
  private idleTasks: (() => void)[] = [];

  constructor(
    private readonly persistence: DocumentPersistence,
    /** Storing failed: the documents of `documentIds` hold changes the disk does not and must be reloaded. */
    private readonly onFailure: (documentIds: Set<string>, error: Error) => void,
    /** Flushes quicker than this run on the event loop; 0 sends every flush to the thread pool. */
    private readonly inlineSyncMs = INLINE_SYNC_MS,
  ) {}

  add(change: QueuedChange): void {
    this.queued.push({ ...change, seq: ++this.lastSeq });
    if (!this.scheduled) {
      this.scheduled = true;
      setImmediate(() => this.commitTurn());
    }
  }

  /** Runs `task` once every change accepted so far is durable: at once if all are. */
  whenStored(task: () => void): void {
    if (this.oldestPending() > this.lastSeq) task();
    else this.waiting.push({ seq: this.lastSeq, task });
  }

  /**
   * Runs `task` once nothing is pending (the document in memory is what the disk holds): at once if nothing is. For
   * compaction, which writes the in-memory state.
   */
  whenIdle(task: () => void): void {
    if (this.oldestPending() > this.lastSeq) task();
    else this.idleTasks.push(task);
  }

  /** Stores everything accepted so far, durably, now. Returns the storage error, if storing failed (the failure handler has run). */
  flush(): Error | undefined {
    this.scheduled = false;
    const uncommitted = this.queued;
    const committed = [...this.syncing, ...this.unsynced];
    this.queued = [];
    this.syncing = [];
    this.unsynced = [];
    this.syncRound++;
    this.syncInProgress = false;
    if (uncommitted.length === 0 && committed.length === 0) {
      this.runDue();
      return undefined;
    }
    try {
      // A commit in the configured mode (FULL) flushes the WAL, which holds the unsynced commits before it as well.
      if (uncommitted.length > 0) numberEach(uncommitted, this.persistence.appendMany(uncommitted));
      else this.persistence.syncNow();
    } catch (error) {
      return this.fail([...committed, ...uncommitted], error as Error);
    }
    return this.durable([...committed, ...uncommitted]);
  }

  /** End of a turn: commit what it accepted, then have it flushed. */
  private commitTurn(): void {
    if (!this.scheduled) return;
    this.scheduled = false;
    const batch = this.queued;
    this.queued = [];
    if (batch.length === 0) return;
    try {
      numberEach(batch, this.persistence.appendManyUnsynced(batch));
    } catch (error) {
      this.fail(batch, error as Error);
      return;
    }
    this.unsynced.push(...batch);
    if (!this.syncInProgress && this.lastSyncMs < this.inlineSyncMs) this.syncInline();
    else this.startSync();
  }

  /** Flushes on the event loop while flushes are quick: cheaper than the trip to the thread pool and back. */
  private syncInline(): void {
    const batch = this.unsynced;
    this.unsynced = [];
    const started = performance.now();
    try {
      this.persistence.syncNow();
    } catch (error) {
      this.fail(batch, new Error(`flushing to disk failed: ${(error as Error).message}`));
      return;
    }
    this.lastSyncMs = performance.now() - started;
    this.durable(batch);
  }

  private startSync(): void {
    if (this.syncInProgress || this.unsynced.length === 0) return;
    this.syncInProgress = true;
    this.syncing = this.unsynced;
    this.unsynced = [];
    const round = ++this.syncRound;
    const started = performance.now();
    this.persistence.sync((error) => {
      // A synchronous flush took these changes over meanwhile.
      if (round !== this.syncRound) return;
      this.lastSyncMs = performance.now() - started;
      this.syncInProgress = false;
      const batch = this.syncing;
      this.syncing = [];
      if (error) this.fail(batch, new Error(`flushing to disk failed: ${error.message}`));
      else this.durable(batch);
      this.startSync();
    });
  }

  private durable(batch: readonly Sequenced[]): undefined {
    for (const change of batch) change.stored(change.roomSeq!);
    this.runDue();
    return undefined;
  }

  private fail(batch: readonly Sequenced[], error: Error): Error {
    const failure = new Error(`storing ${batch.length} update(s) failed: ${error.message}`);
    // Their rooms are reloaded from disk and their connections closed, so tasks waiting on them no longer show
    // anything (a closed connection sends nothing); nothing of theirs was relayed.
    this.onFailure(new Set(batch.map((change) => change.documentId)), failure);
    this.runDue();
    return failure;
  }

  /** The sequence number of the oldest change not yet durable; past `lastSeq` when none is. */
  private oldestPending(): number {
    return this.syncing[0]?.seq ?? this.unsynced[0]?.seq ?? this.queued[0]?.seq ?? this.lastSeq + 1;
  }

  private runDue(): void {
    const oldest = this.oldestPending();
    while (this.waiting.length > 0 && this.waiting[0]!.seq < oldest) this.waiting.shift()!.task();
    if (oldest <= this.lastSeq || this.idleTasks.length === 0) return;
    const idle = this.idleTasks;
    this.idleTasks = [];
    for (const task of idle) task();
  }
}

function numberEach(batch: Sequenced[], roomSeqs: readonly number[]): void {
  batch.forEach((change, index) => (change.roomSeq = roomSeqs[index]));
}
