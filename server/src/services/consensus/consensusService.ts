import { CONSENSUS_EVENTS, type RecommendationConsensus, type ReservationBody, type SetConsensusStatusBody } from '../../../../shared/api/consensus.ts';
import { DEFAULT_CONSENSUS_STATUS, effectiveConsensusStatus } from '../../../../shared/domain/consensus.ts';
import { AppError } from '../../errors.ts';
import type { AuditEntry } from '../../storage/auditLogRepository.ts';
import type { ConsensusRepository, StoredConsensus } from '../../storage/consensusRepository.ts';
import type { LiveChannel, LivePublish } from '../liveChannel/index.ts';
import type { DocumentService } from '../documents/index.ts';
import type { Principal } from '../access/index.ts';
import { auditEntry, authorOf } from '../access/index.ts';

const present = (stored: StoredConsensus): RecommendationConsensus => {
  const setStatus = stored.status?.status ?? DEFAULT_CONSENSUS_STATUS;
  return {
    recommendationId: stored.recommendationId,
    status: effectiveConsensusStatus(setStatus, stored.reservations.length),
    setStatus,
    setBy: stored.status?.setBy ?? null,
    setAt: stored.status?.setAt ?? null,
    reservations: stored.reservations,
  };
};

/**
 * Consensus status of recommendations: rapporteurs and organisers set it, each delegation enters or withdraws its own
 * reservation. Recommendations are addressed by their stable id; the id is not checked against the text, so a
 * recommendation deleted and brought back (undo, restore) finds its status again.
 */
export class ConsensusService {
  private readonly publishConsensus: LivePublish<RecommendationConsensus>;

  constructor(
    private readonly documents: DocumentService,
    private readonly consensus: ConsensusRepository,
    live: LiveChannel,
    private readonly now: () => Date = () => new Date(),
  ) {
    // Statuses and reservations are public to everyone in the document; the channel has checked that much.
    this.publishConsensus = live.register<RecommendationConsensus>({
      snapshotEvent: CONSENSUS_EVENTS.snapshot,
      changeEvent: CONSENSUS_EVENTS.changed,
      snapshot: (principal, documentId) => ({ recommendations: this.list(principal, documentId) }),
      mayReceive: () => true,
    });
  }

  list(principal: Principal, documentId: string): RecommendationConsensus[] {
    this.documents.authorize(principal, documentId, 'document.read');
    return this.consensus.ofDocument(documentId).map(present);
  }

  setStatus(principal: Principal, documentId: string, recommendationId: string, { status }: SetConsensusStatusBody): RecommendationConsensus {
    this.documents.authorize(principal, documentId, 'consensus.set');
    const before = present(this.consensus.of(documentId, recommendationId));
    const actor = authorOf(principal);
    const at = this.now().toISOString();
    this.consensus.setStatus(
      { documentId, recommendationId, status, actorId: actor.id, actor: { name: actor.name, delegation: actor.delegation }, at },
      this.audit(principal, documentId, 'recommendation.status', recommendationId, { status, previous: before.setStatus }, at),
    );
    return this.changed(documentId, recommendationId);
  }

  /** Enters (or replaces the note of) the caller's delegation's reservation. */
  reserve(principal: Principal, documentId: string, recommendationId: string, { note }: ReservationBody): RecommendationConsensus {
    this.documents.authorize(principal, documentId, 'consensus.reserve');
    const actor = authorOf(principal);
    const at = this.now().toISOString();
    const text = note ? note : null;
    this.consensus.putReservation(
      { documentId, recommendationId, delegation: principal.delegation, color: principal.color, note: text, actorId: actor.id, actorName: actor.name, at },
      this.audit(principal, documentId, 'recommendation.reserve', recommendationId, { delegation: principal.delegation, note: text }, at),
    );
    return this.changed(documentId, recommendationId);
  }

  /** Withdraws the caller's delegation's reservation; 404 if it has none. */
  withdraw(principal: Principal, documentId: string, recommendationId: string): RecommendationConsensus {
    this.documents.authorize(principal, documentId, 'consensus.reserve');
    const at = this.now().toISOString();
    const audit = this.audit(principal, documentId, 'recommendation.withdraw', recommendationId, { delegation: principal.delegation }, at);
    if (!this.consensus.deleteReservation(documentId, recommendationId, principal.delegation, audit)) {
      throw new AppError('not_found', 'Your delegation has no reservation on this recommendation.');
    }
    return this.changed(documentId, recommendationId);
  }

  private changed(documentId: string, recommendationId: string): RecommendationConsensus {
    const recommendation = present(this.consensus.of(documentId, recommendationId));
    this.publishConsensus(documentId, recommendation);
    return recommendation;
  }

  private audit(principal: Principal, documentId: string, action: string, subject: string, details: Record<string, unknown>, at: string): AuditEntry {
    return auditEntry(principal, { documentId, action, subject, at, details });
  }
}
