import path from 'node:path';
import { loadConfig } from '../config.ts';
import { backupDatabase, backupFileName } from '../storage/backup.ts';
import { openDatabase } from '../storage/database.ts';

// `npm run backup [-- <file>]`: a consistent copy of all data, safe to take while Accord is running.
const config = loadConfig();
const destination = path.resolve(process.argv[2] ?? path.join(config.dataDir, 'backups', backupFileName()));
// The schema as it is: a copy must not migrate the file under a running server of another version.
const db = openDatabase(config.dataDir, { synchronous: config.synchronous, schema: 'as-is' });
try {
  const bytes = await backupDatabase(db, destination);
  process.stdout.write(`Backup written to ${destination} (${bytes} bytes, integrity checked)\n`);
} finally {
  db.close();
}
