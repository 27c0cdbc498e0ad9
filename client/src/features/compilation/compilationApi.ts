import { CompilationNotes } from '../../../../shared/api/compilation.ts';
import { apiRequest } from '../../lib/api.ts';

const base = (documentId: string) => `/api/documents/${encodeURIComponent(documentId)}`;
const noChangePath = (documentId: string, recommendationId: string) => `${base(documentId)}/recommendations/${encodeURIComponent(recommendationId)}/no-change`;

/** The compilation's own records; each answers with all the document's NOC marks and justifications as they now are. */
export const compilationApi = {
  markNoChange: (documentId: string, recommendationId: string, justification: string) =>
    apiRequest(CompilationNotes, 'PUT', noChangePath(documentId, recommendationId), justification ? { justification } : {}),
  clearNoChange: (documentId: string, recommendationId: string) => apiRequest(CompilationNotes, 'DELETE', noChangePath(documentId, recommendationId)),
  justifyProposal: (documentId: string, suggestionId: string, text: string) =>
    apiRequest(CompilationNotes, 'PUT', `${base(documentId)}/suggestions/${encodeURIComponent(suggestionId)}/justification`, { text }),
};
