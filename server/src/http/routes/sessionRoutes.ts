import type { CookieOptions, Response } from 'express';
import { Router } from 'express';
import { z } from 'zod';
import { JoinBody, type Me, OrganiserLoginBody } from '../../../../shared/api/session.ts';
import type { AccessService } from '../../services/access/index.ts';
import type { Principal } from '../../services/access/index.ts';
import { principalOf } from '../authenticate.ts';
import { SESSION_COOKIE, readCredential } from '../credentials.ts';
import { parse } from '../validate.ts';

const SESSION_MAX_AGE_MS = 30 * 24 * 3600 * 1000;

const InvitePreviewBody = z.strictObject({ token: z.string().min(1).max(200) });

export interface SessionRoutesDeps {
  access: AccessService;
  /** Cookies get the Secure flag when Accord is served over HTTPS. */
  secureCookies: boolean;
}

export const meOf = (principal: Principal): Me =>
  principal.kind === 'organiser'
    ? { kind: 'organiser', name: principal.name }
    : {
        kind: 'member',
        memberId: principal.memberId,
        documentId: principal.documentId,
        name: principal.name,
        delegation: principal.delegation,
        color: principal.color,
        role: principal.role,
        language: principal.language,
      };

/** Turning tokens from links into browser sessions, and telling the browser who it is. */
export function sessionRoutes({ access, secureCookies }: SessionRoutesDeps): Router {
  const router = Router();
  const cookieOptions: CookieOptions = { httpOnly: true, sameSite: 'strict', secure: secureCookies, path: '/' };
  const setSession = (res: Response, token: string) =>
    res.cookie(SESSION_COOKIE, token, { ...cookieOptions, maxAge: SESSION_MAX_AGE_MS });

  router.post('/api/session/organiser', (req, res) => {
    const { token } = parse(OrganiserLoginBody, req.body);
    setSession(res, access.loginOrganiser(token));
    res.json(meOf(access.authenticate(token)!));
  });

  router.post('/api/invites/preview', (req, res) => {
    const { token } = parse(InvitePreviewBody, req.body);
    res.json(access.previewInvite(token));
  });

  router.post('/api/join', (req, res) => {
    const { token, name } = parse(JoinBody, req.body);
    const { sessionToken, principal } = access.join(token, name);
    setSession(res, sessionToken);
    res.status(201).json(meOf(principal));
  });

  router.get('/api/me', (req, res) => {
    res.json(meOf(principalOf(req, res)));
  });

  router.post('/api/logout', (req, res) => {
    const credential = readCredential(req, false);
    if (credential?.via === 'cookie') access.logout(credential.token);
    res.clearCookie(SESSION_COOKIE, cookieOptions);
    res.status(204).end();
  });

  return router;
}
