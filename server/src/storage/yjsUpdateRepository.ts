import type { Db } from './database.ts';

/**
 * The stored Yjs history of each document: one compacted state row plus the updates appended since.
 * Statements are prepared once; compaction runs in one transaction so a crash leaves either the old rows or the new.
 */
export class YjsUpdateRepository {
  private readonly selectState;
  private readonly selectUpdates;
  private readonly insertUpdate;
  private readonly deleteUpdates;
  private readonly upsertState;
  private readonly compactTx;
  private readonly appendTx;

  constructor(db: Db) {
    this.selectState = db.prepare<[string], { state: Buffer }>('SELECT state FROM document_states WHERE document_id = ?');
    this.selectUpdates = db.prepare<[string], { data: Buffer }>(
      'SELECT data FROM document_updates WHERE document_id = ? ORDER BY seq',
    );
    this.insertUpdate = db.prepare<[string, Uint8Array]>('INSERT INTO document_updates (document_id, data) VALUES (?, ?)');
    this.deleteUpdates = db.prepare<[string]>('DELETE FROM document_updates WHERE document_id = ?');
    this.upsertState = db.prepare<[string, Uint8Array, string]>(
      `INSERT INTO document_states (document_id, state, updated_at) VALUES (?, ?, ?)
       ON CONFLICT (document_id) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at`,
    );
    this.appendTx = db.transaction((updates: readonly { documentId: string; update: Uint8Array }[]) => {
      for (const { documentId, update } of updates) this.insertUpdate.run(documentId, update);
    });
    this.compactTx = db.transaction((documentId: string, state: Uint8Array) => {
      this.deleteUpdates.run(documentId);
      this.upsertState.run(documentId, state, new Date().toISOString());
    });
  }

  /** The compacted state (if any) and every update since, in the order they were accepted. */
  load(documentId: string): { state: Uint8Array | undefined; updates: Uint8Array[] } {
    const state = this.selectState.get(documentId)?.state;
    const updates = this.selectUpdates.all(documentId).map((row) => row.data);
    return { state, updates };
  }

  /** Appends updates in one transaction (one fsync); when this returns, all are committed. */
  appendMany(updates: readonly { documentId: string; update: Uint8Array }[]): void {
    this.appendTx(updates);
  }

  /** Replaces all stored history of a document by `state`, which must contain every stored update. */
  compact(documentId: string, state: Uint8Array): void {
    this.compactTx(documentId, state);
  }
}
