import { useSyncExternalStore } from 'react';
import type { RecommendationConsensus } from '../../../../shared/api/consensus.ts';
import type { ConsensusStore } from './consensusStore.ts';

/** The store's consensus by recommendation id, re-rendering as it changes. */
export function useConsensus(store: ConsensusStore): ReadonlyMap<string, RecommendationConsensus> {
  return useSyncExternalStore(store.subscribe, store.getAll);
}
