import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Router } from 'express';
import type { ServerInfo } from '../../../../shared/api/serverInfo.ts';
import { AppError } from '../../errors.ts';
import { baseUrlOf, principalOf } from '../authenticate.ts';

/** A consistent copy of the whole database, taken while it is in use (storage/backup.ts). */
export interface DatabaseBackup {
  /** A timestamped name for a new copy. */
  fileName(): string;
  copyTo(file: string): Promise<void>;
}

export interface AdminRoutesDeps {
  /** Undefined when the data is in PostgreSQL, which its operators copy with pg_dump. */
  backup: DatabaseBackup | undefined;
  publicUrl: () => string | undefined;
  lan: boolean;
  tls: boolean;
}

/** The organiser's server-wide tools: how delegates reach this server, and a download of all data. */
export function adminRoutes({ backup, publicUrl, lan, tls }: AdminRoutesDeps): Router {
  const router = Router();
  const requireOrganiser = (...args: Parameters<typeof principalOf>) => {
    if (principalOf(...args).kind !== 'organiser') throw new AppError('forbidden', 'Only organisers may do this.');
  };

  router.get('/api/server-info', (req, res) => {
    requireOrganiser(req, res);
    const info: ServerInfo = { publicUrl: baseUrlOf(req, publicUrl()), lan, tls, backupDownload: backup !== undefined };
    res.json(info);
  });

  router.get('/api/backup', async (req, res) => {
    requireOrganiser(req, res);
    if (!backup) {
      throw new AppError('conflict', 'This Accord keeps its data in PostgreSQL: back it up with pg_dump (docs/operations.md).');
    }
    const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'accord-backup-'));
    const name = backup.fileName();
    const file = path.join(directory, name);
    try {
      await backup.copyTo(file);
      res.set('X-Content-Type-Options', 'nosniff');
      await new Promise<void>((resolve, reject) => res.download(file, name, (error) => (error ? reject(error) : resolve())));
    } finally {
      fs.rmSync(directory, { recursive: true, force: true });
    }
  });

  return router;
}
