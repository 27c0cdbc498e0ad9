import { Router } from 'express';
import type { Metrics } from '../../metrics.ts';

/** `databaseLost`: a server whose database file was replaced under it is up but unhealthy until restarted. */
export function healthRoutes(metrics: Metrics, databaseLost: () => string | undefined): Router {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    const lost = databaseLost();
    if (lost === undefined) res.json({ status: 'ok' });
    else res.status(503).json({ status: 'database_lost', reason: 'the database file was replaced or removed; restart Accord' });
  });
  router.get('/metrics', async (_req, res) => {
    res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });
  return router;
}
