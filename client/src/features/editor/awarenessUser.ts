import { z } from 'zod';
import { Role } from '../../../../shared/api/documents.ts';

/**
 * The `user` field of an awareness state. The server overwrites it with the identity it authenticated, so it can be
 * trusted as far as the server is; it is still parsed, as anything arriving over the network is.
 */
export const AwarenessUser = z.object({
  name: z.string(),
  delegation: z.string(),
  color: z.string(),
  role: Role,
});
export type AwarenessUser = z.infer<typeof AwarenessUser>;

/** A colour safe to put into a style: the server hands out `#rrggbb`; anything else becomes a neutral grey. */
export function safeColor(color: unknown): string {
  return typeof color === 'string' && /^#[0-9a-f]{6}$/i.test(color) ? color : '#64748b';
}
