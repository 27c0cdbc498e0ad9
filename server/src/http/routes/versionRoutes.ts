import { Router } from 'express';
import { CompareQuery, CreateVersionBody, FreezeBody, VersionContentQuery } from '../../../../shared/api/versions.ts';
import type { VersionService } from '../../services/versions/index.ts';
import { principalOf } from '../authenticate.ts';
import { parse } from '../validate.ts';

/** Versions: list, name, view, compare, restore; and freezing the document. */
export function versionRoutes(versions: VersionService): Router {
  const router = Router();

  router.get('/api/documents/:id/versions', (req, res) => {
    res.json({ versions: versions.list(principalOf(req, res), req.params.id) });
  });

  router.post('/api/documents/:id/versions', (req, res) => {
    const principal = principalOf(req, res);
    const { name } = parse(CreateVersionBody, req.body);
    res.status(201).json(versions.create(principal, req.params.id, name));
  });

  router.get('/api/documents/:id/versions/:versionId', async (req, res) => {
    const principal = principalOf(req, res);
    const { language } = parse(VersionContentQuery, req.query);
    res.json(await versions.content(principal, req.params.id, req.params.versionId, language));
  });

  router.get('/api/documents/:id/compare', async (req, res) => {
    const principal = principalOf(req, res);
    const { from, to, language } = parse(CompareQuery, req.query);
    res.json(await versions.compare(principal, req.params.id, from, to, language));
  });

  router.post('/api/documents/:id/versions/:versionId/restore', async (req, res) => {
    res.json({ savedBefore: await versions.restore(principalOf(req, res), req.params.id, req.params.versionId) });
  });

  router.post('/api/documents/:id/freeze', (req, res) => {
    const principal = principalOf(req, res);
    const { frozen } = parse(FreezeBody, req.body);
    const snapshot = versions.setFrozen(principal, req.params.id, frozen);
    res.json({ frozen, snapshot: snapshot ?? null });
  });

  return router;
}
