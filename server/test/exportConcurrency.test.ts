import { afterAll, beforeAll, expect, it } from 'vitest';
import { type CollabClient, connectClient } from './helpers/collabClient.ts';
import { ORGANISER_TOKEN, type TestServer, startTestServer } from './helpers/testServer.ts';
import { waitFor } from './helpers/waitFor.ts';
import { longDocument } from './longDocumentFixture.ts';

/** A PDF of this many recommendations takes over a second of CPU to render (see `npm run bench`). */
const RECOMMENDATIONS = 120;
const CONCURRENT_EXPORTS = 3;
const KEYSTROKE_INTERVAL_MS = 20;
/** Far below one PDF render: a relay blocked by a render would exceed it several times over. */
const MAX_KEYSTROKE_LATENCY_MS = 300;


let server: TestServer;
let documentId: string;
let writer: CollabClient;
let reader: CollabClient;

const exportPdf = async () => {
  const response = await server.api('GET', `/api/documents/${documentId}/export?format=pdf`);
  expect(response.status).toBe(200);
  return (await response.arrayBuffer()).byteLength;
};

beforeAll(async () => {
  server = await startTestServer();
  documentId = await server.createDocument('Long document');
  writer = await connectClient(server.wsUrl, documentId, ORGANISER_TOKEN);
  reader = await connectClient(server.wsUrl, documentId, ORGANISER_TOKEN);
  writer.replaceContent(longDocument(RECOMMENDATIONS));
  const length = writer.doc.getXmlFragment('default').length;
  await waitFor(() => reader.doc.getXmlFragment('default').length === length, 'the reader to receive the document');
  // Warm-up: the first export loads the renderers and fonts, which is not what this test measures.
  await exportPdf();
});

afterAll(async () => {
  writer?.destroy();
  reader?.destroy();
  await server?.close();
});

it('relays keystrokes promptly while several PDF exports of a long document render', async () => {
  const fragment = reader.doc.getXmlFragment('default');
  const baseLength = fragment.length;
  const sentAt: number[] = [];
  const latencies: number[] = [];
  // Each keystroke appends one paragraph; every one the reader now has but had not seen arrived with this update.
  reader.doc.on('update', () => {
    const now = performance.now();
    while (latencies.length < fragment.length - baseLength && latencies.length < sentAt.length) latencies.push(now - sentAt[latencies.length]!);
  });

  const started = performance.now();
  let exporting = true;
  const exports = Promise.all(Array.from({ length: CONCURRENT_EXPORTS }, exportPdf)).finally(() => (exporting = false));
  while (exporting) {
    sentAt.push(performance.now());
    writer.write(`keystroke ${sentAt.length}`);
    await new Promise((resolve) => setTimeout(resolve, KEYSTROKE_INTERVAL_MS));
  }
  const sizes = await exports;
  const exportMs = performance.now() - started;
  await waitFor(() => latencies.length === sentAt.length, 'every keystroke to reach the reader');

  const maxLatency = Math.max(...latencies);
  console.log(`${CONCURRENT_EXPORTS} PDF exports in ${exportMs.toFixed(0)} ms; ${latencies.length} keystrokes, max latency ${maxLatency.toFixed(0)} ms`);
  expect(sizes.every((size) => size > 0)).toBe(true);
  // The exports really were heavy: otherwise a short latency would prove nothing.
  expect(exportMs).toBeGreaterThan(1000);
  expect(maxLatency).toBeLessThan(MAX_KEYSTROKE_LATENCY_MS);
});
