/**
 * Client load benchmark, and the two budgets of a first visit over venue Wi-Fi:
 * - bytes the browser receives for a first visit to an invite link (join page, name, join) until the editor is
 *   editable, as they cross the network (counted by a TCP relay: HTTP headers and compressed bodies, the
 *   collaboration socket's frames as sent): budget 200 KB;
 * - time from navigation until a document of 100 recommendations is editable, with Chromium's CPU slowed 4× and a
 *   1.6 Mbps / 150 ms round-trip network (CDP emulation), median of 5: budget 3 s.
 * Each run uses a fresh browser profile, so nothing comes from the HTTP cache, the service worker or IndexedDB. The
 * client is built first (vite build), as `npm start` would serve it.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { getSchema } from '@tiptap/core';
import { prosemirrorJSONToYDoc } from '@tiptap/y-tiptap';
import { type Browser, chromium, type Page } from 'playwright-core';
import pino from 'pino';
import { build } from 'vite';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { schemaExtensions } from '../shared/editor/schemaExtensions.ts';
import { loadConfig } from '../server/src/config.ts';
import { startServer } from '../server/src/server.ts';
import { createBenchDocument } from './lib/accordDocument.ts';
import { type CountingProxy, startCountingProxy } from './lib/countingProxy.ts';
import { percentile } from './lib/percentiles.ts';
import { fixed, formatTable } from './lib/table.ts';
import { waitFor } from './lib/waitFor.ts';

const CLIENT_DIR = path.resolve('dist/client');
const ORGANISER_TOKEN = 'organiser-token-for-client-load-bench';
const RECOMMENDATIONS = 100;
const RUNS = 5;
const BYTES_BUDGET = 200 * 1024;
const TIME_BUDGET_MS = 3000;
/** Venue Wi-Fi shared by fifty people, as the budget states it. */
const SLOW_NETWORK = { offline: false, latency: 150, downloadThroughput: 1_600_000 / 8, uploadThroughput: 1_600_000 / 8 };
const CPU_SLOWDOWN = 4;

/** The JavaScript index.html loads before anything else: its entry script and the chunks it preloads. */
function initialJavaScript(): { files: string[]; rawBytes: number; brotliBytes: number } {
  const html = fs.readFileSync(path.join(CLIENT_DIR, 'index.html'), 'utf8');
  const files = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.js)"/g)].map((match) => match[1]!);
  let rawBytes = 0;
  let brotliBytes = 0;
  for (const file of files) {
    const bytes = fs.readFileSync(path.join(CLIENT_DIR, file));
    rawBytes += bytes.length;
    brotliBytes += zlib.brotliCompressSync(bytes).length;
  }
  return { files, rawBytes, brotliBytes };
}

/** The whole built client's JavaScript: how many chunks, raw bytes. */
function allJavaScript(): { files: number; rawBytes: number } {
  const files = fs.readdirSync(path.join(CLIENT_DIR, 'assets')).filter((name) => name.endsWith('.js'));
  return { files: files.length, rawBytes: files.reduce((sum, name) => sum + fs.statSync(path.join(CLIENT_DIR, 'assets', name)).size, 0) };
}

/** A document of `count` recommendations of one long sentence each, with stable ids `bench-rec-<index>`. */
export function recommendationsDocument(count: number) {
  const sentence =
    'Prosecutors should make early use of EUROJUST for coordination meetings and joint investigation teams, and of EUROPOL for the analysis of battlefield information.';
  return {
    type: 'doc',
    content: Array.from({ length: count }, (_, index) => ({
      type: 'recommendation',
      attrs: { id: `bench-rec-${index}` },
      content: [{ type: 'paragraph', content: [{ type: 'text', text: `${index + 1}. ${sentence}` }] }],
    })),
  };
}

/** Writes the content through the collaboration socket, as a client would, and waits until a second client reads it. */
async function seed(wsUrl: string, documentId: string): Promise<void> {
  const source = prosemirrorJSONToYDoc(getSchema(schemaExtensions()), recommendationsDocument(RECOMMENDATIONS), 'default');
  const writer = new WebsocketProvider(wsUrl, documentId, source, { WebSocketPolyfill: WebSocket as never, params: { token: ORGANISER_TOKEN }, disableBc: true });
  const reader = new Y.Doc();
  const check = new WebsocketProvider(wsUrl, documentId, reader, { WebSocketPolyfill: WebSocket as never, params: { token: ORGANISER_TOKEN }, disableBc: true });
  try {
    await waitFor(() => reader.getXmlFragment('default').length === RECOMMENDATIONS, 'the seeded document on the server', 20_000);
  } finally {
    writer.destroy();
    check.destroy();
  }
}

