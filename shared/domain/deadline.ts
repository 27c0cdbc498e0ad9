import type { Role } from './roles.ts';

/** What a deadline for proposals and comments closes: opening a thread and making a proposal (or an alternative). */
export type DeadlineBoundAction = 'thread.open' | 'suggestion.propose';

/**
 * Whether a deadline limits `role` in `action`. Only delegates are bound: rapporteurs and organisers run the text after
 * the deadline too, and replies to existing threads stay open to everyone.
 */
export function boundByDeadline(role: Role, _action: DeadlineBoundAction): boolean {
  return role === 'delegate';
}

/** Whether `role` may still do `action` at `now` under a deadline `deadlineAt` (ISO 8601; null: no deadline). */
export function openUnderDeadline(role: Role, action: DeadlineBoundAction, deadlineAt: string | null, now: Date): boolean {
  return !boundByDeadline(role, action) || deadlineAt === null || now.getTime() < Date.parse(deadlineAt);
}
