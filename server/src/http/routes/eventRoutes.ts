import { Router } from 'express';
import type { AccessService } from '../../services/access/index.ts';
import type { LiveChannel } from '../../services/liveChannel/index.ts';
import { principalOf } from '../authenticate.ts';
import { readCredential } from '../credentials.ts';

export interface EventRoutesDeps {
  live: LiveChannel;
  access: AccessService;
  /** A comment line this often keeps proxies and idle timeouts from closing a quiet stream. */
  heartbeatMs?: number;
}

/** How long a browser waits before reconnecting a dropped stream (EventSource reconnects by itself). */
const RETRY_MS = 2000;

/**
 * The live channel: one Server-Sent Events stream per tab and document, carrying every kind of event registered on
 * the LiveChannel. Every change is filtered for its recipient, so a thread outside someone's visibility never
 * reaches them.
 */
export function eventRoutes({ live, access, heartbeatMs = 25_000 }: EventRoutesDeps): Router {
  const router = Router();

  router.get('/api/documents/:id/events', (req, res) => {
    const principal = principalOf(req, res);
    const token = readCredential(req, false)?.token;
    // Events leave in the order they were given: a snapshot computed asynchronously goes before the changes after it.
    let sending = Promise.resolve();
    const write = (event: string, data: unknown) => {
      const value = Promise.resolve(data);
      // Handled in turn below; marked now so a snapshot failing while an earlier one is pending is no unhandled rejection.
      value.catch(() => undefined);
      sending = sending
        .then(() => value)
        .then(
          (ready) => void (res.writableEnded || res.write(`event: ${event}\ndata: ${JSON.stringify(ready)}\n\n`)),
          // A snapshot that failed is left out; the next change of its kind carries the whole state anyway.
          () => undefined,
        );
    };
    const end = () => {
      if (!res.writableEnded) res.end();
    };
    const subscription = live.subscribe(principal, req.params.id, () => access.authenticate(token), write, end);
    res.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-cache, no-transform',
      Connection: 'keep-alive',
      // nginx would otherwise buffer the stream and deliver events late.
      'X-Accel-Buffering': 'no',
    });
    res.write(`retry: ${RETRY_MS}\n\n`);
    for (const { event, data } of subscription.snapshots) write(event, data);
    const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), heartbeatMs);
    res.on('close', () => {
      clearInterval(heartbeat);
      subscription.stop();
    });
  });

  return router;
}
