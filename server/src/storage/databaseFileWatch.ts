import fs from 'node:fs';

/** How often the file is looked at when nothing is written. */
const CHECK_INTERVAL_MS = 1000;

/**
 * Notices when the database file is moved away, replaced or removed under the running server. SQLite keeps writing
 * to the file it opened, wherever it now is, so without this the server would go on telling people their changes are
 * saved into a file nobody will read again. The file's device and inode are compared at every flush (`check`) and
 * once a second; the first difference is final: the server must be restarted to serve whatever file is there now.
 */
export class DatabaseFileWatch {
  private readonly dev: number;
  private readonly ino: number;
  private lostReason: string | undefined;
  private readonly listeners: ((reason: string) => void)[] = [];
  private readonly timer: NodeJS.Timeout;

  constructor(private readonly file: string) {
    ({ dev: this.dev, ino: this.ino } = fs.statSync(file));
    this.timer = setInterval(() => this.check(), CHECK_INTERVAL_MS);
    this.timer.unref();
  }

  /** Why the file opened at start is no longer the one at its path, or undefined while it is. */
  get lost(): string | undefined {
    return this.lostReason;
  }

  /** Called once, when the file is first found moved, replaced or removed. */
  onLost(listener: (reason: string) => void): void {
    this.listeners.push(listener);
  }

  /** Looks at the file now; returns why it is lost, or undefined while it is in place. */
  check(): string | undefined {
    if (this.lostReason !== undefined) return this.lostReason;
    let reason: string | undefined;
    try {
      const stat = fs.statSync(this.file);
      if (stat.ino !== this.ino || stat.dev !== this.dev) reason = `${this.file} was replaced by another file`;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') return undefined;
      reason = `${this.file} was moved away or removed`;
    }
    if (reason === undefined) return undefined;
    this.lostReason = reason;
    clearInterval(this.timer);
    for (const listener of this.listeners) listener(reason);
    return reason;
  }

  close(): void {
    clearInterval(this.timer);
  }
}
