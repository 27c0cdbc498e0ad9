import { z } from 'zod';
import { DocumentSummary } from '../../../../shared/api/documents.ts';
import { Me } from '../../../../shared/api/session.ts';
import { ApiError, apiRequest } from '../../lib/api.ts';

const CachedAccess = z.object({ me: Me, document: DocumentSummary });
type CachedAccess = z.infer<typeof CachedAccess>;

export interface DocumentAccess extends CachedAccess {
  /** The server could not be reached: this is what the browser remembered from the last visit. */
  fromCache: boolean;
}

const cacheKey = (documentId: string) => `accord.access.${documentId}`;

/**
 * Who the person is and what the document is, from the server, remembered in the browser so that a reload without
 * network still opens the document (its text comes from IndexedDB). Refusals from the server are never overridden
 * by the cache: only an unreachable server is.
 */
export async function loadDocumentAccess(documentId: string): Promise<DocumentAccess> {
  try {
    const [me, document] = await Promise.all([
      apiRequest(Me, 'GET', '/api/me'),
      apiRequest(DocumentSummary, 'GET', `/api/documents/${encodeURIComponent(documentId)}`),
    ]);
    try {
      localStorage.setItem(cacheKey(documentId), JSON.stringify({ me, document } satisfies CachedAccess));
    } catch {
      // Without storage the document still works online; it just cannot open offline.
    }
    return { me, document, fromCache: false };
  } catch (error) {
    if (!(error instanceof ApiError) || error.code !== 'network') throw error;
    const cached = CachedAccess.safeParse(JSON.parse(localStorage.getItem(cacheKey(documentId)) ?? 'null'));
    if (!cached.success) throw error;
    return { ...cached.data, fromCache: true };
  }
}
