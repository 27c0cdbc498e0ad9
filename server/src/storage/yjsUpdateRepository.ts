import type { LanguageCode } from '../../../shared/domain/languages.ts';
import { parseRoomName } from '../../../shared/protocol/languageRooms.ts';
import type { SqlDatabase } from './sql/sqlDatabase.ts';

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

/**
 * The stored Yjs history of each room: one compacted state row plus the updates appended since. A room is a
 * document's source text (`document_states`, `document_updates`) or one of its language versions (`language_states`,
 * `language_updates`), named as in shared/protocol/languageRooms.ts. Statements are prepared once; compaction runs in
 * one transaction so a crash leaves either the old rows or the new.
 */
export class YjsUpdateRepository {
  private readonly selectState;
  private readonly selectUpdates;
  private readonly insertUpdate;
  private readonly deleteUpdates;
  private readonly upsertState;
  private readonly language;
  private readonly compactTx;
  private readonly appendTx;

  constructor(
    private readonly db: SqlDatabase,
    private readonly flush: CommitFlush,
  ) {
    this.selectState = db.prepare<[string], { state: Buffer }>('SELECT state FROM document_states WHERE document_id = ?');
    this.selectUpdates = db.prepare<[string], { data: Buffer }>(
      'SELECT data FROM document_updates WHERE document_id = ? ORDER BY seq',
    );
    // The next seq of the document: a seek to the end of its own range, the page the row then goes to.
    this.insertUpdate = db.prepare<[{ documentId: string; update: Uint8Array }]>(
      `INSERT INTO document_updates (document_id, seq, data)
       VALUES (@documentId, (SELECT COALESCE(MAX(seq), 0) + 1 FROM document_updates WHERE document_id = @documentId), @update)`,
    );
    this.deleteUpdates = db.prepare<[string]>('DELETE FROM document_updates WHERE document_id = ?');
    this.upsertState = db.prepare<[string, Uint8Array, string]>(
      `INSERT INTO document_states (document_id, state, updated_at) VALUES (?, ?, ?)
       ON CONFLICT (document_id) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at`,
    );
    type LanguageKey = { documentId: string; language: string };
    this.language = {
      selectState: db.prepare<[LanguageKey], { state: Buffer }>(
        'SELECT state FROM language_states WHERE document_id = @documentId AND language = @language',
      ),
      selectUpdates: db.prepare<[LanguageKey], { data: Buffer }>(
        'SELECT data FROM language_updates WHERE document_id = @documentId AND language = @language ORDER BY seq',
      ),
      insertUpdate: db.prepare<[LanguageKey & { update: Uint8Array }]>(
        `INSERT INTO language_updates (document_id, language, seq, data)
         VALUES (@documentId, @language, (SELECT COALESCE(MAX(seq), 0) + 1 FROM language_updates
           WHERE document_id = @documentId AND language = @language), @update)`,
      ),
      deleteUpdates: db.prepare<[LanguageKey]>('DELETE FROM language_updates WHERE document_id = @documentId AND language = @language'),
      upsertState: db.prepare<[LanguageKey & { state: Uint8Array; at: string }]>(
        `INSERT INTO language_states (document_id, language, state, updated_at) VALUES (@documentId, @language, @state, @at)
         ON CONFLICT (document_id, language) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at`,
      ),
    };
    this.appendTx = db.transaction((updates: readonly { documentId: string; update: Uint8Array }[]) => {
      for (const { documentId: room, update } of updates) {
        const { documentId, language } = roomKey(room);
        if (language) this.language.insertUpdate.run({ documentId, language, update });
        else this.insertUpdate.run({ documentId, update });
      }
    });
    this.compactTx = db.transaction((room: string, state: Uint8Array) => {
      const { documentId, language } = roomKey(room);
      const at = new Date().toISOString();
      if (language) {
        this.language.deleteUpdates.run({ documentId, language });
        this.language.upsertState.run({ documentId, language, state, at });
        return;
      }
      this.deleteUpdates.run(documentId);
      this.upsertState.run(documentId, state, at);
    });
  }

  /** The compacted state (if any) and every update since of a room, in the order they were accepted. */
  load(room: string): { state: Uint8Array | undefined; updates: Uint8Array[] } {
    const { documentId, language } = roomKey(room);
    if (language) {
      const state = this.language.selectState.get({ documentId, language })?.state;
      return { state, updates: this.language.selectUpdates.all({ documentId, language }).map((row) => row.data) };
    }
    const state = this.selectState.get(documentId)?.state;
    const updates = this.selectUpdates.all(documentId).map((row) => row.data);
    return { state, updates };
  }

  /** Appends updates in one transaction (one fsync); when this returns, all are committed. */
  appendMany(updates: readonly { documentId: string; update: Uint8Array }[]): void {
    this.appendTx(updates);
    this.flush.committed();
  }

  /**
   * Appends updates in one transaction whose commit does not wait for the disk; `sync` then makes it durable off the
   * event loop. Why: a flush takes 0.2 ms on a quiet disk and several ms on a busy one, and taken on the event loop it
   * stalled every client of every document (docs/performance.md). Every other write of the server keeps the
   * configured mode.
   */
  appendManyUnsynced(updates: readonly { documentId: string; update: Uint8Array }[]): void {
    this.db.unsynced(() => this.appendTx(updates));
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
