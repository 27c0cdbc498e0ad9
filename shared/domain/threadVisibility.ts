import type { Role } from './roles.ts';

/**
 * Who may see a comment thread, chosen by its author when opening it:
 * - `everyone`: every member of the document;
 * - `delegation`: only members of the author's delegation (an internal note; organisers of the workshop excluded);
 * - `rapporteurs`: rapporteurs, organisers and the author's delegation.
 */
export const THREAD_VISIBILITIES = ['everyone', 'delegation', 'rapporteurs'] as const;
export type ThreadVisibility = (typeof THREAD_VISIBILITIES)[number];

export interface ThreadViewer {
  role: Role;
  delegation: string;
}

export interface VisibilitySubject {
  visibility: ThreadVisibility;
  /** The delegation of the person who opened the thread. */
  delegation: string;
}

/** Whether `viewer` may know that `thread` exists. The server never sends a thread for which this is false. */
export function canSeeThread(viewer: ThreadViewer, thread: VisibilitySubject): boolean {
  if (thread.visibility === 'everyone' || viewer.delegation === thread.delegation) return true;
  return thread.visibility === 'rapporteurs' && (viewer.role === 'rapporteur' || viewer.role === 'organiser');
}
