import type { ThreadService } from '../threads/index.ts';
import type { AnnexThreadSource } from './exportService.ts';

/**
 * The annex's threads: those the exporting person may see (ThreadService filters by visibility); a deleted comment's
 * body is null, and the export says "deleted" in its own language.
 */
export function threadAnnexSource(threads: ThreadService): AnnexThreadSource {
  return {
    annexThreads: (principal, documentId) =>
      threads.list(principal, documentId).map((thread) => ({
        anchorStart: thread.anchorStart,
        anchorEnd: thread.anchorEnd,
        language: thread.language,
        quote: thread.quote,
        status: thread.status,
        outcome: thread.outcome,
        comments: thread.comments.map((comment) => ({
          author: comment.author.name,
          delegation: comment.author.delegation,
          body: comment.body,
          createdAt: comment.createdAt,
        })),
        resolvedBy: thread.resolvedBy && { name: thread.resolvedBy.name, delegation: thread.resolvedBy.delegation },
        resolvedAt: thread.resolvedAt,
      })),
  };
}
