import type { DocumentPersistence } from './documentPersistence.ts';

export interface QueuedChange {
  documentId: string;
  update: Uint8Array;
  /** Runs once the change is committed: relay it, count it. */
  stored(): void;
}

/**
 * Group commit: every change accepted during one event-loop turn is stored in one SQLite transaction (one fsync with
 * synchronous=FULL) and relayed only after that commit. Anything that would show document content to a client (a sync
 * step 2 reply) waits for the commit too, so nothing unstored ever leaves the server.
 */
export class CommitQueue {
  private queued: QueuedChange[] = [];
  private waiting: (() => void)[] = [];
  private scheduled = false;

  constructor(
    private readonly persistence: DocumentPersistence,
    /** Storing failed: the documents of `documentIds` hold changes the disk does not and must be reloaded. */
    private readonly onFailure: (documentIds: Set<string>, error: Error) => void,
  ) {}

  add(change: QueuedChange): void {
    this.queued.push(change);
    if (!this.scheduled) {
      this.scheduled = true;
      setImmediate(() => this.flush());
    }
  }

  /** Runs `task` once everything queued so far is stored: at once if nothing is queued. */
  whenStored(task: () => void): void {
    if (this.queued.length === 0) task();
    else this.waiting.push(task);
  }

  /** Stores everything queued now. Returns the storage error, if storing failed (the failure handler has run). */
  flush(): Error | undefined {
    this.scheduled = false;
    const batch = this.queued;
    const waiting = this.waiting;
    this.queued = [];
    this.waiting = [];
    if (batch.length > 0) {
      try {
        this.persistence.appendMany(batch);
      } catch (error) {
        const failure = new Error(`storing ${batch.length} update(s) failed: ${(error as Error).message}`);
        this.onFailure(new Set(batch.map((change) => change.documentId)), failure);
        return failure;
      }
      for (const change of batch) change.stored();
    }
    for (const task of waiting) task();
    return undefined;
  }
}
