import type { ConsensusActor, Reservation } from '../../../shared/api/consensus.ts';
import type { ConsensusStatus } from '../../../shared/domain/consensus.ts';
import type { AuditEntry, AuditLogRepository } from './auditLogRepository.ts';
import type { SqlDatabase } from './sql/sqlDatabase.ts';

interface RawStatus {
  recommendation_id: string;
  status: ConsensusStatus;
  set_by_name: string;
  set_by_delegation: string;
  set_at: string;
}

interface RawReservation {
  recommendation_id: string;
  delegation: string;
  color: string;
  note: string | null;
  entered_by_name: string;
  entered_by_delegation: string;
  entered_at: string;
}

/** A recommendation's stored status (absent: never set) and its reservations by delegation. */
export interface StoredConsensus {
  recommendationId: string;
  status: { status: ConsensusStatus; setBy: ConsensusActor; setAt: string } | undefined;
  reservations: Reservation[];
}

export interface StatusChange {
  documentId: string;
  recommendationId: string;
  status: ConsensusStatus;
  actorId: string;
  actor: ConsensusActor;
  at: string;
}

export interface NewReservation {
  documentId: string;
  recommendationId: string;
  delegation: string;
  color: string;
  note: string | null;
  actorId: string;
  actorName: string;
  at: string;
}

const toReservation = (raw: RawReservation): Reservation => ({
  delegation: raw.delegation,
  color: raw.color,
  note: raw.note,
  enteredBy: { name: raw.entered_by_name, delegation: raw.delegation },
  enteredAt: raw.entered_at,
});

/** Consensus statuses and reservations of recommendations; every change is written with its audit row. */
export class ConsensusRepository {
  private readonly stmts;

  constructor(
    private readonly db: SqlDatabase,
    private readonly audit: AuditLogRepository,
  ) {
    this.stmts = {
      statusesOfDocument: db.prepare<[string], RawStatus>(
        'SELECT recommendation_id, status, set_by_name, set_by_delegation, set_at FROM recommendation_statuses WHERE document_id = ?',
      ),
      reservationsOfDocument: db.prepare<[string], RawReservation>(
        `SELECT recommendation_id, delegation, color, note, entered_by_name, delegation AS entered_by_delegation, entered_at
         FROM recommendation_reservations WHERE document_id = ? ORDER BY entered_at, delegation`,
      ),
      statusOf: db.prepare<[string, string], RawStatus>(
        `SELECT recommendation_id, status, set_by_name, set_by_delegation, set_at FROM recommendation_statuses
         WHERE document_id = ? AND recommendation_id = ?`,
      ),
      reservationsOf: db.prepare<[string, string], RawReservation>(
        `SELECT recommendation_id, delegation, color, note, entered_by_name, delegation AS entered_by_delegation, entered_at
         FROM recommendation_reservations WHERE document_id = ? AND recommendation_id = ? ORDER BY entered_at, delegation`,
      ),
      setStatus: db.prepare<[string, string, string, string, string, string, string]>(
        `INSERT INTO recommendation_statuses (document_id, recommendation_id, status, set_by_id, set_by_name, set_by_delegation, set_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (document_id, recommendation_id) DO UPDATE SET
           status = excluded.status, set_by_id = excluded.set_by_id, set_by_name = excluded.set_by_name,
           set_by_delegation = excluded.set_by_delegation, set_at = excluded.set_at`,
      ),
      putReservation: db.prepare<[string, string, string, string, string | null, string, string, string]>(
        `INSERT INTO recommendation_reservations
           (document_id, recommendation_id, delegation, color, note, entered_by_id, entered_by_name, entered_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (document_id, recommendation_id, delegation) DO UPDATE SET
           color = excluded.color, note = excluded.note, entered_by_id = excluded.entered_by_id,
           entered_by_name = excluded.entered_by_name, entered_at = excluded.entered_at`,
      ),
      deleteReservation: db.prepare<[string, string, string]>(
        'DELETE FROM recommendation_reservations WHERE document_id = ? AND recommendation_id = ? AND delegation = ?',
      ),
    };
  }

  /** Every recommendation of the document that has a status or a reservation. */
  ofDocument(documentId: string): StoredConsensus[] {
    const byId = new Map<string, StoredConsensus>();
    const entry = (recommendationId: string) => {
      let found = byId.get(recommendationId);
      if (!found) byId.set(recommendationId, (found = { recommendationId, status: undefined, reservations: [] }));
      return found;
    };
    for (const raw of this.stmts.statusesOfDocument.all(documentId)) entry(raw.recommendation_id).status = toStatus(raw);
    for (const raw of this.stmts.reservationsOfDocument.all(documentId)) entry(raw.recommendation_id).reservations.push(toReservation(raw));
    return [...byId.values()];
  }

  of(documentId: string, recommendationId: string): StoredConsensus {
    const raw = this.stmts.statusOf.get(documentId, recommendationId);
    return {
      recommendationId,
      status: raw ? toStatus(raw) : undefined,
      reservations: this.stmts.reservationsOf.all(documentId, recommendationId).map(toReservation),
    };
  }

  setStatus(change: StatusChange, audit: AuditEntry): void {
    this.db.transaction(() => {
      const { documentId, recommendationId, status, actorId, actor, at } = change;
      this.stmts.setStatus.run(documentId, recommendationId, status, actorId, actor.name, actor.delegation, at);
      this.audit.append(audit);
    })();
  }

  putReservation(reservation: NewReservation, audit: AuditEntry): void {
    this.db.transaction(() => {
      const { documentId, recommendationId, delegation, color, note, actorId, actorName, at } = reservation;
      this.stmts.putReservation.run(documentId, recommendationId, delegation, color, note, actorId, actorName, at);
      this.audit.append(audit);
    })();
  }

  /** Removes the delegation's reservation; false (and nothing audited) if it had none. */
  deleteReservation(documentId: string, recommendationId: string, delegation: string, audit: AuditEntry): boolean {
    return this.db.transaction(() => {
      const removed = this.stmts.deleteReservation.run(documentId, recommendationId, delegation).changes > 0;
      if (removed) this.audit.append(audit);
      return removed;
    })();
  }
}

const toStatus = (raw: RawStatus): StoredConsensus['status'] => ({
  status: raw.status,
  setBy: { name: raw.set_by_name, delegation: raw.set_by_delegation },
  setAt: raw.set_at,
});
