import { type CreateThreadBody, Thread } from '../../../../shared/api/threads.ts';
import { apiRequest } from '../../lib/api.ts';

const threadPath = (threadId: string) => `/api/threads/${encodeURIComponent(threadId)}`;
const commentPath = (threadId: string, commentId: string) => `${threadPath(threadId)}/comments/${encodeURIComponent(commentId)}`;

/** The comment-thread endpoints; each answers with the thread as it now is. */
export const threadsApi = {
  create: (documentId: string, body: CreateThreadBody) =>
    apiRequest(Thread, 'POST', `/api/documents/${encodeURIComponent(documentId)}/threads`, body),
  reply: (threadId: string, body: string) => apiRequest(Thread, 'POST', `${threadPath(threadId)}/comments`, { body }),
  edit: (threadId: string, commentId: string, body: string) => apiRequest(Thread, 'PATCH', commentPath(threadId, commentId), { body }),
  remove: (threadId: string, commentId: string) => apiRequest(Thread, 'DELETE', commentPath(threadId, commentId)),
  resolve: (threadId: string, outcome: string) => apiRequest(Thread, 'POST', `${threadPath(threadId)}/resolve`, { outcome }),
  reopen: (threadId: string) => apiRequest(Thread, 'POST', `${threadPath(threadId)}/reopen`),
};
