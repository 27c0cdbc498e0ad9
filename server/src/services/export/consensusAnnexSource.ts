import type { ConsensusService } from '../consensus/index.ts';
import type { AnnexConsensusSource } from './exportService.ts';

/** The annex's statuses: what the status board shows, reduced to status and reservations. */
export function consensusAnnexSource(consensus: ConsensusService): AnnexConsensusSource {
  return {
    annexConsensus: (principal, documentId) =>
      consensus.list(principal, documentId).map((entry) => ({
        recommendationId: entry.recommendationId,
        status: entry.status,
        reservations: entry.reservations.map(({ delegation, note }) => ({ delegation, note })),
      })),
  };
}
