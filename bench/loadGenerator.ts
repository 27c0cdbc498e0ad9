/**
 * The load generator, run as a child process of the benchmark so its CPU is not the server's: real providers over
 * `ws` (y-websocket's WebsocketProvider, or Hocuspocus's own provider for Hocuspocus), each with its own Y.Doc.
 * Writers type one character per update into their own paragraph of the Y.XmlFragment('default') Tiptap uses; every
 * other client measures how long each character took to arrive (all clients share this process's clock).
 *
 * Protocol (Node IPC): receive `start` with a task → set it up → send `ready` → receive `go` → run the measured part
 * → send `done` with the figures → exit. See loadGeneratorProtocol.ts for the tasks.
 */
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import type {
  ColdSyncResult,
  DocumentsResult,
  FanoutResult,
  FromGenerator,
  GroupDeliveries,
  LoadResult,
  LoadRoom,
  LoadScenario,
  LoadTarget,
  LoadTask,
  PopulateResult,
  ToGenerator,
} from './lib/loadGeneratorProtocol.ts';
import { waitFor } from './lib/waitFor.ts';

const CONNECT_TIMEOUT_MS = 60_000;
/** After the last keystroke, how long to wait for deliveries still in flight before counting the rest as lost. */
const DRAIN_TIMEOUT_MS = 10_000;
const ALPHABET = 'abcdefghijklmnopqrstuvwxyz ';
/** The event loop delay monitor samples this often; its histogram holds interval + lag, so lag = value - this. */
const LOOP_SAMPLE_MS = 10;
/** Populating types this many characters, then waits for the observer to hold them, so the server is never flooded. */
const POPULATE_CHUNK = 1000;

interface Client {
  doc: Y.Doc;
  synced(): boolean;
  destroy(): void;
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

async function expectGo(): Promise<void> {
  const go = await nextMessage();
  if (go.type !== 'go') throw new Error(`expected go, got ${go.type}`);
}

/** A real client of the target's own kind, one websocket each (no multiplexing, no BroadcastChannel). */
function connect(target: LoadTarget, room: LoadRoom): Client {
  const doc = new Y.Doc();
  if (target.protocol === 'hocuspocus') {
    const websocketProvider = new HocuspocusProviderWebsocket({ url: target.wsUrl, WebSocketPolyfill: WebSocket });
    const provider = new HocuspocusProvider({ websocketProvider, name: room.room, document: doc, token: room.params.token ?? null });
    // A provider given its own websocket does not attach itself.
    provider.attach();
    return {
      doc,
      synced: () => provider.isSynced,
      destroy: () => {
        provider.destroy();
        websocketProvider.destroy();
      },
    };
  }
  const provider = new WebsocketProvider(target.wsUrl, room.room, doc, {
    params: room.params,
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    // Clients in one process would otherwise talk over BroadcastChannel and bypass the server.
    disableBc: true,
  });
  return { doc, synced: () => provider.synced, destroy: () => provider.destroy() };
}

/** Adds a paragraph at the end of the document and returns its text. */
function addParagraph(doc: Y.Doc): Y.XmlText {
  const text = new Y.XmlText();
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [text]);
  const fragment = doc.getXmlFragment('default');
  fragment.insert(fragment.length, [paragraph]);
  return text;
}

/** Characters in the document's first paragraph (0 while it has none). */
function firstParagraphLength(doc: Y.Doc): number {
  const paragraph = doc.getXmlFragment('default').get(0);
  const text = paragraph instanceof Y.XmlElement ? paragraph.get(0) : undefined;
  return text instanceof Y.XmlText ? text.length : 0;
}

function cpuMsSince(before: NodeJS.CpuUsage): number {
  const cpu = process.cpuUsage(before);
  return (cpu.user + cpu.system) / 1000;
}

