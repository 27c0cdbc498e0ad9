import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Database } from 'better-sqlite3';

const MIGRATIONS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');
/** PostgreSQL's: a baseline (the schema at the version it is numbered) and from then on one file per SQLite migration. */
export const POSTGRES_MIGRATIONS_DIR = path.join(MIGRATIONS_DIR, 'postgres');

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** The numbered `NNN_name.sql` files beside this module, in order. */
export function listMigrations(dir: string = MIGRATIONS_DIR): Migration[] {
  return fs
    .readdirSync(dir)
    .filter((file) => /^\d{3}_[\w-]+\.sql$/.test(file))
    .sort()
    .map((file) => ({
      version: Number(file.slice(0, 3)),
      name: file,
      sql: fs.readFileSync(path.join(dir, file), 'utf8'),
    }));
}

/** The schema version the migrations beside this module bring a database to. */
export function latestSchemaVersion(migrations: Migration[] = listMigrations()): number {
  return Math.max(0, ...migrations.map((migration) => migration.version));
}

/**
 * A migration whose first line is this rebuilds a table others refer to: SQLite's documented procedure runs it with
 * foreign keys off (dropping the old table would otherwise cascade into the rows referring to it) and checks every key
 * before committing. The pragma cannot change inside a transaction, so the runner sets it around one.
 */
const FOREIGN_KEYS_OFF = '-- foreign_keys: off';

/**
 * Applies every migration newer than the database's `user_version`, each in its own transaction together with the
 * version bump, so a crash leaves the database at one version or the next, never between.
 */
export function migrate(db: Database, migrations: Migration[] = listMigrations()): number {
  const current = db.pragma('user_version', { simple: true }) as number;
  for (const migration of migrations) {
    if (migration.version <= current) continue;
    const keysOff = migration.sql.startsWith(FOREIGN_KEYS_OFF);
    const keysWereOn = db.pragma('foreign_keys', { simple: true }) === 1;
    if (keysOff) db.pragma('foreign_keys = OFF');
    try {
      db.transaction(() => {
        db.exec(migration.sql);
        if (keysOff && (db.pragma('foreign_key_check') as unknown[]).length > 0) {
          throw new Error(`migration ${migration.name} would leave rows referring to missing rows`);
        }
        db.pragma(`user_version = ${migration.version}`);
      })();
    } finally {
      if (keysOff && keysWereOn) db.pragma('foreign_keys = ON');
    }
  }
  return db.pragma('user_version', { simple: true }) as number;
}
