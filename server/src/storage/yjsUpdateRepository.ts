import fs from 'node:fs';
import type { LanguageCode } from '../../../shared/domain/languages.ts';
import { parseRoomName } from '../../../shared/protocol/languageRooms.ts';
import type { Db } from './database.ts';
import type { DatabaseFileWatch } from './databaseFileWatch.ts';
import { UnsyncedCommit } from './unsyncedCommit.ts';

/** Where a room's history is kept: a document's source, or one of its language versions. */
function roomKey(room: string): { documentId: string; language: LanguageCode | null } {
  const key = parseRoomName(room);
  if (!key) throw new Error(`not a room name: ${room}`);
  return key;
}

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
  /** Appends commit without waiting for the disk; when the configured mode would have waited, `sync` flushes them. */
  private readonly unsynced: UnsyncedCommit;
  private readonly walFile: string;
  private walFd: number | undefined;

  /** `fileWatch`: a write is durable only in the file people will read; once it has moved, every flush fails. */
  constructor(
    db: Db,
    private readonly fileWatch?: Pick<DatabaseFileWatch, 'check'>,
  ) {
    this.unsynced = new UnsyncedCommit(db);
    this.walFile = `${db.name}-wal`;
    this.selectState = db.prepare<[string], { state: Buffer }>('SELECT state FROM document_states WHERE document_id = ?');
    this.selectUpdates = db.prepare<[string], { data: Buffer }>(
      'SELECT data FROM document_updates WHERE document_id = ? ORDER BY seq',
    );
    // The next seq of the document: a seek to the end of its own range, the page the row then goes to.
    this.insertUpdate = db.prepare<[{ documentId: string; update: Uint8Array }]>(
      `INSERT INTO document_updates (document_id, seq, data)
       VALUES (@documentId, (SELECT IFNULL(MAX(seq), 0) + 1 FROM document_updates WHERE document_id = @documentId), @update)`,
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
         VALUES (@documentId, @language, (SELECT IFNULL(MAX(seq), 0) + 1 FROM language_updates
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
    this.assertFileInPlace();
  }

  /**
   * Appends updates in one transaction whose commit writes the WAL but does not wait for the disk (synchronous=NORMAL
   * for this one commit); `sync` then flushes the WAL from the thread pool. Why: a flush takes 0.2 ms on a quiet disk
   * and several ms on a busy one, and with synchronous=FULL it was taken on the event loop, stalling every client of
   * every document (docs/performance.md). Every other write of the server keeps the configured mode.
   */
  appendManyUnsynced(updates: readonly { documentId: string; update: Uint8Array }[]): void {
    this.unsynced.run(() => this.appendTx(updates));
  }

  /**
   * fdatasync of the WAL file: what synchronous=FULL does at the end of a commit, for every commit written before it.
   * The WAL lives as long as the connection (only closing the last connection removes it), so the descriptor opened
   * once reaches the file the commits go to; after an error it is opened again next time.
   */
  sync(done: (error: Error | undefined) => void): void {
    const finish = (error: Error | undefined) => done(error ?? this.fileMovedError());
    if (!this.unsynced.syncsCommits) {
      setImmediate(finish, undefined);
      return;
    }
    let fd: number;
    try {
      fd = this.walDescriptor();
    } catch (error) {
      setImmediate(finish, error as Error);
      return;
    }
    fs.fdatasync(fd, (error) => {
      if (error) this.forgetWalDescriptor(fd);
      finish(error ?? undefined);
    });
  }

  syncNow(): void {
    if (this.unsynced.syncsCommits) {
      const fd = this.walDescriptor();
      try {
        fs.fdatasyncSync(fd);
      } catch (error) {
        this.forgetWalDescriptor(fd);
        throw error;
      }
    }
    this.assertFileInPlace();
  }

  private assertFileInPlace(): void {
    const error = this.fileMovedError();
    if (error) throw error;
  }

  private fileMovedError(): Error | undefined {
    const lost = this.fileWatch?.check();
    return lost === undefined ? undefined : new Error(`the database file is no longer in place: ${lost}`);
  }

  private walDescriptor(): number {
    this.walFd ??= fs.openSync(this.walFile, 'r');
    return this.walFd;
  }

  private forgetWalDescriptor(fd: number): void {
    if (this.walFd !== fd) return;
    this.walFd = undefined;
    fs.close(fd, () => undefined);
  }

  /** Lets go of the WAL file; call before closing the database. */
  close(): void {
    if (this.walFd !== undefined) this.forgetWalDescriptor(this.walFd);
  }

  /** Replaces all stored history of a room by `state`, which must contain every stored update. */
  compact(room: string, state: Uint8Array): void {
    this.compactTx(room, state);
  }
}
