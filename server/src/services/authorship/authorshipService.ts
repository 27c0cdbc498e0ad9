import type { Logger } from 'pino';
import type { DocumentAuthor } from '../../../../shared/api/authorship.ts';
import type { ConnectionContext } from '../../collab/ports.ts';
import type { AuthorshipRepository } from '../../storage/authorshipRepository.ts';
import type { DocumentService } from '../documents/index.ts';
import type { Principal } from '../access/index.ts';
import { structClientIds } from './structClientIds.ts';

/** `last_seen` is written at most this often per client id, so typing costs no write per keystroke. */
const LAST_SEEN_RESOLUTION_MS = 60_000;

/**
 * Authorship: which authenticated identity wrote each Yjs client id's text. The relay reports every stored change
 * with the context of the socket that sent it; only client ids not seen before cost a write. What clients say about
 * themselves (awareness, PermanentUserData) is never used.
 */
export class AuthorshipService {
  /** Per loaded document: client id → when its last_seen was last written (ms). */
  private readonly known = new Map<string, Map<number, number>>();

  constructor(
    private readonly documents: DocumentService,
    private readonly authors: AuthorshipRepository,
    private readonly logger: Logger,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** The relay's `authored` hook: records the client ids of `change`'s structs for `context`'s identity. */
  recordChange(documentId: string, change: Uint8Array, context: ConnectionContext): void {
    try {
      const clientIds = structClientIds(change);
      if (clientIds.length === 0) return;
      const seen = this.knownOf(documentId);
      const nowMs = this.now().getTime();
      for (const clientId of clientIds) {
        const written = seen.get(clientId);
        if (written !== undefined && nowMs - written < LAST_SEEN_RESOLUTION_MS) continue;
        const at = new Date(nowMs).toISOString();
        if (written === undefined) {
          const { name, delegation, color } = context.identity;
          const authorId = context.inviteId === null ? 'organiser' : `invite:${context.inviteId}`;
          this.authors.insert({ documentId, clientId, authorId, name, delegation, color, at });
        } else {
          this.authors.touch(documentId, clientId, at);
        }
        seen.set(clientId, nowMs);
      }
    } catch (error) {
      // Authorship is a view on the text: failing to record it must never fail or slow the edit itself.
      this.logger.warn({ err: error, documentId }, 'could not record authorship');
    }
  }

  /** Every author of the document, for any of its members. */
  list(principal: Principal, documentId: string): DocumentAuthor[] {
    this.documents.authorize(principal, documentId, 'document.read');
    return this.authors.authorsOf(documentId);
  }

  /**
   * The relay's `loaded` hook: reads the client ids already recorded for the document, so that the first change after
   * a load does not wait for that query before it is stored.
   */
  load(documentId: string): void {
    try {
      this.knownOf(documentId);
    } catch (error) {
      // Never fail the load over authorship: the next change asks again.
      this.logger.warn({ err: error, documentId }, 'could not read recorded authors');
    }
  }

  /** Forgets a document's cache (it was unloaded); the table stays the truth. */
  forget(documentId: string): void {
    this.known.delete(documentId);
  }

  private knownOf(documentId: string): Map<number, number> {
    let seen = this.known.get(documentId);
    if (!seen) {
      // Ids recorded by an earlier run count as known (their last_seen is refreshed on the next sighting).
      seen = new Map(this.authors.clientIdsOf(documentId).map((clientId) => [clientId, 0]));
      this.known.set(documentId, seen);
    }
    return seen;
  }
}
