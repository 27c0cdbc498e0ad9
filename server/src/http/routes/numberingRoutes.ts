import { Router } from 'express';
import type { NumberingService } from '../../services/numbering/index.ts';
import { principalOf } from '../authenticate.ts';

/** Stable numbers: read, lock (rapporteurs and organisers), renumber (organisers). Each answer is the numbering. */
export function numberingRoutes(numbering: NumberingService): Router {
  const router = Router();
  const base = '/api/documents/:id/numbering';

  router.get(base, (req, res) => {
    res.json(numbering.get(principalOf(req, res), req.params.id));
  });

  router.post(`${base}/lock`, (req, res) => {
    res.json(numbering.lock(principalOf(req, res), req.params.id));
  });

  router.post(`${base}/renumber`, (req, res) => {
    res.json(numbering.renumber(principalOf(req, res), req.params.id));
  });

  return router;
}
