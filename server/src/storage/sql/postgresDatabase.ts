import { createRequire } from 'node:module';
import type PgNativeClient from 'pg-native';
import { UnavailableError } from '../../errors.ts';
import type { SqlDatabase, SqlRunResult, SqlStatement } from './sqlDatabase.ts';
import { numberParameters, slotValues } from './sqlParameters.ts';

/** PostgreSQL could not be reached, or the connection broke: nothing of the failed call was committed. */
export class DatabaseUnavailableError extends UnavailableError {}

/** What /metrics shows of this process's PostgreSQL connection. */
export interface PostgresCounters {
  /** Statements and queries sent. */
  queries: number;
  /** Those that failed, for any reason (SQL errors included). */
  errors: number;
  /** Connections opened again after one broke. */
  reconnects: number;
}

const INT8_OID = 20;
const NUMERIC_OID = 1700;
const CONNECTION_BAD = 4;

/**
 * Accord's counts and sequence numbers are far below 2^53: read BIGINT and NUMERIC as numbers, as SQLite returns
 * them, rather than pg-types' strings. bytea arrives as a Buffer, as SQLite's BLOB does.
 */
function numberTypes(base: { getTypeParser(oid: number, format?: string): (value: string) => unknown }) {
  return {
    getTypeParser: (oid: number, format?: string) => (oid === INT8_OID || oid === NUMERIC_OID ? Number : base.getTypeParser(oid, format)),
  };
}

/** libpq's messages run over several lines; log lines and close reasons take one. */
const oneLine = (error: unknown): string => (error as Error).message.replace(/\s+/g, ' ').trim();

/** A parameter as libpq takes it: text, with bytes in PostgreSQL's hex form for bytea. */
function toText(value: unknown): string | null {
  if (value === null) return null;
  if (value instanceof Uint8Array) return `\\x${Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('hex')}`;
  return String(value);
}

/** How long an ended client stays reachable: libuv closes its socket watcher after the current turn of the loop. */
const CLOSING_MS = 1000;

/**
 * Ends a client's connection. libpq's addon keeps its socket watcher inside the client's native object and only asks
 * libuv to close it; were the client collected before libuv finished, libuv would find freed memory and abort the
 * process (`uv__finish_close: Assertion ... UV_HANDLE_CLOSING`, seen in tests that close connections). So the client
 * stays referenced for a moment after it ends.
 */
function endClient(client: PgNativeClient | undefined): void {
  if (!client) return;
  client.end();
  setTimeout(() => client, CLOSING_MS).unref();
}

/**
 * The storage port on PostgreSQL through libpq's blocking calls (pg-native, node-postgres' native binding), so that
 * every repository and the relay keep their synchronous contract: a write has committed when the call returns
 * (docs/decisions/0013-storage-on-postgresql.md). One connection per process; statements are prepared on it once
 * and again after a reconnection. A broken connection is reopened at the next call outside a transaction; calls fail
 * with DatabaseUnavailableError while PostgreSQL cannot be reached.
 */
export class PostgresDatabase implements SqlDatabase {
  readonly dialect = 'postgres';
  private client: PgNativeClient | undefined;
  private prepared = new Set<string>();
  private statementCount = 0;
  private depth = 0;
  private readonly Client: typeof PgNativeClient;
  private readonly types: ReturnType<typeof numberTypes>;
  private readonly figures: PostgresCounters = { queries: 0, errors: 0, reconnects: 0 };
  /** Why PostgreSQL is unavailable, from the last call that failed for want of it until one gets through again. */
  private unavailable: string | undefined;
  private readonly availabilityListeners = new Set<(unavailable: string | undefined) => void>();

  constructor(private readonly url: string) {
    const require = createRequire(import.meta.url);
    try {
      this.Client = require('pg-native') as typeof PgNativeClient;
    } catch (error) {
      throw new DatabaseUnavailableError(
        `ACCORD_DATABASE_URL is set but PostgreSQL's client library could not be loaded (${(error as Error).message}). ` +
          'Install libpq-dev (Debian) and run npm ci again.',
      );
    }
    this.types = numberTypes(require('pg-types') as Parameters<typeof numberTypes>[0]);
    this.connection();
  }

