import path from 'node:path';
import type { Logger } from 'pino';
import { backupDatabase, backupFileName } from './backup.ts';
import { DATABASE_FILE, openDatabase, type Db } from './database.ts';
import { DatabaseFileWatch } from './databaseFileWatch.ts';
import { migratePostgres } from './migratePostgres.ts';
import { type PostgresCounters, PostgresDatabase } from './sql/postgresDatabase.ts';
import { probeWhileUnavailable } from './postgresProbe.ts';
import type { SqlDatabase } from './sql/sqlDatabase.ts';
import { SqliteDatabase } from './sql/sqliteDatabase.ts';
import { preallocateWal } from './walPreallocation.ts';
import { WalFlush } from './walFlush.ts';
import { COMMITS_ARE_DURABLE, YjsUpdateRepository } from './yjsUpdateRepository.ts';

/** What a database copy needs where the engine offers one (SQLite's online backup); PostgreSQL is copied with pg_dump. */
export interface StorageBackup {
  db: Db;
  fileName(): string;
  copyTo(file: string): Promise<void>;
}

/** The opened storage: the port every repository takes, the rooms' history, and the engine's own extras. */
export interface Storage {
  engine: 'sqlite' | 'postgres';
  sql: SqlDatabase;
  updates: YjsUpdateRepository;
  /** SQLite's copy of the whole database; undefined on PostgreSQL. */
  backup: StorageBackup | undefined;
  /** Why the database can no longer be written, once it cannot (SQLite's file replaced under the server). */
  lost(): string | undefined;
  onLost(listener: (reason: string) => void): void;
  /** Why the database cannot be reached now (PostgreSQL down); undefined while it answers. */
  unavailable(): string | undefined;
  /** Told when the database becomes unreachable (with why) and when it answers again (undefined). */
  onAvailability(listener: (unavailable: string | undefined) => void): void;
  /** Whether the database answers now, for /healthz: SQLite's file in place, PostgreSQL answering `SELECT 1`. */
  check(): boolean;
  /** PostgreSQL's connection figures, for /metrics; undefined on SQLite. */
  counters: (() => Readonly<PostgresCounters>) | undefined;
  close(): void;
}

export interface StorageConfig {
  dataDir: string;
  synchronous: 'FULL' | 'NORMAL';
  /** postgres://… : PostgreSQL instead of the SQLite file in `dataDir`. */
  databaseUrl?: string;
}

export function openStorage(config: StorageConfig, logger: Logger): Storage {
  return config.databaseUrl ? openPostgresStorage(config.databaseUrl) : openSqliteStorage(config, logger);
}

/** The rooms' history on an open SQLite database, flushed through its WAL. */
export function sqliteUpdates(sql: SqliteDatabase, fileWatch?: DatabaseFileWatch): YjsUpdateRepository {
  return new YjsUpdateRepository(sql, new WalFlush(sql, fileWatch));
}

function openSqliteStorage(config: StorageConfig, logger: Logger): Storage {
  const db = openDatabase(config.dataDir, { synchronous: config.synchronous });
  const fileWatch = new DatabaseFileWatch(path.join(config.dataDir, DATABASE_FILE));
  const wal = preallocateWal(db);
  if (wal.skipped) logger.info({ reason: wal.skipped }, 'WAL not preallocated; commits append to it');
  const sql = new SqliteDatabase(db);
  const updates = sqliteUpdates(sql, fileWatch);
  return {
    engine: 'sqlite',
    sql,
    updates,
    backup: { db, fileName: backupFileName, copyTo: async (file) => void (await backupDatabase(db, file)) },
    lost: () => fileWatch.lost,
    onLost: (listener) => fileWatch.onLost(listener),
    // The file is on this machine: it is reachable for as long as it is in place.
    unavailable: () => undefined,
    onAvailability: () => undefined,
    check: () => fileWatch.lost === undefined,
    counters: undefined,
    close: () => {
      fileWatch.close();
      updates.close();
      db.close();
    },
  };
}

function openPostgresStorage(url: string): Storage {
  const sql = new PostgresDatabase(url);
  migratePostgres(sql);
  const stopProbing = probeWhileUnavailable(sql);
  return {
    engine: 'postgres',
    sql,
    updates: new YjsUpdateRepository(sql, COMMITS_ARE_DURABLE),
    backup: undefined,
    lost: () => undefined,
    onLost: () => undefined,
    unavailable: () => sql.unavailableReason(),
    onAvailability: (listener) => void sql.onAvailability(listener),
    check: () => {
      try {
        sql.ping();
        return true;
      } catch {
        return false;
      }
    },
    counters: () => sql.counters(),
    close: () => {
      stopProbing();
      sql.close();
    },
  };
}
