import type { LanguageCode } from '../../../shared/domain/languages.ts';
import { parseRoomName } from '../../../shared/protocol/languageRooms.ts';
import * as Y from 'yjs';
import { LANGUAGE_ROOMS, roomHistoryStatements, SOURCE_ROOMS, type RoomHistoryStatements, type RoomRowKey } from './roomHistoryStatements.ts';
import type { SqlDatabase, SqlStatement } from './sql/sqlDatabase.ts';

/** Where a room's history is kept: a document's source, or one of its language versions. */
function roomKey(room: string): { documentId: string; language: LanguageCode | null } {
  const key = parseRoomName(room);
  if (!key) throw new Error(`not a room name: ${room}`);
  return key;
}

/**
 * How commits made without waiting for the disk become durable: on SQLite a flush of the WAL (storage/walFlush.ts); on
 * PostgreSQL every commit already is (COMMITS_ARE_DURABLE).
 */
export interface CommitFlush {
  /** Makes every commit so far durable, off the event loop; `done` gets the error if the disk refused. */
  sync(done: (error: Error | undefined) => void): void;
  /** Makes every commit so far durable before returning. Throws if the disk refused. */
  syncNow(): void;
  /** Throws if a commit that just returned went somewhere nobody will read (the database file was moved). */
  committed(): void;
  close(): void;
}

export const COMMITS_ARE_DURABLE: CommitFlush = {
  sync: (done) => void setImmediate(done, undefined),
  syncNow: () => undefined,
  committed: () => undefined,
  close: () => undefined,
};

/** A room's stored history, and the number of its latest stored update when it was read. */
export interface StoredRoom {
  state: Uint8Array | undefined;
  updates: Uint8Array[];
  seq: number;
}

/**
 * What a room missed after `seq`: the updates stored since, in order, and, when a compaction absorbed some of them
 * meanwhile, the compacted state (which holds them).
 */
export interface RoomCatchUp {
  state: Uint8Array | undefined;
  updates: { seq: number; data: Uint8Array }[];
  seq: number;
}

/**
 * The stored Yjs history of each room: one compacted state row plus the updates appended since, each numbered within
 * its room. A room is a document's source text (`document_states`, `document_updates`) or one of its language versions
 * (`language_states`, `language_updates`), named as in shared/protocol/languageRooms.ts.
 *
 * On PostgreSQL several processes may share the database (a cluster): appends take the document's row lock, so that
 * numbers follow commit order, and a compaction merges what is stored rather than trusting one process's copy, which
 * may lack another's latest updates. SQLite has one process.
 */
export class YjsUpdateRepository {
  private readonly source: RoomHistoryStatements;
  private readonly languages: RoomHistoryStatements;
  /** PostgreSQL: the document's row, locked until commit, in document order so two batches cannot deadlock. */
  private readonly lockDocument: SqlStatement<[string]> | undefined;
  private readonly compactTx;
  private readonly appendTx;

  constructor(
    private readonly db: SqlDatabase,
    private readonly flush: CommitFlush,
  ) {
    this.source = roomHistoryStatements(db, SOURCE_ROOMS);
    this.languages = roomHistoryStatements(db, LANGUAGE_ROOMS);
    const shared = db.dialect === 'postgres';
    this.lockDocument = shared ? db.prepare<[string]>('SELECT id FROM documents WHERE id = ? FOR UPDATE') : undefined;
    this.appendTx = db.transaction((updates: readonly { documentId: string; update: Uint8Array }[]): number[] => {
      if (this.lockDocument) {
        for (const documentId of new Set(updates.map((entry) => roomKey(entry.documentId).documentId).sort())) this.lockDocument.get(documentId);
      }
      return updates.map(({ documentId: room, update }) => {
        const [statements, key] = this.rowsOf(room);
        return statements.insert.get({ ...key, update })!.seq;
      });
    });
    this.compactTx = db.transaction((room: string, state: Uint8Array) => {
      const [statements, key] = this.rowsOf(room);
      this.lockDocument?.get(key.documentId);
      const written = this.lockDocument ? mergeWithStored(this.load(room), state) : state;
      statements.upsertState.run({ ...key, state: written, at: new Date().toISOString() });
      statements.deleteUpdates.run(key);
    });
  }

  private rowsOf(room: string): [RoomHistoryStatements, RoomRowKey & { documentId: string }] {
    const { documentId, language } = roomKey(room);
    return language ? [this.languages, { documentId, language }] : [this.source, { documentId }];
  }

  /**
   * The compacted state (if any) and every update since of a room, in the order they were accepted, with the number of
   * the latest. The number is read first: anything stored meanwhile is in the history too, and is read again (Yjs
   * updates apply twice harmlessly) when the room catches up from that number.
   */
  load(room: string): StoredRoom {
    const [statements, key] = this.rowsOf(room);
    const seq = statements.latestSeq.get(key)!.seq;
    const state = statements.state.get(key)?.state;
    const updates = statements.updates.all(key).map((row) => row.data);
    return { state, updates, seq };
  }

  /** The number of the room's latest stored update (0 when none was ever stored). */
  latestSeq(room: string): number {
    const [statements, key] = this.rowsOf(room);
    return statements.latestSeq.get(key)!.seq;
  }

  /** What was stored in the room after update number `seq`. */
  catchUp(room: string, seq: number): RoomCatchUp {
    const [statements, key] = this.rowsOf(room);
    const latest = statements.latestSeq.get(key)!.seq;
    const stored = statements.state.get(key);
    const state = stored && stored.seq > seq ? stored.state : undefined;
    const updates = statements.updatesAfter.all({ ...key, after: seq });
    return { state, updates, seq: Math.max(latest, ...updates.map((update) => update.seq)) };
  }

  /** Appends updates in one transaction (one fsync); when this returns, all are committed. */
  appendMany(updates: readonly { documentId: string; update: Uint8Array }[]): number[] {
    const seqs = this.appendTx(updates);
    this.flush.committed();
    return seqs;
  }

  /**
   * Appends updates in one transaction whose commit does not wait for the disk; `sync` then makes it durable off the
   * event loop. Why: a flush takes 0.2 ms on a quiet disk and several ms on a busy one, and taken on the event loop it
   * stalled every client of every document (docs/performance.md). Every other write of the server keeps the
   * configured mode.
   */
  appendManyUnsynced(updates: readonly { documentId: string; update: Uint8Array }[]): number[] {
    return this.db.unsynced(() => this.appendTx(updates));
  }

  sync(done: (error: Error | undefined) => void): void {
    this.flush.sync(done);
  }

  syncNow(): void {
    this.flush.syncNow();
  }

  /** Lets go of what the flush holds (the WAL file); call before closing the database. */
  close(): void {
    this.flush.close();
  }

  /** Replaces all stored history of a room by `state`, which must contain every stored update. */
  compact(room: string, state: Uint8Array): void {
    this.compactTx(room, state);
  }
}

/** A room's stored history with `state` (a process's copy) merged in: what a compaction may write in place of it. */
function mergeWithStored(stored: StoredRoom, state: Uint8Array): Uint8Array {
  return Y.mergeUpdates([...(stored.state ? [stored.state] : []), ...stored.updates, state]);
}
