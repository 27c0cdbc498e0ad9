import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPostgres, type TestPostgres } from '../../test/support/postgres.ts';
import { openDatabase } from './database.ts';
import { latestSchemaVersion, listMigrations, POSTGRES_MIGRATIONS_DIR } from './migrate.ts';
import { migratePostgres } from './migratePostgres.ts';
import { PostgresDatabase } from './sql/postgresDatabase.ts';

let postgres: TestPostgres;

beforeAll(async () => {
  postgres = await startPostgres();
});

afterAll(async () => {
  await postgres?.stop();
});

type Columns = Record<string, string[]>;

function sqliteColumns(): Columns {
  const db = openDatabase(fs.mkdtempSync(path.join(os.tmpdir(), 'accord-schema-')), { synchronous: 'NORMAL' });
  const tables = db.prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all();
  const columns = Object.fromEntries(
    tables.map(({ name }) => [name, (db.pragma(`table_info(${name})`) as { name: string }[]).map((column) => column.name).sort()]),
  );
  db.close();
  return columns;
}

function postgresColumns(db: PostgresDatabase): Columns {
  const rows = db
    .prepare<[], { table_name: string; column_name: string }>(
      // rowid: SQLite's implicit column, explicit on PostgreSQL where rows are listed in the order they were written.
      "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> 'schema_version' AND column_name <> 'rowid'",
    )
    .all();
  const columns: Columns = {};
  for (const row of rows) (columns[row.table_name] ??= []).push(row.column_name);
  for (const names of Object.values(columns)) names.sort();
  return columns;
}

describe('the PostgreSQL schema', () => {
  it('reaches the version SQLite does, with the same tables and columns', () => {
    const db = new PostgresDatabase(postgres.createDatabase());
    expect(migratePostgres(db)).toBe(latestSchemaVersion(listMigrations()));
    expect(postgresColumns(db)).toEqual(sqliteColumns());
    db.close();
  });

  it('migrates once when run again, and refuses a database of a newer Accord without touching it', () => {
    const db = new PostgresDatabase(postgres.createDatabase());
    const version = migratePostgres(db);
    expect(migratePostgres(db)).toBe(version);
    db.prepare('INSERT INTO schema_version (version) VALUES (?)').run(version + 1);
    expect(() => migratePostgres(db)).toThrow(/written by a newer Accord/);
    expect(db.prepare('SELECT COUNT(*) AS n FROM documents').get()).toEqual({ n: 0 });
    db.close();
  });

  it('keeps one numbering: every migration after the baseline exists in both dialects', () => {
    const sqlite = listMigrations().map((migration) => migration.version);
    const [baseline, ...later] = listMigrations(POSTGRES_MIGRATIONS_DIR).map((migration) => migration.version);
    expect(sqlite).toContain(baseline);
    expect(later).toEqual(sqlite.filter((version) => version > baseline!));
  });
});
