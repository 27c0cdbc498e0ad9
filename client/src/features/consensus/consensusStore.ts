import { CONSENSUS_EVENTS, ConsensusList, RecommendationConsensus } from '../../../../shared/api/consensus.ts';
import type { LiveChannel } from '../../lib/liveChannel.ts';
import { LiveRecordStore } from '../../lib/liveRecordStore.ts';

/** The consensus of one document's recommendations, by recommendation id, following the live channel. */
export class ConsensusStore extends LiveRecordStore<RecommendationConsensus> {
  constructor(channel: LiveChannel) {
    super(channel, {
      snapshotEvent: CONSENSUS_EVENTS.snapshot,
      changeEvent: CONSENSUS_EVENTS.changed,
      snapshot: ConsensusList,
      record: RecommendationConsensus,
      recommendationIdOf: (entry) => entry.recommendationId,
    });
  }
}
