import { Numbering } from '../../../../shared/api/numbering.ts';
import { apiRequest } from '../../lib/api.ts';

const numberingPath = (documentId: string) => `/api/documents/${encodeURIComponent(documentId)}/numbering`;

/** The stable-numbers endpoints (docs/api.md), each answer parsed with its shared schema. */
export const numberingApi = {
  lock: (documentId: string) => apiRequest(Numbering, 'POST', `${numberingPath(documentId)}/lock`),
  renumber: (documentId: string) => apiRequest(Numbering, 'POST', `${numberingPath(documentId)}/renumber`),
};
