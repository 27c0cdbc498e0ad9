import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import type { RequestListener } from 'node:http';
import { ConfigError } from '../config.ts';

/**
 * A request head must arrive within 10 s, checked every second (Node answers 408 and closes, also for a connection
 * that never sends a byte); a whole request within 30 s.
 */
const TIMEOUTS = { headersTimeout: 10_000, requestTimeout: 30_000, connectionsCheckingInterval: 1000 };

function readPem(file: string, variable: string): Buffer {
  try {
    return fs.readFileSync(file);
  } catch (error) {
    throw new ConfigError(`Invalid configuration:\n  ${variable}: cannot read ${file} (${(error as Error).message})`);
  }
}

/** An HTTPS server when a certificate and key are given (then websockets are WSS), else plain HTTP. */
export function createHttpServer(app: RequestListener, tls: { certFile: string; keyFile: string } | undefined): http.Server {
  return tls
    ? https.createServer({ ...TIMEOUTS, cert: readPem(tls.certFile, 'ACCORD_TLS_CERT'), key: readPem(tls.keyFile, 'ACCORD_TLS_KEY') }, app)
    : http.createServer(TIMEOUTS, app);
}
