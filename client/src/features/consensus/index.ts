export { StatusBoard } from './StatusBoard.tsx';
export { ConsensusBadges } from './consensusBadges.ts';
