import { ORGANISER_AUTHOR_ID, type ThreadAuthor } from '../../../../shared/api/threads.ts';
import type { Principal } from './principal.ts';

/** How a principal appears as the author of what it writes or decides: threads, comments, statuses, reservations. */
export function authorOf(principal: Principal): ThreadAuthor {
  const { name, delegation, color } = principal;
  if (principal.kind === 'organiser') return { id: ORGANISER_AUTHOR_ID, name, delegation, color };
  return { id: principal.memberId ?? `invite:${principal.inviteId}`, name, delegation, color };
}
