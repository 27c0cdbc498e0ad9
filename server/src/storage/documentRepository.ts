import type { LanguageCode } from '../../../shared/domain/languages.ts';
import type { SqlDatabase } from './sql/sqlDatabase.ts';

export interface DocumentRow {
  id: string;
  title: string;
  createdAt: string;
  frozen: boolean;
  sourceLanguage: LanguageCode;
}

interface RawDocumentRow {
  id: string;
  title: string;
  created_at: string;
  frozen: number;
  source_language: LanguageCode;
}

const toRow = (raw: RawDocumentRow): DocumentRow => ({
  id: raw.id,
  title: raw.title,
  createdAt: raw.created_at,
  frozen: raw.frozen === 1,
  sourceLanguage: raw.source_language,
});

export class DocumentRepository {
  private readonly insertStmt;
  private readonly getStmt;
  private readonly listStmt;
  private readonly setFrozenStmt;

  constructor(db: SqlDatabase) {
    this.insertStmt = db.prepare<[string, string, string, LanguageCode]>(
      'INSERT INTO documents (id, title, created_at, source_language) VALUES (?, ?, ?, ?)',
    );
    this.getStmt = db.prepare<[string], RawDocumentRow>('SELECT * FROM documents WHERE id = ?');
    this.listStmt = db.prepare<[], RawDocumentRow>('SELECT * FROM documents ORDER BY created_at, id');
    this.setFrozenStmt = db.prepare<[number, string]>('UPDATE documents SET frozen = ? WHERE id = ?');
  }

  /** Inserts a document; its source language is English unless given. */
  insert({ sourceLanguage = 'en', ...row }: Omit<DocumentRow, 'frozen' | 'sourceLanguage'> & { sourceLanguage?: LanguageCode }): DocumentRow {
    this.insertStmt.run(row.id, row.title, row.createdAt, sourceLanguage);
    return { ...row, sourceLanguage, frozen: false };
  }

  get(id: string): DocumentRow | undefined {
    const raw = this.getStmt.get(id);
    return raw && toRow(raw);
  }

  list(): DocumentRow[] {
    return this.listStmt.all().map(toRow);
  }

  setFrozen(id: string, frozen: boolean): void {
    this.setFrozenStmt.run(frozen ? 1 : 0, id);
  }
}
