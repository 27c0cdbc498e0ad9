import type { Alternative, AlternativeStatus, AlternativeSupporter, RecommendationAlternatives } from '../../../shared/api/alternatives.ts';
import type { AuditEntry, AuditLogRepository } from './auditLogRepository.ts';
import type { SqlDatabase } from './sql/sqlDatabase.ts';

interface RawAlternative {
  id: string;
  recommendation_id: string;
  number: number;
  text: string;
  justification: string | null;
  delegation: string;
  color: string;
  proposed_by_name: string;
  proposed_at: string;
  status: AlternativeStatus;
  decided_by_name: string | null;
  decided_by_delegation: string | null;
  decided_at: string | null;
  replaced_text: string | null;
}

interface RawSupporter {
  alternative_id: string;
  delegation: string;
  color: string;
  supported_by_name: string;
  supported_at: string;
}

export interface NewAlternative {
  id: string;
  documentId: string;
  recommendationId: string;
  text: string;
  justification: string | null;
  delegation: string;
  color: string;
  actorId: string;
  actorName: string;
  at: string;
}

export interface NewSupporter {
  delegation: string;
  color: string;
  actorId: string;
  actorName: string;
  at: string;
}

/** Who decided, and when: written on every alternative a decision closes. */
export interface Decision {
  by: { name: string; delegation: string };
  at: string;
}

/** A stored alternative with its row id, which the service needs to write to it. */
export type StoredAlternative = Alternative & { id: string; recommendationId: string };

const SELECT = `SELECT id, recommendation_id, number, text, justification, delegation, color, proposed_by_name, proposed_at,
  status, decided_by_name, decided_by_delegation, decided_at, replaced_text FROM recommendation_alternatives`;

/** Alternatives of recommendations and their supporters; every change is written with its audit row. */
export class AlternativeRepository {
  private readonly stmts;

