import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { MiB, rssBytes } from '../helpers/processMemory.ts';
import { syncStep1Frame, updateFrame } from '../../../shared/protocol/wireFormat.ts';
import { type RawSocket, openRawSocket, updatesReceived } from '../helpers/rawSocket.ts';
import { type ServerProcess, spawnServer } from '../helpers/serverProcess.ts';
import { onPostgres, tempDataDir } from '../helpers/testServer.ts';
import { waitFor } from '../helpers/waitFor.ts';

const sockets: RawSocket['socket'][] = [];
let server: ServerProcess | undefined;

afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.terminate();
  await server?.close();
  server = undefined;
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))]!;

interface RawWriter {
  socket: RawSocket['socket'];
  /** Replaces its own paragraph by one of `text`: the document stays small (Yjs drops deleted text). */
  replace(text: string): void;
}

/**
 * A writer speaking the protocol over a raw socket: what it receives is not decoded, so this process stays light and
 * the latencies measured are the server's.
 */
async function rawWriter(url: string): Promise<RawWriter & { raw: RawSocket }> {
  const raw = await openRawSocket(url);
  sockets.push(raw.socket);
  const doc = new Y.Doc();
  doc.on('update', (update: Uint8Array) => raw.socket.send(updateFrame(update)));
  const fragment = doc.getXmlFragment('default');
  return {
    raw,
    socket: raw.socket,
    replace: (text) =>
      doc.transact(() => {
        if (fragment.length > 0) fragment.delete(0, 1);
        const paragraph = new Y.XmlElement('paragraph');
        paragraph.insert(0, [new Y.XmlText(text)]);
        fragment.push([paragraph]);
      }),
  };
}

// Memory and latency under load of the relay in its own process: measured in the SQLite pass; PostgreSQL's figures are
// the clustered benchmark's (npm run bench). Run twice, a timing test would only fail twice as often on a busy machine.
describe.skipIf(onPostgres)('a client that stops reading (real server process, default limits)', () => {
  it('is dropped while two writers send 32 KiB every 10 ms for 10 s, the server growing < 64 MiB', async () => {
    server = await spawnServer(tempDataDir());
    const documentId = await server.createDocument();
    const { token } = await server.invite(documentId, 'delegate');
    const url = `${server.wsUrl}/${documentId}?token=${token}`;
    const writers = [await rawWriter(url), await rawWriter(url)];
    const probeWriter = await rawWriter(url);
    const probeReader = await openRawSocket(url);
    sockets.push(probeReader.socket);
    const delivered = (marker: string) => {
      const needle = Buffer.from(marker);
      return probeReader.received.some((frame) => Buffer.from(frame.buffer, frame.byteOffset, frame.byteLength).includes(needle));
    };

    const pid = server.child.pid!;
    /** The load, with the RSS peak and the probe's delivery times. */
    /** Clients dropped as too slow, and bytes of updates the server stored (and so relayed to every reader). */
    const serverCounts = async () => {
      const metrics = await (await fetch(`${server!.url}/metrics`)).text();
      return {
        dropped: Number(/accord_messages_rejected_total\{reason="client too slow"\} (\d+)/.exec(metrics)?.[1] ?? 0),
        stored: Number(/^accord_bytes_persisted_total (\d+)/m.exec(metrics)?.[1] ?? 0),
      };
    };
    const droppedCount = async () => (await serverCounts()).dropped;
    const load = async () => {
      let peak = rssBytes(pid);
      const sampler = setInterval(() => (peak = Math.max(peak, rssBytes(pid))), 50);
      const latencies: number[] = [];
      let writing = true;
      const probing = (async () => {
        for (let i = 0; writing; i++) {
          const marker = `probe ${i}`;
          const started = performance.now();
          probeWriter.replace(marker);
          await waitFor(() => delivered(marker), `delivery of ${marker}`, 10_000);
          probeReader.received.length = 0;
          latencies.push(performance.now() - started);
          await sleep(100);
        }
      })();
      const started = performance.now();
      let sent = 0;
      // What the server had relayed since the load began when it dropped the reader: the writers' own count runs ahead
      // of the server whenever it lags (a loaded machine), and the bound is on what the server sent.
      const storedBefore = (await serverCounts()).stored;
      let relayedWhenDropped: number | undefined;
      const watching = (async () => {
        while (writing && relayedWhenDropped === undefined) {
          const counts = await serverCounts();
          if (counts.dropped > 0) relayedWhenDropped = counts.stored - storedBefore;
          await sleep(100);
        }
      })();
      // 10 s as in the report, and on a slower machine until 24 MiB are out: more than the bound plus what TCP buffers.
      for (let round = 0; performance.now() - started < 10_000 || sent < 24 * MiB; round++) {
        for (const writer of writers) writer.replace(`${round} ${'x'.repeat(32 * 1024)}`);
        sent += 2 * 32 * 1024;
        await sleep(10);
      }
      writing = false;
      await Promise.all([probing, watching]);
      clearInterval(sampler);
      return { peak, latencies, sent, relayedWhenDropped };
    };
    const figures = (name: string, start: number, run: Awaited<ReturnType<typeof load>>) =>
      `${name}: ${(run.sent / MiB).toFixed(1)} MiB written by the two writers, server RSS +${((run.peak - start) / MiB).toFixed(1)} MiB ` +
      `at peak; the probe's delivery p50 ${percentile(run.latencies, 0.5).toFixed(0)} ms, ` +
      `p95 ${percentile(run.latencies, 0.95).toFixed(0)} ms, max ${Math.max(...run.latencies).toFixed(0)} ms (${run.latencies.length} probes)`;

    // The same load first without a stalled reader: what the server's RSS grows by for the load alone.
    const baseline = rssBytes(pid);
    const reference = await load();

    const stalled = await openRawSocket(url);
    sockets.push(stalled.socket);
    // Syncs as a client does: asks for the document with an empty state vector and receives it.
    stalled.socket.send(syncStep1Frame(new Y.Doc()));
    await waitFor(() => updatesReceived(stalled, 'syncStep2').length > 0, 'the stalled reader synced');
    // It stops reading its socket: its TCP receive window fills, then the server's send queue.
    (stalled.socket as unknown as { _socket: { pause(): void } })._socket.pause();
    const withStall = await load();

    const dropped = await droppedCount();
    console.log(
      `${figures('load alone', baseline, reference)}\n${figures('with a stalled reader', reference.peak, withStall)}\n` +
        `stalled reader dropped: ${dropped}, seen when the server had relayed ${((withStall.relayedWhenDropped ?? NaN) / MiB).toFixed(1)} MiB since it stopped reading; server RSS from before the load to the end: +${((withStall.peak - baseline) / MiB).toFixed(1)} MiB ` +
        `(2 cores shared with other jobs: latencies are this machine's)`,
    );
    expect(dropped).toBe(1);
    expect(reference.relayedWhenDropped).toBeUndefined();
    // The bound (16 MiB) plus what is written while the metric is polled: not whatever TCP buffers on top of it.
    expect(withStall.relayedWhenDropped! / MiB).toBeLessThan(19);
    // The server shut the socket without a close frame (it could never arrive): once the client reads again it sees 1006.
    (stalled.socket as unknown as { _socket: { resume(): void } })._socket.resume();
    expect(await stalled.closed).toBe(1006);
    // The bound on the server's memory, from before the first load to the end of the second: the load alone
    // grew it by 52 MiB and both by 61 before the page cache and the young generation were bounded (docs/reliability.md).
    expect((withStall.peak - baseline) / MiB).toBeLessThan(64);
  }, 150_000);
});
