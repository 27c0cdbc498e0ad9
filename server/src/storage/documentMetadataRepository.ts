import { type DocumentMetadata, EMPTY_METADATA } from '../../../shared/api/documentMetadata.ts';
import type { SqlDatabase } from './sql/sqlDatabase.ts';

interface RawMetadata {
  event_name: string | null;
  place: string | null;
  start_date: string | null;
  end_date: string | null;
  organisation: string | null;
  short_title: string | null;
}

/** The organiser's publication metadata of each document (table document_metadata). */
export class DocumentMetadataRepository {
  private readonly getStmt;
  private readonly putStmt;

  constructor(db: SqlDatabase) {
    this.getStmt = db.prepare<[string], RawMetadata>(
      'SELECT event_name, place, start_date, end_date, organisation, short_title FROM document_metadata WHERE document_id = ?',
    );
    this.putStmt = db.prepare<[string, string | null, string | null, string | null, string | null, string | null, string | null, string]>(
      `INSERT INTO document_metadata (document_id, event_name, place, start_date, end_date, organisation, short_title, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (document_id) DO UPDATE SET event_name = excluded.event_name, place = excluded.place,
         start_date = excluded.start_date, end_date = excluded.end_date, organisation = excluded.organisation,
         short_title = excluded.short_title, updated_at = excluded.updated_at`,
    );
  }

  /** The document's metadata; every field null until the organiser sets it. */
  metadata(documentId: string): DocumentMetadata {
    const raw = this.getStmt.get(documentId);
    if (!raw) return EMPTY_METADATA;
    return {
      eventName: raw.event_name,
      place: raw.place,
      startDate: raw.start_date,
      endDate: raw.end_date,
      organisation: raw.organisation,
      shortTitle: raw.short_title,
    };
  }

  put(documentId: string, metadata: DocumentMetadata, at: string): void {
    const { eventName, place, startDate, endDate, organisation, shortTitle } = metadata;
    this.putStmt.run(documentId, eventName, place, startDate, endDate, organisation, shortTitle, at);
  }
}
