import type { Request, RequestHandler, Response } from 'express';
import { AppError } from '../errors.ts';
import type { AccessService } from '../services/access/index.ts';
import type { Principal } from '../services/access/index.ts';
import type { AuthFailureLimiter } from './authFailureLimiter.ts';
import { readCredential } from './credentials.ts';

/**
 * Resolves the caller from their credential, if any. Routes that need a caller ask `principalOf`; the others (joining
 * with a new invite) must still work for a browser holding a stale cookie.
 */
export function authenticate(access: AccessService, failures: AuthFailureLimiter): RequestHandler {
  return async (req, res, next) => {
    const credential = readCredential(req, false);
    if (credential && (await failures.blocked(req.socket.remoteAddress))) {
      next(new AppError('rate_limited', 'Too many invalid credentials from this address; try again in a minute.'));
      return;
    }
    res.locals.principal = access.authenticate(credential?.token);
    res.locals.credentialRejected = credential !== undefined && res.locals.principal === undefined;
    if (res.locals.credentialRejected) await failures.failed(req.socket.remoteAddress);
    next();
  };
}

export function principalOf(_req: Request, res: Response): Principal {
  const principal = res.locals.principal as Principal | undefined;
  if (principal) return principal;
  throw new AppError(
    'unauthorized',
    res.locals.credentialRejected
      ? 'Your credentials are not valid (expired, revoked or unknown).'
      : 'Sign in first: open your invite link or send a bearer token.',
  );
}

/** The address invite links point at: the configured (or LAN) public URL, else the one this request came in on. */
export function baseUrlOf(req: Request, publicUrl: string | undefined): string {
  return publicUrl ?? `${req.protocol}://${req.get('host')}`;
}
