export { StatusBoard } from './StatusBoard.tsx';
export { ConsensusBadges } from './consensusBadges.ts';
export { ConsensusStore } from './consensusStore.ts';
export { useConsensus, useConsensusBadges } from './useConsensus.ts';
