import { AuthorList } from '../../../../shared/api/authorship.ts';
import { apiRequest } from '../../lib/api.ts';

/** Who wrote each Yjs client's text in a document, as the server recorded it. */
export const fetchAuthors = (documentId: string) => apiRequest(AuthorList, 'GET', `/api/documents/${encodeURIComponent(documentId)}/authors`);
