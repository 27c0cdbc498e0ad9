import type { RecommendationConsensus, ReservationBody, SetConsensusStatusBody } from '../../../../shared/api/consensus.ts';
import { DEFAULT_CONSENSUS_STATUS, effectiveConsensusStatus } from '../../../../shared/domain/consensus.ts';
import { AppError } from '../../errors.ts';
import type { AuditEntry } from '../../storage/auditLogRepository.ts';
import type { ConsensusRepository, StoredConsensus } from '../../storage/consensusRepository.ts';
import type { DocumentEvents } from '../liveChannel/index.ts';
import type { DocumentService } from '../documents/index.ts';
import { type Principal, roleIn } from '../access/index.ts';
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

export interface ConsensusWatch {
  /** Every recommendation with a status or reservation now. */
  recommendations: RecommendationConsensus[];
  stop(): void;
}

/**
 * Consensus status of recommendations: rapporteurs and organisers set it, each delegation enters or withdraws its own
 * reservation. Recommendations are addressed by their stable id; the id is not checked against the text, so a
 * recommendation deleted and brought back (undo, restore) finds its status again.
 */
export class ConsensusService {
  constructor(
    private readonly documents: DocumentService,
    private readonly consensus: ConsensusRepository,
    private readonly events: DocumentEvents,
    private readonly now: () => Date = () => new Date(),
  ) {}

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

  /**
   * Follows status changes for the live channel. `currentPrincipal` is asked again at every event, so a revoked invite
   * stops receiving (and `end` is called).
   */
  watch(
    principal: Principal,
    documentId: string,
    currentPrincipal: () => Principal | undefined,
    send: (recommendation: RecommendationConsensus) => void,
    end: () => void,
  ): ConsensusWatch {
    const recommendations = this.list(principal, documentId);
    const stop = this.events.subscribe(documentId, (event) => {
      if (event.type !== 'consensus') return;
      const now = currentPrincipal();
      if (!now || !roleIn(now, documentId)) {
        stop();
        end();
        return;
      }
      send(event.recommendation);
    });
    return { recommendations, stop };
  }

  private changed(documentId: string, recommendationId: string): RecommendationConsensus {
    const recommendation = present(this.consensus.of(documentId, recommendationId));
    this.events.publish(documentId, { type: 'consensus', recommendation });
    return recommendation;
  }

  private audit(principal: Principal, documentId: string, action: string, subject: string, details: Record<string, unknown>, at: string): AuditEntry {
    return auditEntry(principal, { documentId, action, subject, at, details });
  }
}