async function fanout(target: LoadTarget, scenario: LoadScenario): Promise<FanoutResult> {
  const setupStart = performance.now();
  const groups = target.groups ?? [{}];
  const groupOf = (index: number) => index % groups.length;
  const room = target.rooms[0]!;
  const clients = Array.from({ length: scenario.clients }, (_, index) =>
    connect(target, { ...room, params: { ...room.params, ...groups[groupOf(index)] } }),
  );
  await waitFor(() => clients.every((client) => client.synced()), 'every client to sync', CONNECT_TIMEOUT_MS);

  // Each writer gets its own paragraph, as a delegate typing in their own place in the text.
  const before = clients[0]!.doc.getXmlFragment('default').length;
  const writers = clients.slice(0, scenario.writers).map(({ doc }) => ({ doc, text: addParagraph(doc) }));
  await waitFor(
    () => clients.every(({ doc }) => doc.getXmlFragment('default').length === before + scenario.writers),
    "every client to receive the writers' paragraphs",
    CONNECT_TIMEOUT_MS,
  );
  const setupMs = performance.now() - setupStart;

  // When each character was typed, by writer client id and Yjs clock (one clock tick per character).
  const sentAt = new Map<number, Map<number, number>>(writers.map(({ doc }) => [doc.clientID, new Map()]));
  const latenciesMs: number[] = [];
  const byGroup: GroupDeliveries[] = groups.map(() => ({ sameMs: [], crossMs: [] }));
  const writerGroup = new Map(writers.map(({ doc }, index) => [doc.clientID, groupOf(index)]));
  clients.forEach(({ doc }, index) => {
    const received = byGroup[groupOf(index)]!;
    doc.on('afterTransaction', (transaction: Y.Transaction) => {
      if (transaction.local) return;
      const now = performance.now();
      for (const [clientId, after] of transaction.afterState) {
        const times = sentAt.get(clientId);
        if (!times) continue;
        for (let clock = transaction.beforeState.get(clientId) ?? 0; clock < after; clock++) {
          const typedAt = times.get(clock);
          if (typedAt === undefined) continue;
          latenciesMs.push(now - typedAt);
          (writerGroup.get(clientId) === groupOf(index) ? received.sameMs : received.crossMs).push(now - typedAt);
        }
      }
    });
  });

  await send({ type: 'ready' });
  await expectGo();

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

  const typingMs = performance.now() - start;
  const expected = sent * (scenario.clients - 1);
  await waitFor(() => latenciesMs.length >= expected, 'the last deliveries', DRAIN_TIMEOUT_MS).catch(() => undefined);
  const windowMs = performance.now() - start;
  const cpuMs = cpuMsSince(cpuBefore);
  eventLoopDelay.disable();

  const contents = clients.map(({ doc }) => doc.getXmlFragment('default').toString());
  for (const client of clients) client.destroy();
  return {
    kind: 'fanout',
    sent,
    delivered: latenciesMs.length,
    expected,
    latenciesMs,
    ...(target.groups ? { byGroup } : {}),
    windowMs,
    typingMs,
    cpuMs,
    eventLoopLagP99Ms: Math.max(0, eventLoopDelay.percentile(99) / 1e6 - LOOP_SAMPLE_MS),
    converged: contents.every((content) => content === contents[0]),
    setupMs,
  };
}

async function documents(target: LoadTarget): Promise<DocumentsResult> {
  const cpuBefore = process.cpuUsage();
  const start = performance.now();
  const pairs = target.rooms.map((room) => [connect(target, room), connect(target, room)] as const);
  const clients = pairs.flat();
  await waitFor(() => clients.every((client) => client.synced()), 'every client to sync', CONNECT_TIMEOUT_MS);
  const connectMs = performance.now() - start;
  for (const [writer] of pairs) addParagraph(writer.doc).insert(0, 'An opening paragraph of this document.');
  await waitFor(
    () => pairs.every(([, reader]) => firstParagraphLength(reader.doc) > 0),
    "every room's second client to receive the paragraph",
    CONNECT_TIMEOUT_MS,
  );
  const syncedMs = performance.now() - start;
  const cpuMs = cpuMsSince(cpuBefore);
  // The server's memory is read while every client is still connected.
  await send({ type: 'ready' });
  await expectGo();
  for (const client of clients) client.destroy();
  return { kind: 'documents', connectMs, syncedMs, cpuMs };
}

async function populate(target: LoadTarget, edits: number): Promise<PopulateResult> {
  const [writer, observer] = [connect(target, target.rooms[0]!), connect(target, target.rooms[0]!)];
  await waitFor(() => writer.synced() && observer.synced(), 'both clients to sync', CONNECT_TIMEOUT_MS);
  await send({ type: 'ready' });
  await expectGo();
  const cpuBefore = process.cpuUsage();
  const start = performance.now();
  const text = addParagraph(writer.doc);
  for (let typed = 0; typed < edits; ) {
    const chunkEnd = Math.min(edits, typed + POPULATE_CHUNK);
    // One transaction, so one update, per character: the history holds `edits` separate updates.
    for (; typed < chunkEnd; typed++) text.insert(typed, ALPHABET[typed % ALPHABET.length]!);
    await waitFor(() => firstParagraphLength(observer.doc) === chunkEnd, 'the observer to receive the edits', CONNECT_TIMEOUT_MS, 1);
  }
  const typingMs = performance.now() - start;
  const cpuMs = cpuMsSince(cpuBefore);
  writer.destroy();
  observer.destroy();
  return { kind: 'populate', typingMs, cpuMs };
}

async function coldSync(target: LoadTarget, edits: number): Promise<ColdSyncResult> {
  await send({ type: 'ready' });
  await expectGo();
  const start = performance.now();
  const client = connect(target, target.rooms[0]!);
  await waitFor(() => client.synced() && firstParagraphLength(client.doc) === edits, 'the new client to hold every edit', CONNECT_TIMEOUT_MS, 1);
  const syncedMs = performance.now() - start;
  client.destroy();
  return { kind: 'coldSync', syncedMs };
}

function run(target: LoadTarget, task: LoadTask): Promise<LoadResult> {
  switch (task.kind) {
    case 'fanout':
      return fanout(target, task.scenario);
    case 'documents':
      return documents(target);
    case 'populate':
      return populate(target, task.edits);
    case 'coldSync':
      return coldSync(target, task.edits);
  }
}

async function main(): Promise<void> {
  if (!process.send) throw new Error('loadGenerator.ts runs as a child process of the benchmark (it needs an IPC channel)');
  const start = await nextMessage();
  if (start.type !== 'start') throw new Error(`expected start, got ${start.type}`);
  const result = await run(start.target, start.task);
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
