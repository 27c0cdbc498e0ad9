/**
 * The load generator, run as a child process of the benchmark so its CPU is not the server's: real y-websocket
 * WebsocketProvider clients over `ws`, each with its own Y.Doc, in one document. Writers type one character per update
 * into their own paragraph of the Y.XmlFragment('default') Tiptap uses; every other client measures how long each
 * character took to arrive (all clients share this process's clock).
 *
 * Protocol (Node IPC): receive `start` → connect and sync → send `ready` → receive `go` → type for the scenario's
 * seconds, wait for the last deliveries → send `done` with the figures → exit.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import type { FromGenerator, LoadResult, LoadScenario, LoadTarget, ToGenerator } from './lib/loadGeneratorProtocol.ts';
import { waitFor } from './lib/waitFor.ts';

const CONNECT_TIMEOUT_MS = 30_000;
/** After the last keystroke, how long to wait for deliveries still in flight before counting the rest as lost. */
const DRAIN_TIMEOUT_MS = 10_000;
const ALPHABET = 'abcdefghijklmnopqrstuvwxyz ';
/** The event loop delay monitor samples this often; its histogram holds interval + lag, so lag = value - this. */
const LOOP_SAMPLE_MS = 10;

interface Client {
  doc: Y.Doc;
  provider: WebsocketProvider;
}

/** Resolves once the message is handed to the channel: disconnecting before that drops a large result. */
function send(message: FromGenerator): Promise<void> {
  return new Promise((resolve, reject) => {
    process.send!(message, undefined, {}, (error: Error | null) => (error ? reject(error) : resolve()));
  });
}

function nextMessage(): Promise<ToGenerator> {
  return new Promise((resolve) => process.once('message', (message: ToGenerator) => resolve(message)));
}

function connect(target: LoadTarget): Client {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(target.wsUrl, target.room, doc, {
    params: target.params,
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    // Clients in one process would otherwise talk over BroadcastChannel and bypass the server.
    disableBc: true,
  });
  return { doc, provider };
}

async function run(target: LoadTarget, scenario: LoadScenario): Promise<LoadResult> {
  const setupStart = performance.now();
  const clients = Array.from({ length: scenario.clients }, () => connect(target));
  await waitFor(() => clients.every((client) => client.provider.synced), 'every client to sync', CONNECT_TIMEOUT_MS);

  // Each writer gets its own paragraph, as a delegate typing in their own place in the text.
  const writers = clients.slice(0, scenario.writers).map(({ doc }) => {
    const text = new Y.XmlText();
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [text]);
    const fragment = doc.getXmlFragment('default');
    fragment.insert(fragment.length, [paragraph]);
    return { doc, text };
  });
  await waitFor(
    () => clients.every(({ doc }) => doc.getXmlFragment('default').length === scenario.writers),
    "every client to receive the writers' paragraphs",
    CONNECT_TIMEOUT_MS,
  );
  const setupMs = performance.now() - setupStart;

  // When each character was typed, by writer client id and Yjs clock (one clock tick per character).
  const sentAt = new Map<number, Map<number, number>>(writers.map(({ doc }) => [doc.clientID, new Map()]));
  const latenciesMs: number[] = [];
  for (const { doc } of clients) {
    doc.on('afterTransaction', (transaction: Y.Transaction) => {
      if (transaction.local) return;
      const now = performance.now();
      for (const [clientId, after] of transaction.afterState) {
        const times = sentAt.get(clientId);
        if (!times) continue;
        for (let clock = transaction.beforeState.get(clientId) ?? 0; clock < after; clock++) {
          const typedAt = times.get(clock);
          if (typedAt !== undefined) latenciesMs.push(now - typedAt);
        }
      }
    });
  }

  await send({ type: 'ready' });
  const go = await nextMessage();
  if (go.type !== 'go') throw new Error(`expected go, got ${go.type}`);

  const eventLoopDelay = monitorEventLoopDelay({ resolution: LOOP_SAMPLE_MS });
  eventLoopDelay.enable();
  const cpuBefore = process.cpuUsage();
  const start = performance.now();
  const intervalMs = 1000 / scenario.charsPerSecond;
  const perWriter = Math.round(scenario.seconds * scenario.charsPerSecond);
  let sent = 0;

  // Each writer keeps its own fixed schedule (no drift), offset so writers do not all type in the same instant.
  await Promise.all(
    writers.map(({ doc, text }, index) => {
      const times = sentAt.get(doc.clientID)!;
      let typed = 0;
      return new Promise<void>((resolve) => {
        const type = () => {
          times.set(Y.getState(doc.store, doc.clientID), performance.now());
          text.insert(text.length, ALPHABET[typed % ALPHABET.length]!);
          sent++;
          if (++typed === perWriter) return resolve();
          const due = start + (index / writers.length + typed) * intervalMs;
          setTimeout(type, Math.max(0, due - performance.now()));
        };
        setTimeout(type, (index / writers.length) * intervalMs);
      });
    }),
  );

  const expected = sent * (scenario.clients - 1);
  await waitFor(() => latenciesMs.length >= expected, 'the last deliveries', DRAIN_TIMEOUT_MS).catch(() => undefined);
  const windowMs = performance.now() - start;
  const cpu = process.cpuUsage(cpuBefore);
  eventLoopDelay.disable();

  const contents = clients.map(({ doc }) => doc.getXmlFragment('default').toString());
  for (const { provider } of clients) provider.destroy();
  return {
    sent,
    delivered: latenciesMs.length,
    expected,
    latenciesMs,
    windowMs,
    cpuMs: (cpu.user + cpu.system) / 1000,
    eventLoopLagP99Ms: Math.max(0, eventLoopDelay.percentile(99) / 1e6 - LOOP_SAMPLE_MS),
    converged: contents.every((content) => content === contents[0]),
    setupMs,
  };
}

async function main(): Promise<void> {
  if (!process.send) throw new Error('loadGenerator.ts runs as a child process of the benchmark (it needs an IPC channel)');
  const start = await nextMessage();
  if (start.type !== 'start') throw new Error(`expected start, got ${start.type}`);
  const result = await run(start.target, start.scenario);
  await send({ type: 'done', result });
}

main().then(
  () => process.disconnect(),
  async (error: unknown) => {
    process.exitCode = 1;
    await send({ type: 'failed', message: (error as Error).stack ?? String(error) }).catch(() => undefined);
    // Sockets may still be open: do not wait for them.
    process.exit();
  },
);
