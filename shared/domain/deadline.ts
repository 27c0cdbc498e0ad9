import type { Role } from './roles.ts';

/**
 * What a deadline for proposals and comments closes: opening a thread, making a proposal (or an alternative), and any
 * change to the text itself: a delegate's direct edit after the deadline would rewrite the agreed text untracked, where
 * no rapporteur could reject it.
 */
export type DeadlineBoundAction = 'thread.open' | 'suggestion.propose' | 'text.edit';

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
