import type { LanguageCode } from '../../../shared/domain/languages.ts';
import type { SqlDatabase } from './sql/sqlDatabase.ts';

/** The language versions of each document; a removed one keeps its row (and its text) for when it is added again. */
export class LanguageRepository {
  private readonly stmts;

  constructor(db: SqlDatabase) {
    this.stmts = {
      versions: db.prepare<[string], { language: LanguageCode }>(
        'SELECT language FROM document_languages WHERE document_id = ? AND removed_at IS NULL ORDER BY added_at, language',
      ),
      add: db.prepare<[string, LanguageCode, string]>(
        `INSERT INTO document_languages (document_id, language, added_at) VALUES (?, ?, ?)
         ON CONFLICT (document_id, language) DO UPDATE SET added_at = excluded.added_at, removed_at = NULL
         WHERE document_languages.removed_at IS NOT NULL`,
      ),
      remove: db.prepare<[string, string, LanguageCode]>(
        'UPDATE document_languages SET removed_at = ? WHERE document_id = ? AND language = ? AND removed_at IS NULL',
      ),
      setSource: db.prepare<[LanguageCode, string]>(
        `UPDATE documents SET source_language = ? WHERE id = ?
         AND NOT EXISTS (SELECT 1 FROM document_languages WHERE document_id = documents.id AND removed_at IS NULL)`,
      ),
    };
  }

  /** The document's current language versions, in the order they were added. */
  versionsOf(documentId: string): LanguageCode[] {
    return this.stmts.versions.all(documentId).map((row) => row.language);
  }

  /** Adds a version (or brings back a removed one); false if it is already there. */
  add(documentId: string, language: LanguageCode, at: string): boolean {
    return this.stmts.add.run(documentId, language, at).changes === 1;
  }

  /** Removes a version, keeping its text; false if it was not there. */
  remove(documentId: string, language: LanguageCode, at: string): boolean {
    return this.stmts.remove.run(at, documentId, language).changes === 1;
  }

  /** Sets the source language; false if the document has a language version (whose source it would change). */
  setSourceLanguage(documentId: string, language: LanguageCode): boolean {
    return this.stmts.setSource.run(language, documentId).changes === 1;
  }
}
