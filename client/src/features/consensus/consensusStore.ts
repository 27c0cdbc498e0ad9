import { CONSENSUS_EVENTS, ConsensusList, RecommendationConsensus } from '../../../../shared/api/consensus.ts';
import type { LiveChannel } from '../../lib/liveChannel.ts';

type Listener = () => void;

/**
 * The consensus of one document's recommendations, by recommendation id, kept current by the document's live channel
 * from the moment it is made: it lives as long as the channel, so a board opened later still finds every status.
 */
export class ConsensusStore {
  private byId: ReadonlyMap<string, RecommendationConsensus> = new Map();
  private readonly listeners = new Set<Listener>();

  constructor(channel: LiveChannel) {
    channel.on(CONSENSUS_EVENTS.snapshot, (data) => {
      const parsed = ConsensusList.safeParse(data);
      if (!parsed.success) return;
      this.byId = new Map(parsed.data.recommendations.map((entry) => [entry.recommendationId, entry]));
      this.notify();
    });
    channel.on(CONSENSUS_EVENTS.changed, (data) => {
      const parsed = RecommendationConsensus.safeParse(data);
      if (parsed.success) this.upsert(parsed.data);
    });
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
