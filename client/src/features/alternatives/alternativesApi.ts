import { RecommendationAlternatives } from '../../../../shared/api/alternatives.ts';
import { apiRequest } from '../../lib/api.ts';

const recommendationPath = (documentId: string, recommendationId: string) =>
  `/api/documents/${encodeURIComponent(documentId)}/recommendations/${encodeURIComponent(recommendationId)}`;

/** The alternatives endpoints; each answers with the recommendation's alternatives as they now are. */
export const alternativesApi = {
  propose: (documentId: string, recommendationId: string, text: string, justification: string) =>
    apiRequest(RecommendationAlternatives, 'POST', `${recommendationPath(documentId, recommendationId)}/alternatives`, justification ? { text, justification } : { text }),
  justify: (documentId: string, recommendationId: string, number: number, justification: string) =>
    apiRequest(RecommendationAlternatives, 'PATCH', `${recommendationPath(documentId, recommendationId)}/alternatives/${number}`, { justification }),
  withdraw: (documentId: string, recommendationId: string, number: number) =>
    apiRequest(RecommendationAlternatives, 'DELETE', `${recommendationPath(documentId, recommendationId)}/alternatives/${number}`),
  support: (documentId: string, recommendationId: string, number: number) =>
    apiRequest(RecommendationAlternatives, 'PUT', `${recommendationPath(documentId, recommendationId)}/alternatives/${number}/support`),
  unsupport: (documentId: string, recommendationId: string, number: number) =>
    apiRequest(RecommendationAlternatives, 'DELETE', `${recommendationPath(documentId, recommendationId)}/alternatives/${number}/support`),
  retain: (documentId: string, recommendationId: string, alternative: number) =>
    apiRequest(RecommendationAlternatives, 'POST', `${recommendationPath(documentId, recommendationId)}/retain`, { alternative }),
};
