import { Router } from 'express';
import { CreateDocumentBody, CreateInviteBody, SheetNumber } from '../../../../shared/api/documents.ts';
import { ENGLISH_LANGUAGE_NAMES } from '../../../../shared/domain/languages.ts';
import { AppError } from '../../errors.ts';
import type { AccessService } from '../../services/access/index.ts';
import type { DocumentService } from '../../services/documents/index.ts';
import type { LanguageService } from '../../services/languages/index.ts';
import { baseUrlOf, principalOf } from '../authenticate.ts';
import { parse } from '../validate.ts';

export interface DocumentRoutesDeps {
  documents: DocumentService;
  access: AccessService;
  languages: Pick<LanguageService, 'versionsOf'>;
  /** Read at each request: in LAN mode it is known only once the server listens. */
  publicUrl: () => string | undefined;
}

/** Documents, their invites and their members. */
export function documentRoutes({ documents, access, languages, publicUrl }: DocumentRoutesDeps): Router {
  const router = Router();

  router.post('/api/documents', (req, res) => {
    const principal = principalOf(req, res);
    res.status(201).json(documents.create(principal, parse(CreateDocumentBody, req.body)));
  });

  router.get('/api/documents', (req, res) => {
    res.json({ documents: documents.list(principalOf(req, res)) });
  });

  router.get('/api/documents/:id', (req, res) => {
    res.json(documents.get(principalOf(req, res), req.params.id));
  });

  router.post('/api/documents/:id/invites', (req, res) => {
    documents.authorize(principalOf(req, res), req.params.id, 'invite.manage');
    const body = parse(CreateInviteBody, req.body);
    if (body.role === 'translator' && !languages.versionsOf(req.params.id).includes(body.language)) {
      const name = ENGLISH_LANGUAGE_NAMES[body.language];
      throw new AppError('no_language_version', `This document has no ${name} version yet: add it under Languages in the editor first.`);
    }
    const principal = principalOf(req, res);
    res.status(201).json(access.createInvite(req.params.id, body, baseUrlOf(req, publicUrl()), principal.name));
  });

  router.get('/api/documents/:id/invites', (req, res) => {
    documents.authorize(principalOf(req, res), req.params.id, 'invite.manage');
    res.json({ invites: access.listInvites(req.params.id) });
  });

  router.delete('/api/documents/:id/invites/:inviteId', (req, res) => {
    documents.authorize(principalOf(req, res), req.params.id, 'invite.manage');
    res.json(access.revokeInvite(req.params.id, req.params.inviteId));
  });

  router.post('/api/documents/:id/invites/:inviteId/qr', (req, res) => {
    documents.authorize(principalOf(req, res), req.params.id, 'invite.manage');
    res.json(access.markShownAsQr(req.params.id, req.params.inviteId));
  });

  router.delete('/api/documents/:id/invite-sheets/:sheetNumber', (req, res) => {
    documents.authorize(principalOf(req, res), req.params.id, 'invite.manage');
    res.json(access.revokeSheet(req.params.id, parse(SheetNumber, req.params.sheetNumber)));
  });

  router.get('/api/documents/:id/members', (req, res) => {
    documents.authorize(principalOf(req, res), req.params.id, 'document.read');
    res.json({ members: access.listMembers(req.params.id) });
  });

  return router;
}
