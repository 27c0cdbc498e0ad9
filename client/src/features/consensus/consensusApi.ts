import { RecommendationConsensus } from '../../../../shared/api/consensus.ts';
import type { ConsensusStatus } from '../../../../shared/domain/consensus.ts';
import { apiRequest } from '../../lib/api.ts';

const recommendationPath = (documentId: string, recommendationId: string) =>
  `/api/documents/${encodeURIComponent(documentId)}/recommendations/${encodeURIComponent(recommendationId)}`;

/** The consensus endpoints; each answers with the recommendation's consensus as it now is. */
export const consensusApi = {
  setStatus: (documentId: string, recommendationId: string, status: ConsensusStatus) =>
    apiRequest(RecommendationConsensus, 'PUT', `${recommendationPath(documentId, recommendationId)}/status`, { status }),
  reserve: (documentId: string, recommendationId: string, note: string) =>
    apiRequest(RecommendationConsensus, 'PUT', `${recommendationPath(documentId, recommendationId)}/reservation`, note ? { note } : {}),
  withdraw: (documentId: string, recommendationId: string) =>
    apiRequest(RecommendationConsensus, 'DELETE', `${recommendationPath(documentId, recommendationId)}/reservation`),
};
