import fs from 'node:fs';
import type { DatabaseFileWatch } from './databaseFileWatch.ts';
import type { SqliteDatabase } from './sql/sqliteDatabase.ts';
import type { CommitFlush } from './yjsUpdateRepository.ts';

/**
 * Durability of SQLite commits made with synchronous=NORMAL: an fdatasync of the WAL file, which is what
 * synchronous=FULL does at the end of a commit, for every commit written before it. The WAL lives as long as the
 * connection (only closing the last connection removes it), so the descriptor opened once reaches the file the commits
 * go to; after an error it is opened again next time.
 */
export class WalFlush implements CommitFlush {
  private readonly walFile: string;
  private walFd: number | undefined;

  /** `fileWatch`: a write is durable only in the file people will read; once it has moved, every flush fails. */
  constructor(
    private readonly db: SqliteDatabase,
    private readonly fileWatch?: Pick<DatabaseFileWatch, 'check'>,
  ) {
    this.walFile = `${db.connection.name}-wal`;
  }

  sync(done: (error: Error | undefined) => void): void {
    const finish = (error: Error | undefined) => done(error ?? this.fileMovedError());
    if (!this.db.unsyncedCommit.syncsCommits) {
      setImmediate(finish, undefined);
      return;
    }
    let fd: number;
    try {
      fd = this.walDescriptor();
    } catch (error) {
      setImmediate(finish, error as Error);
      return;
    }
    fs.fdatasync(fd, (error) => {
      if (error) this.forgetWalDescriptor(fd);
      finish(error ?? undefined);
    });
  }

  syncNow(): void {
    if (this.db.unsyncedCommit.syncsCommits) {
      const fd = this.walDescriptor();
      try {
        fs.fdatasyncSync(fd);
      } catch (error) {
        this.forgetWalDescriptor(fd);
        throw error;
      }
    }
    this.committed();
  }

  committed(): void {
    const error = this.fileMovedError();
    if (error) throw error;
  }

  close(): void {
    if (this.walFd !== undefined) this.forgetWalDescriptor(this.walFd);
  }

  private fileMovedError(): Error | undefined {
    const lost = this.fileWatch?.check();
    return lost === undefined ? undefined : new Error(`the database file is no longer in place: ${lost}`);
  }

  private walDescriptor(): number {
    this.walFd ??= fs.openSync(this.walFile, 'r');
    return this.walFd;
  }

  private forgetWalDescriptor(fd: number): void {
    if (this.walFd !== fd) return;
    this.walFd = undefined;
    fs.close(fd, () => undefined);
  }
}
