/** How far a recommendation is from consensus, from least to most settled. */
export const CONSENSUS_STATUSES = ['draft', 'under_discussion', 'agreed', 'agreed_with_reservation'] as const;
export type ConsensusStatus = (typeof CONSENSUS_STATUSES)[number];

/** A recommendation nobody has given a status yet. */
export const DEFAULT_CONSENSUS_STATUS: ConsensusStatus = 'draft';

/**
 * The status everyone sees, from the one a rapporteur set and the reservations delegations entered: an "agreed" text
 * on which a delegation holds a reservation is "agreed with reservation" (reservations are the delegations' to
 * withdraw, not the rapporteur's to overrule). Any other status is shown as set.
 */
export function effectiveConsensusStatus(set: ConsensusStatus, reservations: number): ConsensusStatus {
  return set === 'agreed' && reservations > 0 ? 'agreed_with_reservation' : set;
}
