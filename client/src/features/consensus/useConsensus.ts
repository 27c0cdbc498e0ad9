import { useEffect, useState, useSyncExternalStore } from 'react';
import type { RecommendationConsensus } from '../../../../shared/api/consensus.ts';
import { ConsensusStore } from './consensusStore.ts';

/** The live consensus of a document's recommendations, for as long as the component is mounted. */
export function useConsensus(documentId: string): { store: ConsensusStore; byId: ReadonlyMap<string, RecommendationConsensus> } {
  const [store] = useState(() => new ConsensusStore(documentId));
  useEffect(() => store.start(), [store]);
  const byId = useSyncExternalStore(store.subscribe, store.getAll);
  return { store, byId };
}