  prepare<P extends unknown[] = unknown[], R = unknown>(sql: string): SqlStatement<P, R> {
    const { text, slots } = numberParameters(sql);
    const name = `s${++this.statementCount}`;
    const execute = (args: unknown[]) => this.execute(name, text, slots.length, slotValues(slots, args).map(toText));
    return {
      run: (...args: P): SqlRunResult => execute(args).changes,
      get: (...args: P) => execute(args).rows[0] as R | undefined,
      all: (...args: P) => execute(args).rows as R[],
    } as SqlStatement<P, R>;
  }

  transaction<A extends unknown[], T>(fn: (...args: A) => T): (...args: A) => T {
    return (...args: A): T => {
      const savepoint = this.depth > 0 ? `accord_${this.depth}` : undefined;
      this.query(savepoint ? `SAVEPOINT ${savepoint}` : 'BEGIN');
      this.depth++;
      try {
        const result = fn(...args);
        this.depth--;
        this.query(savepoint ? `RELEASE SAVEPOINT ${savepoint}` : 'COMMIT');
        return result;
      } catch (error) {
        this.depth--;
        this.rollBack(savepoint);
        throw error;
      }
    };
  }

  unsynced<T>(write: () => T): T {
    return write();
  }

  exec(sql: string): void {
    this.query(sql);
  }

  close(): void {
    endClient(this.client);
    this.client = undefined;
  }

  /** Asks PostgreSQL whether it answers (`SELECT 1`); throws DatabaseUnavailableError when it does not. */
  ping(): void {
    this.query('SELECT 1');
  }

  /** Why PostgreSQL cannot be used, as the last call found it; undefined while it answers. */
  unavailableReason(): string | undefined {
    return this.unavailable;
  }

  /** Told when PostgreSQL becomes unavailable (with why) and when it answers again (undefined). */
  onAvailability(listener: (unavailable: string | undefined) => void): () => void {
    this.availabilityListeners.add(listener);
    return () => this.availabilityListeners.delete(listener);
  }

  counters(): Readonly<PostgresCounters> {
    return { ...this.figures };
  }

  private rollBack(savepoint: string | undefined): void {
    try {
      this.query(savepoint ? `ROLLBACK TO SAVEPOINT ${savepoint}` : 'ROLLBACK');
    } catch {
      // The connection broke: PostgreSQL rolled the transaction back itself.
    }
  }

  private execute(name: string, text: string, parameterCount: number, values: (string | null)[]) {
    const client = this.connection();
    if (!this.prepared.has(name)) {
      this.call(() => client.prepareSync(name, text, parameterCount));
      this.prepared.add(name);
    }
    const rows = this.call(() => client.executeSync(name, values));
    return { rows, changes: { changes: Number(client.pq.cmdTuples()) || 0 } };
  }

  private query(sql: string): void {
    const client = this.connection();
    this.call(() => client.querySync(sql));
  }

  /** Runs one libpq call; a failure on a broken connection says PostgreSQL is unavailable, others are SQL errors. */
  private call<T>(operation: () => T): T {
    this.figures.queries += 1;
    try {
      const result = operation();
      this.available(undefined);
      return result;
    } catch (error) {
      this.figures.errors += 1;
      if (this.client?.pq.transactionStatus() === CONNECTION_BAD) {
        throw this.lost(`PostgreSQL connection lost: ${oneLine(error)}`);
      }
      throw error;
    }
  }

  private lost(reason: string): DatabaseUnavailableError {
    this.available(reason);
    return new DatabaseUnavailableError(reason);
  }

  private available(unavailable: string | undefined): void {
    if ((this.unavailable === undefined) === (unavailable === undefined)) return;
    this.unavailable = unavailable;
    for (const listener of this.availabilityListeners) listener(unavailable);
  }

  private connection(): PgNativeClient {
    const status = this.client?.pq.transactionStatus();
    if (this.client && status !== CONNECTION_BAD) return this.client;
    if (this.client && this.depth > 0) throw this.lost('PostgreSQL connection lost during a transaction');
    const reconnecting = this.client !== undefined || this.unavailable !== undefined;
    endClient(this.client);
    this.client = undefined;
    this.prepared = new Set();
    const client = new this.Client({ types: this.types });
    try {
      client.connectSync(this.url);
      // libpq prints notices ("already exists, skipping") on stderr; warnings and errors still come through.
      client.querySync('SET client_min_messages = warning');
    } catch (error) {
      throw this.lost(`cannot connect to PostgreSQL: ${oneLine(error)}`);
    }
    if (reconnecting) this.figures.reconnects += 1;
    this.client = client;
    return client;
  }

}