/** Resolves with performance.now() once the editor takes typing and shows all the recommendations, connected. */
async function editableAt(page: Page): Promise<number> {
  const ready = await page.waitForFunction(
    (count) =>
      document.querySelector('.document[contenteditable="true"]') &&
      document.querySelectorAll('.document section.recommendation').length === count &&
      document.querySelector('.connection[data-status="connected"]') &&
      performance.now(),
    RECOMMENDATIONS,
    { timeout: 60_000, polling: 'raf' },
  );
  return (await ready.jsonValue()) as number;
}

async function firstVisitBytes(browser: Browser, proxy: CountingProxy, inviteToken: string, run: number): Promise<number> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    proxy.reset();
    await page.goto(`${proxy.url}/join#${inviteToken}`);
    await page.getByLabel('Your name').fill(`Visitor ${run}`);
    await page.getByRole('button', { name: 'Join the document' }).click();
    await editableAt(page);
    return proxy.received();
  } finally {
    await context.close();
  }
}

async function slowLoadTime(browser: Browser, serverUrl: string, documentId: string, inviteToken: string, run: number): Promise<number> {
  const context = await browser.newContext();
  try {
    // The session cookie comes from joining through the API; the page load measured is the document's alone.
    const joined = await context.request.post(`${serverUrl}/api/join`, { data: { token: inviteToken, name: `Bench ${run}` } });
    if (!joined.ok()) throw new Error(`join failed: ${joined.status()}`);
    const page = await context.newPage();
    const session = await context.newCDPSession(page);
    await session.send('Network.enable');
    await session.send('Network.emulateNetworkConditions', SLOW_NETWORK);
    await session.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
    await page.goto(`${serverUrl}/documents/${documentId}`, { timeout: 60_000 });
    return await editableAt(page);
  } finally {
    await context.close();
  }
}

const verdict = (value: number, budget: number) => (value <= budget ? 'within budget' : 'OVER budget');

export async function runClientLoad(): Promise<void> {
  console.log(`Client load — first visit bytes and time to an editable document of ${RECOMMENDATIONS} recommendations (Chromium)\n`);
  await build({ configFile: path.resolve('vite.config.ts'), logLevel: 'error' });
  const initial = initialJavaScript();
  const all = allJavaScript();

  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'accord-bench-client-'));
  const server = await startServer(
    loadConfig({ PORT: '0', HOST: '127.0.0.1', ACCORD_DATA_DIR: dataDir, ACCORD_ORGANISER_TOKEN: ORGANISER_TOKEN, ACCORD_SEED_DEMO: 'false', LOG_LEVEL: 'silent' }),
    pino({ level: 'silent' }),
  );
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const { documentId, inviteToken } = await createBenchDocument(server.url, ORGANISER_TOKEN, 'Client load benchmark');
    await seed(`${server.url.replace(/^http/, 'ws')}/collab`, documentId);

    const proxy = await startCountingProxy(new URL(server.url));
    const bytes: number[] = [];
    try {
      for (let run = 0; run < 3; run++) bytes.push(await firstVisitBytes(browser, proxy, inviteToken, run));
    } finally {
      await proxy.close();
    }
    const times: number[] = [];
    for (let run = 0; run < RUNS; run++) times.push(await slowLoadTime(browser, server.url, documentId, inviteToken, run));
    times.sort((a, b) => a - b);
    const firstVisit = Math.max(...bytes);
    const median = percentile(times, 50);

    console.log(
      formatTable(
        ['JS chunks', 'all JS raw kB', 'initial JS files', 'initial JS raw kB', 'initial JS br kB'],
        [[String(all.files), fixed(all.rawBytes / 1024, 1), String(initial.files.length), fixed(initial.rawBytes / 1024, 1), fixed(initial.brotliBytes / 1024, 1)]],
      ),
    );
    console.log('');
    console.log(
      formatTable(
        ['budget', 'measured', 'limit', ''],
        [
          ['first visit to an invite link until editable, bytes received', `${fixed(firstVisit / 1024, 1)} KB`, `${fixed(BYTES_BUDGET / 1024, 0)} KB`, verdict(firstVisit, BYTES_BUDGET)],
          [
            `editable, ${RECOMMENDATIONS} recommendations, 4× CPU, 1.6 Mbps / 150 ms (median of ${RUNS})`,
            `${fixed(median, 0)} ms`,
            `${TIME_BUDGET_MS} ms`,
            verdict(median, TIME_BUDGET_MS),
          ],
        ],
      ),
    );
    console.log(`  first visits (KB): ${bytes.map((value) => fixed(value / 1024, 1)).join(', ')}; slow loads (ms): ${times.map((value) => fixed(value, 0)).join(', ')}`);
    console.log('');
  } finally {
    await browser.close();
    await server.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
