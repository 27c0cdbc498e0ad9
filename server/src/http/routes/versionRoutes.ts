import { Router } from 'express';
import { z } from 'zod';
import { CreateVersionBody, FreezeBody } from '../../../../shared/api/versions.ts';
import type { VersionService } from '../../services/versions/index.ts';
import { principalOf } from '../authenticate.ts';
import { parse } from '../validate.ts';

const CompareQuery = z.object({ from: z.string().min(1), to: z.string().min(1).default('current') });

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
    res.json(await versions.content(principalOf(req, res), req.params.id, req.params.versionId));
  });

  router.get('/api/documents/:id/compare', async (req, res) => {
    const principal = principalOf(req, res);
    const { from, to } = parse(CompareQuery, req.query);
    res.json(await versions.compare(principal, req.params.id, from, to));
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
