import fs from 'node:fs';
import path from 'node:path';
import type { Logger } from 'pino';
import { backupDatabase, backupFileName } from '../storage/backup.ts';
import type { Db } from '../storage/database.ts';

const AUTO_PREFIX = 'auto-';

export interface BackupSchedulerOptions {
  db: Db;
  directory: string;
  intervalMs: number;
  keep: number;
  logger: Logger;
}

/**
 * Timestamped automatic backups while data changes: every interval, if anything was written since the last one, a
 * consistent copy goes to the backups folder and only the newest `keep` automatic copies are kept (manual backups,
 * without the `auto-` prefix, are never pruned).
 */
export class BackupScheduler {
  private readonly timer: NodeJS.Timeout | undefined;
  private readonly changes;
  private backedUpAt: number;
  private running: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: BackupSchedulerOptions) {
    // All writes go through this one connection, so its change counter tells whether anything changed.
    this.changes = options.db.prepare<[], { n: number }>('SELECT total_changes() AS n');
    this.backedUpAt = this.changes.get()!.n;
    if (options.intervalMs > 0) {
      this.timer = setInterval(() => void this.runOnce(), options.intervalMs);
      this.timer.unref();
    }
  }

  /** Takes an automatic backup now if data changed since the last one; resolves with its path, if any. */
  runOnce(): Promise<string | undefined> {
    const run = this.running.then(() => this.backUpIfChanged());
    this.running = run.catch(() => undefined);
    return run;
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  private async backUpIfChanged(): Promise<string | undefined> {
    const changes = this.changes.get()!.n;
    if (changes === this.backedUpAt) return undefined;
    const file = path.join(this.options.directory, `${AUTO_PREFIX}${backupFileName()}`);
    try {
      await backupDatabase(this.options.db, file);
      this.backedUpAt = changes;
      this.prune();
      return file;
    } catch (error) {
      this.options.logger.error({ err: error }, 'automatic backup failed');
      return undefined;
    }
  }

  private prune(): void {
    const automatic = fs
      .readdirSync(this.options.directory)
      .filter((name) => name.startsWith(AUTO_PREFIX) && name.endsWith('.sqlite'))
      .sort();
    for (const name of automatic.slice(0, Math.max(0, automatic.length - this.options.keep))) {
      fs.rmSync(path.join(this.options.directory, name));
    }
  }
}
