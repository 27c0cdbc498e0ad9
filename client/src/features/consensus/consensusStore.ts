import { CONSENSUS_EVENTS, ConsensusList, RecommendationConsensus } from '../../../../shared/api/consensus.ts';

type Listener = () => void;

/**
 * The consensus of one document's recommendations, by recommendation id, kept current by the live channel (which
 * starts with a full snapshot on every reconnection, so nothing is missed while EventSource reconnects).
 */
export class ConsensusStore {
  private byId: ReadonlyMap<string, RecommendationConsensus> = new Map();
  private readonly listeners = new Set<Listener>();

  constructor(private readonly documentId: string) {}

  start(): () => void {
    const source = new EventSource(`/api/documents/${encodeURIComponent(this.documentId)}/events`);
    source.addEventListener(CONSENSUS_EVENTS.snapshot, (event) => {
      const parsed = ConsensusList.safeParse(JSON.parse((event as MessageEvent<string>).data));
      if (!parsed.success) return;
      this.byId = new Map(parsed.data.recommendations.map((entry) => [entry.recommendationId, entry]));
      this.notify();
    });
    source.addEventListener(CONSENSUS_EVENTS.changed, (event) => {
      const parsed = RecommendationConsensus.safeParse(JSON.parse((event as MessageEvent<string>).data));
      if (parsed.success) this.upsert(parsed.data);
    });
    return () => source.close();
  }

  /** Takes in a recommendation's consensus as the server returned it. */
  upsert(entry: RecommendationConsensus): void {
    const next = new Map(this.byId);
    next.set(entry.recommendationId, entry);
    this.byId = next;
    this.notify();
  }

  getAll = (): ReadonlyMap<string, RecommendationConsensus> => this.byId;

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private notify(): void {
    for (const listener of this.listeners) listener();
  }
}
