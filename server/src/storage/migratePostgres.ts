import { DatabaseIntegrityError } from './database.ts';
import { latestSchemaVersion, listMigrations, POSTGRES_MIGRATIONS_DIR, type Migration } from './migrate.ts';
import type { SqlDatabase } from './sql/sqlDatabase.ts';

/** Any fixed key: the migrations of every Accord process starting against one database take turns on it. */
const MIGRATION_LOCK = 0x61636364;

/**
 * Brings a PostgreSQL database to this version's schema in one transaction, under an advisory lock so that processes
 * of a cluster starting together migrate once; refuses a database migrated by a newer Accord, as SQLite's runner does.
 */
export function migratePostgres(db: SqlDatabase, migrations: Migration[] = listMigrations(POSTGRES_MIGRATIONS_DIR)): number {
  const known = latestSchemaVersion(migrations);
  return db.transaction(() => {
    db.prepare('SELECT pg_advisory_xact_lock(?)').get(MIGRATION_LOCK);
    db.exec('CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)');
    const current = db.prepare<[], { version: number | null }>('SELECT MAX(version) AS version FROM schema_version').get()?.version ?? 0;
    if (current > known) {
      throw new DatabaseIntegrityError(
        `The PostgreSQL database was written by a newer Accord (schema ${current}; this one knows up to ${known}). ` +
          'It is left untouched; run that newer Accord, or restore a dump made by this version (see docs/operations.md).',
      );
    }
    for (const migration of migrations) {
      if (migration.version <= current) continue;
      db.exec(migration.sql);
    }
    if (known > current) db.prepare('INSERT INTO schema_version (version) VALUES (?)').run(known);
    return Math.max(current, known);
  })();
}
