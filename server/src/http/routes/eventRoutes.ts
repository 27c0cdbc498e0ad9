import { Router } from 'express';
import { CONSENSUS_EVENTS } from '../../../../shared/api/consensus.ts';
import { PROCEDURE_EVENTS } from '../../../../shared/api/procedures.ts';
import { THREAD_EVENTS } from '../../../../shared/api/threads.ts';
import type { AccessService } from '../../services/access/index.ts';
import type { ConsensusService } from '../../services/consensus/index.ts';
import type { ProcedureService } from '../../services/procedures/index.ts';
import type { ThreadService } from '../../services/threads/index.ts';
import { principalOf } from '../authenticate.ts';
import { readCredential } from '../credentials.ts';

export interface EventRoutesDeps {
  threads: ThreadService;
  consensus: ConsensusService;
  procedures: ProcedureService;
  access: AccessService;
  /** A comment line this often keeps proxies and idle timeouts from closing a quiet stream. */
  heartbeatMs?: number;
}

/** How long a browser waits before reconnecting a dropped stream (EventSource reconnects by itself). */
const RETRY_MS = 2000;

/**
 * The live channel: one Server-Sent Events stream per client and document. Every event is filtered for its recipient,
 * so a thread outside someone's visibility never reaches them.
 */
export function eventRoutes({ threads, consensus, procedures, access, heartbeatMs = 25_000 }: EventRoutesDeps): Router {
  const router = Router();

  router.get('/api/documents/:id/events', (req, res) => {
    const principal = principalOf(req, res);
    const token = readCredential(req, false)?.token;
    const write = (event: string, data: unknown) => res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
    const end = () => {
      if (!res.writableEnded) res.end();
    };
    const watch = threads.watch(
      principal,
      req.params.id,
      () => access.authenticate(token),
      (thread) => write(THREAD_EVENTS.changed, thread),
      end,
    );
    const consensusWatch = consensus.watch(
      principal,
      req.params.id,
      () => access.authenticate(token),
      (recommendation) => write(CONSENSUS_EVENTS.changed, recommendation),
      end,
    );
    const procedureWatch = procedures.watch(
      principal,
      req.params.id,
      () => access.authenticate(token),
      (current) => write(PROCEDURE_EVENTS.snapshot, current),
      end,
    );
    res.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-cache, no-transform',
      Connection: 'keep-alive',
      // nginx would otherwise buffer the stream and deliver events late.
      'X-Accel-Buffering': 'no',
    });
    res.write(`retry: ${RETRY_MS}\n\n`);
    write(THREAD_EVENTS.snapshot, { threads: watch.threads });
    write(CONSENSUS_EVENTS.snapshot, { recommendations: consensusWatch.recommendations });
    write(PROCEDURE_EVENTS.snapshot, procedureWatch.procedures);
    const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), heartbeatMs);
    res.on('close', () => {
      clearInterval(heartbeat);
      watch.stop();
      consensusWatch.stop();
      procedureWatch.stop();
    });
  });

  return router;
}
