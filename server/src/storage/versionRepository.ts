import type { VersionKind } from '../../../shared/api/versions.ts';
import type { Db } from './database.ts';

export type { VersionKind };

export interface VersionRow {
  id: string;
  documentId: string;
  kind: VersionKind;
  name: string | null;
  createdBy: string | null;
  createdByDelegation: string | null;
  createdAt: string;
  size: number;
}

interface RawVersion {
  id: string;
  document_id: string;
  kind: VersionKind;
  name: string | null;
  created_by: string | null;
  created_by_delegation: string | null;
  created_at: string;
  size: number;
}

const COLUMNS = 'id, document_id, kind, name, created_by, created_by_delegation, created_at, length(state) AS size';

const toRow = (raw: RawVersion): VersionRow => ({
  id: raw.id,
  documentId: raw.document_id,
  kind: raw.kind,
  name: raw.name,
  createdBy: raw.created_by,
  createdByDelegation: raw.created_by_delegation,
  createdAt: raw.created_at,
  size: raw.size,
});

/** Stored snapshots of documents. Listing never reads the state blobs. */
export class VersionRepository {
  private readonly stmts;

  constructor(db: Db) {
    this.stmts = {
      insert: db.prepare<[string, string, VersionKind, string | null, Uint8Array, string | null, string | null, string]>(
        `INSERT INTO versions (id, document_id, kind, name, state, created_by, created_by_delegation, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      list: db.prepare<[string], RawVersion>(`SELECT ${COLUMNS} FROM versions WHERE document_id = ? ORDER BY created_at DESC, rowid DESC`),
      get: db.prepare<[string, string], RawVersion>(`SELECT ${COLUMNS} FROM versions WHERE document_id = ? AND id = ?`),
      state: db.prepare<[string, string], { state: Buffer }>('SELECT state FROM versions WHERE document_id = ? AND id = ?'),
      latestState: db.prepare<[string], { state: Buffer }>(
        'SELECT state FROM versions WHERE document_id = ? ORDER BY created_at DESC, rowid DESC LIMIT 1',
      ),
    };
  }

  insert(version: Omit<VersionRow, 'size'>, state: Uint8Array): void {
    this.stmts.insert.run(
      version.id,
      version.documentId,
      version.kind,
      version.name,
      state,
      version.createdBy,
      version.createdByDelegation,
      version.createdAt,
    );
  }

  list(documentId: string): VersionRow[] {
    return this.stmts.list.all(documentId).map(toRow);
  }

  get(documentId: string, id: string): VersionRow | undefined {
    const raw = this.stmts.get.get(documentId, id);
    return raw && toRow(raw);
  }

  state(documentId: string, id: string): Uint8Array | undefined {
    return this.stmts.state.get(documentId, id)?.state;
  }

  latestState(documentId: string): Uint8Array | undefined {
    return this.stmts.latestState.get(documentId)?.state;
  }
}
