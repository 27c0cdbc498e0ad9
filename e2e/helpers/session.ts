import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchChromium } from './browser.ts';
import { type E2eServer, startE2eServer } from './e2eServer.ts';

export interface E2eSession {
  server: E2eServer;
  browser: Browser;
}

/**
 * Registers the hooks every e2e file needs: before its tests, the Accord server (`env` overrides its settings) and
 * Chromium (`chromiumArgs` adds switches) start side by side; after them, both stop. The returned object is filled in
 * by the time the file's own `beforeAll` hooks (registered after this call, so run after these) and tests run.
 */
export function useE2eSession(options: { env?: Record<string, string>; chromiumArgs?: readonly string[] } = {}): E2eSession {
  const session = {} as Partial<E2eSession>;
  beforeAll(async () => {
    // Each is kept as soon as it is up, so that afterAll stops it even if the other failed to start.
    await Promise.all([
      startE2eServer(options.env).then((server) => (session.server = server)),
      launchChromium(options.chromiumArgs).then((browser) => (session.browser = browser)),
    ]);
  });
  afterAll(async () => {
    await session.browser?.close();
    await session.server?.close();
  });
  return session as E2eSession;
}
