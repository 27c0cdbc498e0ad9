import type { Db } from './database.ts';

/** `PRAGMA synchronous` values: FULL syncs the WAL at every commit. */
const SYNCHRONOUS_FULL = 2;

/**
 * Commits that do not wait for the disk: written with synchronous=NORMAL for that one commit (prepared `PRAGMA`
 * statements: `db.pragma()` would prepare one each time), then the configured mode again. In WAL mode such a commit
 * becomes durable with the next flush of the WAL, which covers every commit before it: the relay's group commit flushes
 * before anything is relayed, so writes made while accepting a change are durable with that change.
 */
export class UnsyncedCommit {
  /** Whether the configured mode waits for the disk at every commit, so that an unsynced commit needs a flush after it. */
  readonly syncsCommits: boolean;
  private readonly toNormal;
  private readonly toConfigured;

  constructor(db: Db) {
    const configured = db.pragma('synchronous', { simple: true }) as number;
    this.syncsCommits = configured >= SYNCHRONOUS_FULL;
    this.toNormal = db.prepare('PRAGMA synchronous = NORMAL');
    this.toConfigured = db.prepare(`PRAGMA synchronous = ${configured}`);
  }

  /** Runs `write` (one statement or one transaction) without waiting for the disk at its commit. */
  run<T>(write: () => T): T {
    if (!this.syncsCommits) return write();
    this.toNormal.run();
    try {
      return write();
    } finally {
      this.toConfigured.run();
    }
  }
}
