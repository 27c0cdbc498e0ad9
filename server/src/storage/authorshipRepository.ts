import type { DocumentAuthor } from '../../../shared/api/authorship.ts';
import type { SqlDatabase } from './sql/sqlDatabase.ts';

interface RawAuthor {
  client_id: number;
  name: string;
  delegation: string;
  color: string;
  first_seen: string;
  last_seen: string;
}

export interface NewAuthor {
  documentId: string;
  clientId: number;
  authorId: string;
  name: string;
  delegation: string;
  color: string;
  at: string;
}

/**
 * Which authenticated identity sent the changes of each Yjs client id of a document. Rows are written while the relay
 * accepts a change, without waiting for the disk: the change's group commit flushes them with it (a flush per new
 * writer on the event loop would stall every document's typing).
 */
export class AuthorshipRepository {
  private readonly stmts;
  constructor(private readonly db: SqlDatabase) {
    this.stmts = {
      authorsOf: db.prepare<[string], RawAuthor>(
        'SELECT client_id, name, delegation, color, first_seen, last_seen FROM document_authors WHERE document_id = ? ORDER BY first_seen, client_id',
      ),
      clientIdsOf: db.prepare<[string], { client_id: number }>('SELECT client_id FROM document_authors WHERE document_id = ?'),
      // The first identity seen for a client id keeps it: a later socket sending changes under the same client id
      // cannot take over the text already attributed.
      insert: db.prepare<[string, number, string, string, string, string, string, string]>(
        `INSERT INTO document_authors (document_id, client_id, author_id, name, delegation, color, first_seen, last_seen)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (document_id, client_id) DO NOTHING`,
      ),
      touch: db.prepare<[string, string, number]>('UPDATE document_authors SET last_seen = ? WHERE document_id = ? AND client_id = ?'),
    };
  }

  authorsOf(documentId: string): DocumentAuthor[] {
    return this.stmts.authorsOf.all(documentId).map((raw) => ({
      clientId: raw.client_id,
      name: raw.name,
      delegation: raw.delegation,
      color: raw.color,
      firstSeen: raw.first_seen,
      lastSeen: raw.last_seen,
    }));
  }

  clientIdsOf(documentId: string): number[] {
    return this.stmts.clientIdsOf.all(documentId).map((raw) => raw.client_id);
  }

  insert(author: NewAuthor): void {
    const { documentId, clientId, authorId, name, delegation, color, at } = author;
    this.db.unsynced(() => this.stmts.insert.run(documentId, clientId, authorId, name, delegation, color, at, at));
  }

  touch(documentId: string, clientId: number, at: string): void {
    this.db.unsynced(() => this.stmts.touch.run(at, documentId, clientId));
  }
}
