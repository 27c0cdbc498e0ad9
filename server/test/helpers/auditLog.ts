import { storedRows } from './storedRows.ts';

export interface AuditRow {
  action: string;
  actor_id: string;
  actor_name: string;
  at: string;
  details: string;
}

/** The audit rows about `subject`, oldest first, read straight from the database of the server on `dataDir`. */
export function auditRows<Column extends keyof AuditRow>(dataDir: string, subject: string, columns: readonly Column[]): Pick<AuditRow, Column>[] {
  return storedRows(dataDir, `SELECT ${columns.join(', ')} FROM audit_log WHERE subject = ? ORDER BY id`, subject);
}
