import type { Deadline, ProcedureActor, SilenceProcedure, SilenceStatus } from '../../../shared/api/procedures.ts';
import type { AuditEntry, AuditLogRepository } from './auditLogRepository.ts';
import type { SqlDatabase } from './sql/sqlDatabase.ts';

interface RawDeadline {
  document_id: string;
  deadline_at: string;
  time_zone: string;
  notify: string;
  set_by_name: string;
  set_by_delegation: string;
  set_at: string;
  reminded_at: string | null;
}

interface RawSilence {
  id: string;
  document_id: string;
  version_id: string;
  status: SilenceStatus;
  deadline_at: string;
  time_zone: string;
  notify: string;
  opened_by_name: string;
  opened_by_delegation: string;
  opened_at: string;
  settled_at: string | null;
  broken_by_name: string | null;
  broken_by_delegation: string | null;
  statement: string | null;
  reminded_at: string | null;
}

/** A stored deadline with what the scheduler needs besides what people see. */
export interface StoredDeadline extends Deadline {
  documentId: string;
  remindedAt: string | null;
}

export interface StoredSilence extends SilenceProcedure {
  documentId: string;
  remindedAt: string | null;
}

export interface NewDeadline {
  documentId: string;
  at: string;
  timeZone: string;
  notify: readonly string[];
  actorId: string;
  actor: ProcedureActor;
  setAt: string;
}

export interface NewSilence {
  id: string;
  documentId: string;
  versionId: string;
  deadline: string;
  timeZone: string;
  notify: readonly string[];
  actorId: string;
  actor: ProcedureActor;
  openedAt: string;
}

/** How an open procedure ended. */
export type SilenceSettlement =
  | { status: 'adopted'; at: string }
  | { status: 'withdrawn'; at: string }
  | { status: 'broken'; at: string; by: ProcedureActor; statement: string };

const toDeadline = (raw: RawDeadline): StoredDeadline => ({
  documentId: raw.document_id,
  at: raw.deadline_at,
  timeZone: raw.time_zone,
  notify: JSON.parse(raw.notify) as string[],
  setBy: { name: raw.set_by_name, delegation: raw.set_by_delegation },
  setAt: raw.set_at,
  remindedAt: raw.reminded_at,
});

const toSilence = (raw: RawSilence): StoredSilence => ({
  id: raw.id,
  documentId: raw.document_id,
  status: raw.status,
  versionId: raw.version_id,
  deadline: raw.deadline_at,
  timeZone: raw.time_zone,
  notify: JSON.parse(raw.notify) as string[],
  openedBy: { name: raw.opened_by_name, delegation: raw.opened_by_delegation },
  openedAt: raw.opened_at,
  settledAt: raw.settled_at,
  brokenBy: raw.broken_by_name === null ? null : { name: raw.broken_by_name, delegation: raw.broken_by_delegation ?? '' },
  statement: raw.statement,
  remindedAt: raw.reminded_at,
});

/** Deadlines and silence procedures; every change is written together with its audit row. */
export class ProcedureRepository {
  private readonly stmts;

  constructor(
    private readonly db: SqlDatabase,
    private readonly audit: AuditLogRepository,
  ) {
    this.stmts = {
      deadlineOf: db.prepare<[string], RawDeadline>('SELECT * FROM document_deadlines WHERE document_id = ?'),
      deadlinesToRemind: db.prepare<[], RawDeadline>('SELECT * FROM document_deadlines WHERE reminded_at IS NULL'),
      putDeadline: db.prepare<[string, string, string, string, string, string, string, string]>(
        `INSERT INTO document_deadlines (document_id, deadline_at, time_zone, notify, set_by_id, set_by_name, set_by_delegation, set_at, reminded_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL)
         ON CONFLICT (document_id) DO UPDATE SET
           deadline_at = excluded.deadline_at, time_zone = excluded.time_zone, notify = excluded.notify,
           set_by_id = excluded.set_by_id, set_by_name = excluded.set_by_name,
           set_by_delegation = excluded.set_by_delegation, set_at = excluded.set_at, reminded_at = NULL`,
      ),
      deleteDeadline: db.prepare<[string]>('DELETE FROM document_deadlines WHERE document_id = ?'),
      deadlineReminded: db.prepare<[string, string, string]>(
        'UPDATE document_deadlines SET reminded_at = ? WHERE document_id = ? AND deadline_at = ? AND reminded_at IS NULL',
      ),
      latestSilence: db.prepare<[string], RawSilence>(
        'SELECT * FROM silence_procedures WHERE document_id = ? ORDER BY opened_at DESC, rowid DESC LIMIT 1',
      ),
      openSilences: db.prepare<[], RawSilence>("SELECT * FROM silence_procedures WHERE status = 'open'"),
      insertSilence: db.prepare<[string, string, string, string, string, string, string, string, string, string]>(
        `INSERT INTO silence_procedures (id, document_id, version_id, status, deadline_at, time_zone, notify,
           opened_by_id, opened_by_name, opened_by_delegation, opened_at)
         VALUES (?, ?, ?, 'open', ?, ?, ?, ?, ?, ?, ?)`,
      ),
      settleSilence: db.prepare<[string, string, string | null, string | null, string | null, string]>(
        `UPDATE silence_procedures SET status = ?, settled_at = ?, broken_by_name = ?, broken_by_delegation = ?, statement = ?
         WHERE id = ? AND status = 'open'`,
      ),
      silenceReminded: db.prepare<[string, string]>(
        "UPDATE silence_procedures SET reminded_at = ? WHERE id = ? AND status = 'open' AND reminded_at IS NULL",
      ),
    };
  }

