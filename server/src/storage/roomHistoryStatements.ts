import type { SqlDatabase } from './sql/sqlDatabase.ts';

/** The key of a room's rows: a document's source text, or one of its language versions. */
export type RoomRowKey = { documentId: string } | { documentId: string; language: string };

/** Where a kind of room keeps its history: its state table, its updates table, and the columns of its key. */
interface RoomTables {
  states: string;
  updates: string;
  key: string;
  values: string;
  where: string;
}

export const SOURCE_ROOMS: RoomTables = {
  states: 'document_states',
  updates: 'document_updates',
  key: 'document_id',
  values: '@documentId',
  where: 'document_id = @documentId',
};

export const LANGUAGE_ROOMS: RoomTables = {
  states: 'language_states',
  updates: 'language_updates',
  key: 'document_id, language',
  values: '@documentId, @language',
  where: 'document_id = @documentId AND language = @language',
};

/**
 * The statements of one kind of room, prepared once. A room's latest number is that of its last stored update, or,
 * when a compaction absorbed them all, the one its state row keeps (migration 013): numbers never go back.
 */
export function roomHistoryStatements(db: SqlDatabase, { states, updates, key, values, where }: RoomTables) {
  const latest = `COALESCE((SELECT MAX(seq) FROM ${updates} WHERE ${where}), (SELECT seq FROM ${states} WHERE ${where}), 0)`;
  return {
    latestSeq: db.prepare<[RoomRowKey], { seq: number }>(`SELECT ${latest} AS seq`),
    state: db.prepare<[RoomRowKey], { state: Buffer; seq: number }>(`SELECT state, seq FROM ${states} WHERE ${where}`),
    updates: db.prepare<[RoomRowKey], { data: Buffer }>(`SELECT data FROM ${updates} WHERE ${where} ORDER BY seq`),
    updatesAfter: db.prepare<[RoomRowKey & { after: number }], { seq: number; data: Buffer }>(
      `SELECT seq, data FROM ${updates} WHERE ${where} AND seq > @after ORDER BY seq`,
    ),
    // The next number of the room: a seek to the end of its own range, the page the row then goes to.
    insert: db.prepare<[RoomRowKey & { update: Uint8Array }], { seq: number }>(
      `INSERT INTO ${updates} (${key}, seq, data) VALUES (${values}, ${latest} + 1, @update) RETURNING seq`,
    ),
    deleteUpdates: db.prepare<[RoomRowKey]>(`DELETE FROM ${updates} WHERE ${where}`),
    // Written before the updates it absorbs are deleted, so that it keeps the number of the last one.
    upsertState: db.prepare<[RoomRowKey & { state: Uint8Array; at: string }]>(
      `INSERT INTO ${states} (${key}, state, updated_at, seq) VALUES (${values}, @state, @at, ${latest})
       ON CONFLICT (${key}) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at, seq = excluded.seq`,
    ),
  };
}

export type RoomHistoryStatements = ReturnType<typeof roomHistoryStatements>;
