import type { IncomingMessage } from 'node:http';
import { parse as parseCookie } from 'cookie';

export const SESSION_COOKIE = 'accord_session';

export interface Credential {
  token: string;
  /** Logging out ends a cookie session; a bearer or query token stays valid. */
  via: 'bearer' | 'cookie' | 'query';
}

/**
 * The credential a request carries: `Authorization: Bearer`, then the session cookie, then `?token=` (websocket
 * clients cannot set headers).
 */
export function readCredential(req: IncomingMessage, allowQuery: boolean): Credential | undefined {
  const header = req.headers.authorization;
  if (header?.startsWith('Bearer ')) return { token: header.slice('Bearer '.length).trim(), via: 'bearer' };
  const cookie = req.headers.cookie && parseCookie(req.headers.cookie)[SESSION_COOKIE];
  if (cookie) return { token: cookie, via: 'cookie' };
  if (allowQuery) {
    const token = new URL(req.url ?? '/', 'http://localhost').searchParams.get('token');
    if (token) return { token, via: 'query' };
  }
  return undefined;
}
