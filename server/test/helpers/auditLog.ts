import path from 'node:path';
import Database from 'better-sqlite3';
import { DATABASE_FILE } from '../../src/storage/database.ts';

export interface AuditRow {
  action: string;
  actor_id: string;
  actor_name: string;
  at: string;
  details: string;
}

/** The audit rows about `subject`, oldest first, read straight from the server's database file. */
export function auditRows<Column extends keyof AuditRow>(dataDir: string, subject: string, columns: readonly Column[]): Pick<AuditRow, Column>[] {
  const db = new Database(path.join(dataDir, DATABASE_FILE), { readonly: true });
  try {
    return db.prepare(`SELECT ${columns.join(', ')} FROM audit_log WHERE subject = ? ORDER BY id`).all(subject) as Pick<AuditRow, Column>[];
  } finally {
    db.close();
  }
}
