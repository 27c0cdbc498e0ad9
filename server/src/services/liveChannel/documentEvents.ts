import type { Logger } from 'pino';
import type { RecommendationConsensus } from '../../../../shared/api/consensus.ts';
import type { DocumentProcedures } from '../../../../shared/api/procedures.ts';
import type { Thread } from '../../../../shared/api/threads.ts';

/** Something that changed in a document outside its text. Listeners decide per recipient what they may pass on. */
export type DocumentEvent =
  | { type: 'thread'; thread: Thread }
  | { type: 'consensus'; recommendation: RecommendationConsensus }
  | { type: 'procedures'; procedures: DocumentProcedures };

type Listener = (event: DocumentEvent) => void;

/** The in-process publish/subscribe of document events behind the live channel (`GET /api/documents/:id/events`). */
export class DocumentEvents {
  private readonly listeners = new Map<string, Set<Listener>>();

  constructor(private readonly logger: Logger) {}

  /** Calls `listener` for every event of `documentId` until the returned function is called. */
  subscribe(documentId: string, listener: Listener): () => void {
    const set = this.listeners.get(documentId) ?? new Set<Listener>();
    set.add(listener);
    this.listeners.set(documentId, set);
    return () => {
      set.delete(listener);
      if (set.size === 0 && this.listeners.get(documentId) === set) this.listeners.delete(documentId);
    };
  }

  publish(documentId: string, event: DocumentEvent): void {
    for (const listener of [...(this.listeners.get(documentId) ?? [])]) {
      // One broken stream must not keep the event from the others, nor fail the request that caused it.
      try {
        listener(event);
      } catch (error) {
        this.logger.warn({ err: error, documentId }, 'document event listener failed');
      }
    }
  }

  listenerCount(documentId: string): number {
    return this.listeners.get(documentId)?.size ?? 0;
  }
}
