import type { CompilationNotes } from '../../../shared/api/compilation.ts';
import type { AuditEntry, AuditLogRepository } from './auditLogRepository.ts';
import type { SqlDatabase } from './sql/sqlDatabase.ts';

interface RawNoChange {
  recommendation_id: string;
  delegation: string;
  color: string;
  justification: string | null;
  entered_by_name: string;
  entered_at: string;
}

export interface NewNoChange {
  documentId: string;
  recommendationId: string;
  delegation: string;
  color: string;
  justification: string | null;
  actorName: string;
  at: string;
}

/** The compilation's own records: "no change" marks and justifications of proposals; each change with its audit row. */
export class CompilationRepository {
  private readonly stmts;

  constructor(
    private readonly db: SqlDatabase,
    private readonly audit: AuditLogRepository,
  ) {
    this.stmts = {
      noChange: db.prepare<[string], RawNoChange>(
        `SELECT recommendation_id, delegation, color, justification, entered_by_name, entered_at FROM recommendation_no_change
         WHERE document_id = ? ORDER BY entered_at, delegation`,
      ),
      justifications: db.prepare<[string], { suggestion_id: string; delegation: string; text: string }>(
        'SELECT suggestion_id, delegation, text FROM proposal_justifications WHERE document_id = ? ORDER BY written_at',
      ),
      putNoChange: db.prepare<[string, string, string, string, string | null, string, string]>(
        `INSERT INTO recommendation_no_change (document_id, recommendation_id, delegation, color, justification, entered_by_name, entered_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (document_id, recommendation_id, delegation) DO UPDATE SET
           color = excluded.color, justification = excluded.justification, entered_by_name = excluded.entered_by_name, entered_at = excluded.entered_at`,
      ),
      deleteNoChange: db.prepare<[string, string, string]>(
        'DELETE FROM recommendation_no_change WHERE document_id = ? AND recommendation_id = ? AND delegation = ?',
      ),
      putJustification: db.prepare<[string, string, string, string, string, string]>(
        `INSERT INTO proposal_justifications (document_id, suggestion_id, delegation, text, written_by_name, written_at) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (document_id, suggestion_id) DO UPDATE SET text = excluded.text, written_by_name = excluded.written_by_name, written_at = excluded.written_at`,
      ),
      deleteJustification: db.prepare<[string, string]>('DELETE FROM proposal_justifications WHERE document_id = ? AND suggestion_id = ?'),
    };
  }

  notes(documentId: string): CompilationNotes {
    return {
      noChange: this.stmts.noChange.all(documentId).map((raw) => ({
        recommendationId: raw.recommendation_id,
        delegation: raw.delegation,
        color: raw.color,
        justification: raw.justification,
        enteredBy: raw.entered_by_name,
        enteredAt: raw.entered_at,
      })),
      justifications: this.stmts.justifications.all(documentId).map((raw) => ({ suggestionId: raw.suggestion_id, delegation: raw.delegation, text: raw.text })),
    };
  }

  putNoChange(entry: NewNoChange, audit: AuditEntry): void {
    this.db.transaction(() => {
      const { documentId, recommendationId, delegation, color, justification, actorName, at } = entry;
      this.stmts.putNoChange.run(documentId, recommendationId, delegation, color, justification, actorName, at);
      this.audit.append(audit);
    })();
  }

  /** False (and nothing audited) when the delegation had no NOC on it. */
  deleteNoChange(documentId: string, recommendationId: string, delegation: string, audit: AuditEntry): boolean {
    return this.db.transaction(() => {
      const removed = this.stmts.deleteNoChange.run(documentId, recommendationId, delegation).changes > 0;
      if (removed) this.audit.append(audit);
      return removed;
    })();
  }

  /** Sets (or, with blank text, removes) the justification of a proposal. */
  justify(documentId: string, suggestionId: string, justification: { delegation: string; text: string; actorName: string; at: string }, audit: AuditEntry): void {
    this.db.transaction(() => {
      if (justification.text) {
        this.stmts.putJustification.run(documentId, suggestionId, justification.delegation, justification.text, justification.actorName, justification.at);
      } else {
        this.stmts.deleteJustification.run(documentId, suggestionId);
      }
      this.audit.append(audit);
    })();
  }
}
