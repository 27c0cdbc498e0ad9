/**
 * Client load benchmark: the built client's initial JavaScript (gzip), and the time from navigation start to an
 * editable, synced document of 100 recommendations in Chromium, against the real server in this process.
 * Each run uses a fresh browser profile, so nothing comes from the HTTP cache, the service worker or IndexedDB.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { getSchema } from '@tiptap/core';
import { prosemirrorJSONToYDoc } from '@tiptap/y-tiptap';
import { chromium } from 'playwright-core';
import pino from 'pino';
import { build } from 'vite';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { schemaExtensions } from '../shared/editor/schemaExtensions.ts';
import { loadConfig } from '../server/src/config.ts';
import { startServer } from '../server/src/server.ts';
import { createBenchDocument } from './lib/accordDocument.ts';
import { percentile } from './lib/percentiles.ts';
import { fixed, formatTable } from './lib/table.ts';
import { waitFor } from './lib/waitFor.ts';

const CLIENT_DIR = path.resolve('dist/client');
const ORGANISER_TOKEN = 'organiser-token-for-client-load-bench';
const RECOMMENDATIONS = 100;
const RUNS = 5;

/** The JavaScript index.html loads before anything else: its entry script and the chunks it preloads. */
function initialJavaScript(): { files: string[]; rawBytes: number; gzipBytes: number } {
  const html = fs.readFileSync(path.join(CLIENT_DIR, 'index.html'), 'utf8');
  const files = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.js)"/g)].map((match) => match[1]!);
  let rawBytes = 0;
  let gzipBytes = 0;
  for (const file of files) {
    const bytes = fs.readFileSync(path.join(CLIENT_DIR, file));
    rawBytes += bytes.length;
    gzipBytes += zlib.gzipSync(bytes, { level: 9 }).length;
  }
  return { files, rawBytes, gzipBytes };
}

function recommendationsDocument(count: number) {
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

export async function runClientLoad(): Promise<void> {
  console.log(`Client load — initial JS and time to an editable document of ${RECOMMENDATIONS} recommendations (Chromium)\n`);
  await build({ configFile: path.resolve('vite.config.ts'), logLevel: 'error' });
  const js = initialJavaScript();

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

    const times: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const context = await browser.newContext();
      // The session cookie comes from joining through the API; the page load measured is the document's alone.
      const joined = await context.request.post(`${server.url}/api/join`, { data: { token: inviteToken, name: `Bench ${run}` } });
      if (!joined.ok()) throw new Error(`join failed: ${joined.status()}`);
      const page = await context.newPage();
      await page.goto(`${server.url}/documents/${documentId}`);
      const readyAt = await page.waitForFunction(
        (count) =>
          document.querySelector('.document[contenteditable="true"]') &&
          document.querySelectorAll('.document section.recommendation').length === count &&
          document.querySelector('.connection[data-status="connected"]') &&
          performance.now(),
        RECOMMENDATIONS,
        { timeout: 30_000, polling: 'raf' },
      );
      times.push((await readyAt.jsonValue()) as number);
      await context.close();
    }
    times.sort((a, b) => a - b);
    console.log(
      formatTable(
        ['initial JS files', 'raw kB', 'gzip kB', 'runs', 'editable: median ms', 'min ms', 'max ms'],
        [
          [
            String(js.files.length),
            fixed(js.rawBytes / 1024, 1),
            fixed(js.gzipBytes / 1024, 1),
            String(RUNS),
            fixed(percentile(times, 50), 0),
            fixed(times[0]!, 0),
            fixed(times.at(-1)!, 0),
          ],
        ],
      ),
    );
    console.log('');
  } finally {
    await browser.close();
    await server.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
