import type { SqlDatabase } from './sql/sqlDatabase.ts';

export interface AuditEntry {
  documentId: string;
  actorId: string;
  actorName: string;
  /** What was done, as `subject.verb`: `thread.resolve`, `thread.reopen`, `comment.delete`. */
  action: string;
  /** The id of the thread or comment acted on. */
  subject: string;
  at: string;
  details: Record<string, unknown>;
}

/** The append-only record of decisions and removals: who, when, what. */
export class AuditLogRepository {
  private readonly insertStmt;

  constructor(db: SqlDatabase) {
    this.insertStmt = db.prepare<[string, string, string, string, string, string, string]>(
      `INSERT INTO audit_log (document_id, actor_id, actor_name, action, subject, at, details)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    );
  }

  append(entry: AuditEntry): void {
    this.insertStmt.run(
      entry.documentId,
      entry.actorId,
      entry.actorName,
      entry.action,
      entry.subject,
      entry.at,
      JSON.stringify(entry.details),
    );
  }
}
