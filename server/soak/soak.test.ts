import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../src/storage/database.ts';
import { connectClient } from '../test/helpers/collabClient.ts';
import { spawnServer } from '../test/helpers/serverProcess.ts';
import { tempDataDir } from '../test/helpers/testServer.ts';
import { waitFor } from '../test/helpers/waitFor.ts';

/** 20 s in `npm test`; `npm run test:faults` runs the full 10 minutes. */
const SECONDS = Number(process.env.ACCORD_SOAK_SECONDS ?? 20);
const execFileAsync = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '../..');

describe(`soak (${SECONDS} s)`, () => {
  it('keeps the WAL bounded under edits and an export loop, and takes a sound online backup meanwhile', async () => {
    const dataDir = tempDataDir();
    const server = await spawnServer(dataDir, { ACCORD_COMPACT_AFTER_UPDATES: '200' });
    try {
      const documentId = await server.createDocument('Soak');
      const { token } = await server.invite(documentId, 'delegate');
      const writers = await Promise.all([0, 1, 2].map(() => connectClient(server.wsUrl, documentId, token)));
      const wal = path.join(dataDir, `${DATABASE_FILE}-wal`);
      const deadline = Date.now() + SECONDS * 1000;
      let maxWal = 0;
      let exports = 0;
      let written = 0;

      const typing = setInterval(() => {
        for (const writer of writers) writer.write(`edit ${written++} ${'negotiated wording '.repeat(20)}`);
        maxWal = Math.max(maxWal, fs.existsSync(wal) ? fs.statSync(wal).size : 0);
      }, 20);
      const exporting = (async () => {
        while (Date.now() < deadline) {
          const format = exports % 10 === 9 ? 'docx' : 'md';
          const response = await server.api('GET', `/api/documents/${documentId}/export?format=${format}`, undefined, token);
          expect(response.status).toBe(200);
          await response.arrayBuffer();
          exports++;
        }
      })();

      await new Promise((resolve) => setTimeout(resolve, (SECONDS * 1000) / 2));
      const backup = path.join(dataDir, 'soak-backup.sqlite');
      // Not execFileSync: blocking this process would stall the writers and the export loop for as long as the backup
      // takes, and an export request then sent on a keep-alive socket the server had meanwhile closed fails.
      const backupStarted = performance.now();
      await execFileAsync(process.execPath, ['--import', 'tsx', 'server/src/commands/backup.ts', backup], {
        cwd: ROOT,
        env: { ...process.env, ACCORD_DATA_DIR: dataDir, LOG_LEVEL: 'silent' },
      });
      const backupSeconds = (performance.now() - backupStarted) / 1000;
      const copy = new Database(backup, { readonly: true });
      expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
      expect((copy.prepare('SELECT COUNT(*) AS n FROM documents').get() as { n: number }).n).toBe(1);
      copy.close();

      await exporting;
      clearInterval(typing);
      const last = `edit ${written - 1}`;
      const reader = await connectClient(server.wsUrl, documentId, token);
      await waitFor(() => reader.text().includes(last), 'every edit stored and served', 20_000);
      for (const client of [...writers, reader]) client.destroy();

      process.stdout.write(
        `soak: ${written} edits, ${exports} exports, WAL peak ${(maxWal / 1048576).toFixed(1)} MiB, backup took ${backupSeconds.toFixed(1)} s\n`,
      );
      expect(exports).toBeGreaterThan(SECONDS);
      // wal_autocheckpoint keeps it near 4 MiB; journal_size_limit caps what a long reader can make it keep.
      expect(maxWal).toBeLessThan(64 * 1024 * 1024);
    } catch (error) {
      // A failure ten minutes in must say what the server said.
      const state = server.child.exitCode === null && server.child.signalCode === null ? 'running' : `exited (${String(await server.exited)})`;
      process.stdout.write(`soak failed; server ${state}; its last output:\n${server.output().slice(-4000)}\n`);
      throw error;
    } finally {
      await server.close();
    }
  }, (SECONDS + 60) * 1000);
});
