import type { VersionKind } from '../../../shared/api/versions.ts';
import type { LanguageCode } from '../../../shared/domain/languages.ts';
import type { SqlDatabase } from './sql/sqlDatabase.ts';

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

/** The state of each language version a snapshot holds, by language. */
export type LanguageStates = ReadonlyMap<LanguageCode, Uint8Array>;

/** Stored snapshots of documents: the source's state and each language version's. Listing never reads the blobs. */
export class VersionRepository {
  private readonly stmts;
  private readonly insertAll;

  constructor(db: SqlDatabase) {
    this.stmts = {
      insertLanguage: db.prepare<[string, LanguageCode, Uint8Array]>('INSERT INTO version_languages (version_id, language, state) VALUES (?, ?, ?)'),
      languageStates: db.prepare<[string, string], { language: LanguageCode; state: Buffer }>(
        `SELECT language, version_languages.state FROM version_languages JOIN versions ON versions.id = version_id
         WHERE versions.document_id = ? AND version_id = ? ORDER BY language`,
      ),
      latestAutoAt: db.prepare<[string], { created_at: string }>(
        "SELECT created_at FROM versions WHERE document_id = ? AND kind = 'auto' ORDER BY created_at DESC LIMIT 1",
      ),
      latestId: db.prepare<[string], { id: string }>('SELECT id FROM versions WHERE document_id = ? ORDER BY created_at DESC, rowid DESC LIMIT 1'),
      insert: db.prepare<[string, string, VersionKind, string | null, Uint8Array, string | null, string | null, string]>(
        `INSERT INTO versions (id, document_id, kind, name, state, created_by, created_by_delegation, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      list: db.prepare<[string], RawVersion>(`SELECT ${COLUMNS} FROM versions WHERE document_id = ? ORDER BY created_at DESC, rowid DESC`),
      get: db.prepare<[string, string], RawVersion>(`SELECT ${COLUMNS} FROM versions WHERE document_id = ? AND id = ?`),
      state: db.prepare<[string, string], { state: Buffer }>('SELECT state FROM versions WHERE document_id = ? AND id = ?'),
    };
    this.insertAll = db.transaction((version: Omit<VersionRow, 'size'>, state: Uint8Array, languages: LanguageStates) => {
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
      for (const [language, languageState] of languages) this.stmts.insertLanguage.run(version.id, language, languageState);
    });
  }

  /** Stores a snapshot: the source's state and its language versions', together or not at all. */
  insert(version: Omit<VersionRow, 'size'>, state: Uint8Array, languages: LanguageStates = new Map()): void {
    this.insertAll(version, state, languages);
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

  /** The language versions' states a snapshot holds (none for a snapshot taken before a document had any). */
  languageStates(documentId: string, id: string): Map<LanguageCode, Uint8Array> {
    return new Map(this.stmts.languageStates.all(documentId, id).map((row) => [row.language, row.state]));
  }

  /** When the latest automatic snapshot was taken (ISO), by any process sharing the database. */
  latestAutoAt(documentId: string): string | undefined {
    return this.stmts.latestAutoAt.get(documentId)?.created_at;
  }

  /** The latest snapshot's id, if any. */
  latestId(documentId: string): string | undefined {
    return this.stmts.latestId.get(documentId)?.id;
  }
}
