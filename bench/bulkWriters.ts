/**
 * Bulk writers for the stalled-reader benchmark, in a child process so their CPU is not the prober's: each replaces its
 * own paragraph by `bytes` of text every `intervalMs` (the document stays small: Yjs drops deleted text), for `seconds`
 * and until `minBytes` are out in all. What they receive is neither decoded nor kept.
 *
 * Protocol (Node IPC): argv is `url writers bytes intervalMs seconds minBytes`; sends `{ type: 'ready' }` once every
 * writer is connected, waits for `go`, sends `{ type: 'closed', code }` if the server closes a writer's socket, and
 * `{ type: 'done', sent, ms }` at the end.
 */
import { WebSocket } from 'ws';
import * as Y from 'yjs';
import { updateFrame } from '../shared/protocol/wireFormat.ts';

export type FromBulkWriters =
  | { type: 'ready' }
  /** A writer's socket closed before the end (the server dropped it): the run does not measure what it should. */
  | { type: 'closed'; code: number }
  | { type: 'done'; sent: number; ms: number };

const [url, writerCount, bytes, intervalMs, seconds, minBytes] = process.argv.slice(2).map((arg, index) => (index === 0 ? arg : Number(arg))) as [
  string,
  number,
  number,
  number,
  number,
  number,
];

const send = (message: FromBulkWriters) => process.send!(message);

async function writer(): Promise<(text: string) => void> {
  const socket = new WebSocket(url);
  await new Promise((resolve, reject) => {
    socket.once('open', resolve);
    socket.once('error', reject);
  });
  socket.on('close', (code) => send({ type: 'closed', code }));
  const doc = new Y.Doc();
  doc.on('update', (update: Uint8Array) => socket.send(updateFrame(update)));
  const fragment = doc.getXmlFragment('default');
  return (text) =>
    doc.transact(() => {
      if (fragment.length > 0) fragment.delete(0, 1);
      const paragraph = new Y.XmlElement('paragraph');
      paragraph.insert(0, [new Y.XmlText(text)]);
      fragment.push([paragraph]);
    });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const writers = await Promise.all(Array.from({ length: writerCount }, () => writer()));
send({ type: 'ready' });
await new Promise((resolve) => process.once('message', resolve));
const started = performance.now();
let sent = 0;
const filler = 'x'.repeat(bytes);
// Rounds keep to the clock (a late timer is caught up at once), so the rate is the one asked, not the timers' own.
for (let round = 0; performance.now() - started < seconds * 1000 || sent < minBytes; round++) {
  const due = started + round * intervalMs - performance.now();
  if (due > 0) await sleep(due);
  for (const write of writers) write(`${round} ${filler}`);
  sent += writerCount * bytes;
}
send({ type: 'done', sent, ms: performance.now() - started });
process.disconnect();
process.exit(0);
