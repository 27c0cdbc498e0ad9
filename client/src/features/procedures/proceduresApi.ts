import { DocumentProcedures } from '../../../../shared/api/procedures.ts';
import { apiRequest } from '../../lib/api.ts';

const documentPath = (documentId: string) => `/api/documents/${encodeURIComponent(documentId)}`;

export interface DeadlineInput {
  at: string;
  timeZone: string;
  notify: string[];
}

/** The deadline and silence procedure endpoints; each answers with the document's procedures as they now are. */
export const proceduresApi = {
  setDeadline: (documentId: string, body: DeadlineInput) => apiRequest(DocumentProcedures, 'PUT', `${documentPath(documentId)}/deadline`, body),
  clearDeadline: (documentId: string) => apiRequest(DocumentProcedures, 'DELETE', `${documentPath(documentId)}/deadline`),
  openSilence: (documentId: string, body: DeadlineInput) => apiRequest(DocumentProcedures, 'POST', `${documentPath(documentId)}/silence`, body),
  withdrawSilence: (documentId: string) => apiRequest(DocumentProcedures, 'DELETE', `${documentPath(documentId)}/silence`),
  breakSilence: (documentId: string, statement: string) =>
    apiRequest(DocumentProcedures, 'POST', `${documentPath(documentId)}/silence/break`, { statement }),
};
