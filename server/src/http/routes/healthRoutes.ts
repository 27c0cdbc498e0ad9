import { Router } from 'express';
import type { Metrics } from '../../metrics.ts';

type Up = 'up' | 'down';

/** What the server needs, as it answers now: the database always; Redis when it is one of a cluster. */
export interface Dependencies {
  database: Up;
  redis?: Up;
}

/**
 * `databaseLost`: a server whose database file was replaced under it is up but unhealthy until restarted. A database
 * that does not answer (PostgreSQL down) makes the process unhealthy until it does: a load balancer sends its clients
 * elsewhere. Redis down does not: it is the same Redis for every process, each still serves its clients correctly
 * (documents are repaired from the database), and taking every process out at once would stop the service.
 */
export function healthRoutes(metrics: Metrics, databaseLost: () => string | undefined, dependencies: () => Dependencies): Router {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    const lost = databaseLost();
    const now = dependencies();
    if (lost !== undefined) {
      res.status(503).json({ status: 'database_lost', reason: 'the database file was replaced or removed; restart Accord', dependencies: now });
    } else if (now.database === 'down') {
      res.status(503).json({ status: 'database_unavailable', reason: 'the database does not answer', dependencies: now });
    } else {
      res.json({ status: 'ok', dependencies: now });
    }
  });
  router.get('/metrics', async (_req, res) => {
    res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });
  return router;
}