  deadlineOf(documentId: string): StoredDeadline | undefined {
    const raw = this.stmts.deadlineOf.get(documentId);
    return raw ? toDeadline(raw) : undefined;
  }

  /** Deadlines whose 24-hour notice has not gone out yet. */
  deadlinesToRemind(): StoredDeadline[] {
    return this.stmts.deadlinesToRemind.all().map(toDeadline);
  }

  putDeadline(deadline: NewDeadline, audit: AuditEntry): void {
    const { documentId, at, timeZone, notify, actorId, actor, setAt } = deadline;
    this.audited(audit, () =>
      this.stmts.putDeadline.run(documentId, at, timeZone, JSON.stringify(notify), actorId, actor.name, actor.delegation, setAt),
    );
  }

  /** False (and nothing audited) when the document had no deadline. */
  deleteDeadline(documentId: string, audit: AuditEntry): boolean {
    return this.audited(audit, () => this.stmts.deleteDeadline.run(documentId));
  }

  /**
   * Records the notice for the deadline `at` (not for one set since, which gets its own). True for the one caller that
   * recorded it, which sends it: the processes of a cluster may all find it due at once.
   */
  markDeadlineReminded(documentId: string, at: string, remindedAt: string): boolean {
    return this.stmts.deadlineReminded.run(remindedAt, documentId, at).changes > 0;
  }

  latestSilence(documentId: string): StoredSilence | undefined {
    const raw = this.stmts.latestSilence.get(documentId);
    return raw ? toSilence(raw) : undefined;
  }

  openSilences(): StoredSilence[] {
    return this.stmts.openSilences.all().map(toSilence);
  }

  insertSilence(silence: NewSilence, audit: AuditEntry): void {
    const { id, documentId, versionId, deadline, timeZone, notify, actorId, actor, openedAt } = silence;
    this.audited(audit, () =>
      this.stmts.insertSilence.run(id, documentId, versionId, deadline, timeZone, JSON.stringify(notify), actorId, actor.name, actor.delegation, openedAt),
    );
  }

  /**
   * Ends an open procedure; false (and nothing audited) if it was no longer open, so a delegation breaking silence
   * and the deadline passing cannot both win, nor two processes of a cluster both settle it (PostgreSQL makes the
   * second UPDATE wait for the first's commit, then finds the row no longer open).
   */
  settleSilence(id: string, settlement: SilenceSettlement, audit: AuditEntry): boolean {
    const broken = settlement.status === 'broken' ? settlement : undefined;
    return this.audited(audit, () =>
      this.stmts.settleSilence.run(settlement.status, settlement.at, broken?.by.name ?? null, broken?.by.delegation ?? null, broken?.statement ?? null, id),
    );
  }

  /** As markDeadlineReminded: true for the one caller that recorded the notice. */
  markSilenceReminded(id: string, remindedAt: string): boolean {
    return this.stmts.silenceReminded.run(remindedAt, id).changes > 0;
  }

  /** Runs `write` and appends `audit` in one transaction, the audit only if `write` changed a row; true if it did. */
  private audited(audit: AuditEntry, write: () => { changes: number }): boolean {
    return this.db.transaction(() => {
      const changed = write().changes > 0;
      if (changed) this.audit.append(audit);
      return changed;
    })();
  }
}
