import { Redis } from 'ioredis';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRedis, type TestRedis } from '../../test/support/redis.ts';
import { waitFor } from '../../test/helpers/waitFor.ts';
import type { BusMessage } from './busMessages.ts';
import { ClusterBus } from './clusterBus.ts';

const ONE_OF_EACH: BusMessage[] = [
  { kind: 'update', room: 'doc-1', seq: 41, update: Buffer.from([1, 2, 3, 250]).toString('base64') },
  { kind: 'awareness', room: 'doc-1:fr', update: Buffer.from([9, 8]).toString('base64') },
  { kind: 'live', documentId: 'doc-1', event: { type: 'thread', thread: { id: 't1', comments: [] } } },
  { kind: 'revoked', inviteId: 'invite-7' },
  { kind: 'frozen', documentId: 'doc-1', frozen: true },
];

/** A bus whose received messages and log lines the test reads. */
function listeningBus(url: string, channel: string) {
  const log: string[] = [];
  const bus = new ClusterBus({ url, channel, logger: pino({ level: 'info' }, { write: (line: string) => void log.push(line) }) });
  const received: BusMessage[] = [];
  let reconnected = 0;
  bus.subscribe((message) => received.push(message));
  bus.onReconnected(() => (reconnected += 1));
  return { bus, received, log, reconnected: () => reconnected };
}

describe('ClusterBus on a real Redis', () => {
  let redis: TestRedis;
  beforeAll(async () => {
    redis = await startRedis();
  });
  afterAll(async () => {
    await redis.stop();
  });

  async function twoBuses(channel: string) {
    const a = listeningBus(redis.url, channel);
    const b = listeningBus(redis.url, channel);
    await waitFor(() => a.bus.status() === 'up' && b.bus.status() === 'up', 'both buses up');
    return [a, b] as const;
  }

  it('carries every kind to the other process and not back to its sender', async () => {
    const [a, b] = await twoBuses('exchange');
    for (const message of ONE_OF_EACH) expect(await a.bus.publish(message)).toBe(true);
    await waitFor(() => b.received.length === ONE_OF_EACH.length, 'B to receive all five');
    expect(b.received).toEqual(ONE_OF_EACH);

    // Redis delivers to a subscriber in publishing order: once A hears B's answer, its own five have come and gone.
    const answer: BusMessage = { kind: 'revoked', inviteId: 'from-b' };
    await b.bus.publish(answer);
    await waitFor(() => a.received.length > 0, 'A to receive B’s answer');
    expect(a.received).toEqual([answer]);
    expect(a.bus.counters()).toMatchObject({ published: 5, received: 1, droppedInvalid: 0 });
    expect(b.bus.counters()).toMatchObject({ published: 1, received: 5, droppedInvalid: 0 });
    await Promise.all([a.bus.close(), b.bus.close()]);
  });

  it('drops and counts what is not a valid message, and goes on', async () => {
    const { bus, received, log } = listeningBus(redis.url, 'invalid');
    await waitFor(() => bus.status() === 'up', 'the bus up');
    const raw = new Redis(redis.url);
    const bad = [
      'not json',
      JSON.stringify({ from: 'other', message: { kind: 'update', room: 'doc-1', seq: -1, update: 'AQID' } }),
      JSON.stringify({ from: 'other', message: { kind: 'awareness', room: 'doc-1', update: 'not base64!' } }),
      JSON.stringify({ from: 'other', message: { kind: 'shutdown' } }),
      JSON.stringify({ message: { kind: 'revoked', inviteId: 'no sender' } }),
    ];
    for (const payload of bad) await raw.publish('invalid', payload);
    const good: BusMessage = { kind: 'frozen', documentId: 'doc-2', frozen: false };
    await raw.publish('invalid', JSON.stringify({ from: 'other', message: good }));
    await waitFor(() => received.length > 0, 'the valid message after the bad ones');
    expect(received).toEqual([good]);
    expect(bus.counters()).toMatchObject({ received: 1, droppedInvalid: bad.length });
    expect(log.filter((line) => line.includes('dropped an invalid cluster bus message'))).toHaveLength(bad.length);
    raw.disconnect();
    await bus.close();
  });

  it('says down while Redis is away, and reconnected on both processes when it is back', async () => {
    const [a, b] = await twoBuses('restart');
    await redis.restart(async () => {
      await waitFor(() => a.bus.status() === 'down' && b.bus.status() === 'down', 'both buses down');
      expect(await a.bus.publish({ kind: 'revoked', inviteId: 'lost' })).toBe(false);
    });
    await waitFor(() => a.reconnected() === 1 && b.reconnected() === 1, 'onReconnected on both', 10_000);
    expect(a.bus.status()).toBe('up');
    expect(b.bus.status()).toBe('up');

    const after: BusMessage = { kind: 'update', room: 'doc-3', seq: 7, update: 'AA==' };
    expect(await a.bus.publish(after)).toBe(true);
    await waitFor(() => b.received.length > 0, 'B to receive after the restart');
    expect(b.received).toEqual([after]);
    expect(a.bus.counters()).toMatchObject({ publishFailed: 1, reconnects: 1 });
    expect(b.bus.counters()).toMatchObject({ reconnects: 1 });
    await Promise.all([a.bus.close(), b.bus.close()]);
  });
});