  constructor(
    private readonly db: SqlDatabase,
    private readonly audit: AuditLogRepository,
  ) {
    this.stmts = {
      ofDocument: db.prepare<[string], RawAlternative>(`${SELECT} WHERE document_id = ? ORDER BY recommendation_id, number`),
      ofRecommendation: db.prepare<[string, string], RawAlternative>(`${SELECT} WHERE document_id = ? AND recommendation_id = ? ORDER BY number`),
      supportersOfDocument: db.prepare<[string], RawSupporter>(
        `SELECT s.alternative_id, s.delegation, s.color, s.supported_by_name, s.supported_at FROM alternative_supporters s
         JOIN recommendation_alternatives a ON a.id = s.alternative_id WHERE a.document_id = ? ORDER BY s.supported_at, s.delegation`,
      ),
      supportersOfRecommendation: db.prepare<[string, string], RawSupporter>(
        `SELECT s.alternative_id, s.delegation, s.color, s.supported_by_name, s.supported_at FROM alternative_supporters s
         JOIN recommendation_alternatives a ON a.id = s.alternative_id
         WHERE a.document_id = ? AND a.recommendation_id = ? ORDER BY s.supported_at, s.delegation`,
      ),
      nextNumber: db.prepare<[string, string], { next: number }>(
        'SELECT COALESCE(MAX(number), 0) + 1 AS next FROM recommendation_alternatives WHERE document_id = ? AND recommendation_id = ?',
      ),
      insert: db.prepare<[string, string, string, number, string, string | null, string, string, string, string, string]>(
        `INSERT INTO recommendation_alternatives
           (id, document_id, recommendation_id, number, text, justification, delegation, color, proposed_by_id, proposed_by_name, proposed_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      justify: db.prepare<[string | null, string]>('UPDATE recommendation_alternatives SET justification = ? WHERE id = ?'),
      decide: db.prepare<[AlternativeStatus, string, string, string, string | null, string]>(
        `UPDATE recommendation_alternatives SET status = ?, decided_by_name = ?, decided_by_delegation = ?, decided_at = ?, replaced_text = ?
         WHERE id = ? AND status = 'open'`,
      ),
      support: db.prepare<[string, string, string, string, string, string]>(
        `INSERT INTO alternative_supporters (alternative_id, delegation, color, supported_by_id, supported_by_name, supported_at)
         VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (alternative_id, delegation) DO NOTHING`,
      ),
      unsupport: db.prepare<[string, string]>('DELETE FROM alternative_supporters WHERE alternative_id = ? AND delegation = ?'),
    };
  }

  /** Every recommendation of the document with at least one alternative, each with all its alternatives by number. */
  ofDocument(documentId: string): RecommendationAlternatives[] {
    const supporters = bySupported(this.stmts.supportersOfDocument.all(documentId));
    const byRecommendation = new Map<string, RecommendationAlternatives>();
    for (const raw of this.stmts.ofDocument.all(documentId)) {
      let entry = byRecommendation.get(raw.recommendation_id);
      if (!entry) byRecommendation.set(raw.recommendation_id, (entry = { recommendationId: raw.recommendation_id, alternatives: [] }));
      entry.alternatives.push(present(raw, supporters));
    }
    return [...byRecommendation.values()];
  }

  ofRecommendation(documentId: string, recommendationId: string): StoredAlternative[] {
    const supporters = bySupported(this.stmts.supportersOfRecommendation.all(documentId, recommendationId));
    return this.stmts.ofRecommendation.all(documentId, recommendationId).map((raw) => ({ ...present(raw, supporters), id: raw.id, recommendationId }));
  }

  insert(alternative: NewAlternative, audit: (number: number) => AuditEntry): number {
    return this.db.transaction(() => {
      const { id, documentId, recommendationId, text, justification, delegation, color, actorId, actorName, at } = alternative;
      const number = this.stmts.nextNumber.get(documentId, recommendationId)!.next;
      this.stmts.insert.run(id, documentId, recommendationId, number, text, justification, delegation, color, actorId, actorName, at);
      this.audit.append(audit(number));
      return number;
    })();
  }

  justify(alternativeId: string, justification: string | null, audit: AuditEntry): void {
    this.db.transaction(() => {
      this.stmts.justify.run(justification, alternativeId);
      this.audit.append(audit);
    })();
  }

  support(alternativeId: string, supporter: NewSupporter, audit: AuditEntry): void {
    this.db.transaction(() => {
      const { delegation, color, actorId, actorName, at } = supporter;
      if (this.stmts.support.run(alternativeId, delegation, color, actorId, actorName, at).changes > 0) this.audit.append(audit);
    })();
  }

  /** Removes the delegation's support; false (and nothing audited) if it gave none. */
  unsupport(alternativeId: string, delegation: string, audit: AuditEntry): boolean {
    return this.db.transaction(() => {
      const removed = this.stmts.unsupport.run(alternativeId, delegation).changes > 0;
      if (removed) this.audit.append(audit);
      return removed;
    })();
  }

  /**
   * Closes open alternatives in one transaction: each given its status (retained, not retained, withdrawn), the one
   * retained also the wording it replaced. Alternatives already closed are left as they are.
   */
  decide(closing: { id: string; status: AlternativeStatus; replacedText?: string }[], decision: Decision, audit: AuditEntry): void {
    this.db.transaction(() => {
      for (const { id, status, replacedText } of closing) {
        this.stmts.decide.run(status, decision.by.name, decision.by.delegation, decision.at, replacedText ?? null, id);
      }
      this.audit.append(audit);
    })();
  }
}

function bySupported(rows: RawSupporter[]): Map<string, AlternativeSupporter[]> {
  const map = new Map<string, AlternativeSupporter[]>();
  for (const row of rows) {
    const list = map.get(row.alternative_id) ?? [];
    list.push({ delegation: row.delegation, color: row.color, name: row.supported_by_name, at: row.supported_at });
    map.set(row.alternative_id, list);
  }
  return map;
}

function present(raw: RawAlternative, supporters: Map<string, AlternativeSupporter[]>): Alternative {
  return {
    number: raw.number,
    text: raw.text,
    justification: raw.justification,
    delegation: raw.delegation,
    color: raw.color,
    proposedBy: raw.proposed_by_name,
    proposedAt: raw.proposed_at,
    supporters: supporters.get(raw.id) ?? [],
    status: raw.status,
    decidedBy: raw.decided_by_name === null ? null : { name: raw.decided_by_name, delegation: raw.decided_by_delegation ?? '' },
    decidedAt: raw.decided_at,
    replacedText: raw.replaced_text,
  };
}
