import { afterAll, beforeAll, expect, it } from 'vitest';
import { startPostgres, type TestPostgres } from '../../test/support/postgres.ts';
import { PostgresJobLocks } from './postgresJobLocks.ts';
import { PostgresDatabase } from './sql/postgresDatabase.ts';

let postgres: TestPostgres;

beforeAll(async () => {
  postgres = await startPostgres();
});

afterAll(async () => {
  await postgres?.stop();
});

it("holds a job's turn while its work runs, for that key only, and gives it back after, even when the work throws", () => {
  const url = postgres.createDatabase();
  const [mine, other] = [new PostgresDatabase(url), new PostgresDatabase(url)];
  try {
    const locks = new PostgresJobLocks(mine);
    // What another process trying the same turn would get, without waiting for it.
    const free = (key: string) =>
      other.transaction(() => other.prepare<[string], { free: boolean }>('SELECT pg_try_advisory_xact_lock(hashtext(?)) AS free').get(`accord-job:${key}`)!.free)();
    expect(locks.exclusively('auto-snapshot:a', () => [free('auto-snapshot:a'), free('auto-snapshot:b')])).toEqual([false, true]);
    expect(free('auto-snapshot:a')).toBe(true);
    expect(() =>
      locks.exclusively('auto-snapshot:a', () => {
        throw new Error('work failed');
      }),
    ).toThrow('work failed');
    expect(free('auto-snapshot:a')).toBe(true);
  } finally {
    mine.close();
    other.close();
  }
});
