import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPostgres, type TestPostgres } from '../../../test/support/postgres.ts';
import { DatabaseUnavailableError, PostgresDatabase } from './postgresDatabase.ts';

let postgres: TestPostgres;
let db: PostgresDatabase;

beforeAll(async () => {
  postgres = await startPostgres();
  db = new PostgresDatabase(postgres.createDatabase());
  db.exec('CREATE TABLE items (id TEXT PRIMARY KEY, n BIGINT NOT NULL, data BYTEA)');
});

afterAll(async () => {
  db?.close();
  await postgres?.stop();
});

describe('the storage port on a real PostgreSQL', () => {
  const insert = () => db.prepare<[{ id: string; n: number; data: Uint8Array | null }]>(
    'INSERT INTO items (id, n, data) VALUES (@id, @n, @data) ON CONFLICT (id) DO NOTHING',
  );

  it('stores and reads rows as SQLite returns them: numbers, Buffers, changes counted', () => {
    expect(insert().run({ id: 'a', n: 2 ** 40, data: new Uint8Array([0, 1, 255]) }).changes).toBe(1);
    expect(insert().run({ id: 'a', n: 1, data: null }).changes).toBe(0);
    const row = db.prepare<[string], { id: string; n: number; data: Buffer }>('SELECT * FROM items WHERE id = ?').get('a');
    expect(row).toEqual({ id: 'a', n: 2 ** 40, data: Buffer.from([0, 1, 255]) });
    expect(db.prepare<[], { count: number }>('SELECT COUNT(*) AS count FROM items').get()).toEqual({ count: 1 });
    expect(db.prepare('SELECT * FROM items WHERE id = ?').get('missing')).toBeUndefined();
  });

  it('keeps all of a transaction or none, nested ones as savepoints', () => {
    const add = insert();
    const outer = db.transaction((fail: boolean) => {
      add.run({ id: 'outer', n: 1, data: null });
      expect(() => db.transaction(() => {
        add.run({ id: 'inner', n: 1, data: null });
        throw new Error('inner failed');
      })()).toThrow('inner failed');
      if (fail) throw new Error('outer failed');
    });
    expect(() => outer(true)).toThrow('outer failed');
    expect(db.prepare('SELECT id FROM items WHERE id IN (?, ?)').all('outer', 'inner')).toEqual([]);
    outer(false);
    expect(db.prepare('SELECT id FROM items WHERE id IN (?, ?)').all('outer', 'inner')).toEqual([{ id: 'outer' }]);
  });

  it('says PostgreSQL is unavailable while it is stopped, and reconnects once it is back', async () => {
    const read = db.prepare<[string], { n: number }>('SELECT n FROM items WHERE id = ?');
    await postgres.stop();
    expect(() => read.get('a')).toThrow(DatabaseUnavailableError);
    expect(() => read.get('a')).toThrow(/cannot connect to PostgreSQL/);
    await postgres.start();
    expect(read.get('a')).toEqual({ n: 2 ** 40 });
  });

  it('reports SQL errors as they are, not as an unavailable database', () => {
    expect(() => db.prepare('SELECT nope FROM items').all()).toThrow(/column "nope" does not exist/);
    expect(() => db.prepare('SELECT nope FROM items').all()).not.toThrow(DatabaseUnavailableError);
  });
});
