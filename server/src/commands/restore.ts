import path from 'node:path';
import { loadConfig } from '../config.ts';
import { RestoreError, restoreBackup } from '../storage/restore.ts';

// `npm run restore -- <backup file>`: run while Accord is stopped; the current database is kept aside, not deleted.
const file = process.argv[2];
if (!file) {
  process.stderr.write('Usage: npm run restore -- <backup file>\n');
  process.exit(2);
}
const config = loadConfig();
try {
  const { movedAside } = restoreBackup(path.resolve(file), config.dataDir);
  process.stdout.write(`Restored ${path.resolve(file)} into ${config.dataDir}\n`);
  if (movedAside) process.stdout.write(`The previous database was kept as ${movedAside}\n`);
  process.stdout.write('Start Accord (npm start) to serve it.\n');
} catch (error) {
  if (!(error instanceof RestoreError)) throw error;
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
}
