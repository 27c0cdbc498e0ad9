import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { BusEnvelope, type BusMessage } from './busMessages.ts';
import { closeRedis, connectRedis } from './redisConnection.ts';

export interface ClusterBusOptions {
  /** redis:// or rediss:// URL (ACCORD_REDIS_URL). */
  url: string;
  logger: Logger;
  /** The pub/sub channel; processes of one cluster share it. */
  channel?: string;
}

export interface ClusterBusCounters {
  published: number;
  /** Publishes Redis did not take (it was down): receivers repair from the database. */
  publishFailed: number;
  /** Valid messages from other processes handed to the handlers. */
  received: number;
  droppedInvalid: number;
  /** Times the subscription came back after a loss (onReconnected fired). */
  reconnects: number;
}

/**
 * The processes' shared pub/sub bus: a publisher and a subscriber connection (a subscribed Redis connection can do
 * nothing else). Delivery is at most once, so the bus says when its subscription comes back after a loss: whoever
 * listens repairs from the database then (ADR 0012).
 */
export class ClusterBus {
  /** Random per process: a process hears its own messages on the channel and skips them by this id. */
  readonly processId = randomBytes(8).toString('hex');
  private readonly channel: string;
  private readonly logger: Logger;
  private readonly publisher: Redis;
  private readonly subscriber: Redis;
  private readonly handlers = new Set<(message: BusMessage) => void>();
  private readonly reconnectedHandlers = new Set<() => void>();
  private readonly figures: ClusterBusCounters = { published: 0, publishFailed: 0, received: 0, droppedInvalid: 0, reconnects: 0 };
  private subscribed = false;
  private everSubscribed = false;

  constructor(options: ClusterBusOptions) {
    this.channel = options.channel ?? 'accord:cluster';
    this.logger = options.logger;
    this.publisher = connectRedis(options.url, 'bus publisher', this.logger);
    this.subscriber = connectRedis(options.url, 'bus subscriber', this.logger);
    // Subscribing ourselves on each ready (not ioredis' autoResubscribe) tells us when the subscription is in place
    // again, which is when a repair read from the database can no longer miss a message.
    this.subscriber.on('ready', () => void this.listen());
    this.subscriber.on('close', () => (this.subscribed = false));
    this.subscriber.on('message', (_channel: string, raw: string) => this.receive(raw));
  }

  /** Sends to every other process; false when Redis did not take it (never throws: the database has it anyway). */
  async publish(message: BusMessage): Promise<boolean> {
    const envelope: BusEnvelope = { from: this.processId, message };
    try {
      await this.publisher.publish(this.channel, JSON.stringify(envelope));
      this.figures.published += 1;
      return true;
    } catch {
      this.figures.publishFailed += 1;
      return false;
    }
  }

  /** Each valid message from another process. Returns the unsubscribe function. */
  subscribe(handler: (message: BusMessage) => void): () => void {
    this.handlers.add(handler);
    return () => this.handlers.delete(handler);
  }

  /** Fired when the subscription is back after a loss: messages published meanwhile are gone. */
  onReconnected(handler: () => void): () => void {
    this.reconnectedHandlers.add(handler);
    return () => this.reconnectedHandlers.delete(handler);
  }

  status(): 'up' | 'down' {
    return this.subscribed && this.publisher.status === 'ready' ? 'up' : 'down';
  }

  counters(): Readonly<ClusterBusCounters> {
    return { ...this.figures };
  }

  async close(): Promise<void> {
    this.handlers.clear();
    this.reconnectedHandlers.clear();
    await Promise.all([closeRedis(this.publisher), closeRedis(this.subscriber)]);
  }

  private async listen(): Promise<void> {
    try {
      await this.subscriber.subscribe(this.channel);
    } catch {
      return; // The connection dropped again before the subscription took: the next ready tries again.
    }
    this.subscribed = true;
    if (!this.everSubscribed) {
      this.everSubscribed = true;
      return;
    }
    this.figures.reconnects += 1;
    for (const handler of this.reconnectedHandlers) this.call(handler, 'reconnected');
  }

  private receive(raw: string): void {
    const parsed = BusEnvelope.safeParse(parseJson(raw));
    if (!parsed.success) {
      this.figures.droppedInvalid += 1;
      this.logger.warn({ channel: this.channel, issues: parsed.error.issues.slice(0, 3) }, 'dropped an invalid cluster bus message');
      return;
    }
    if (parsed.data.from === this.processId) return;
    this.figures.received += 1;
    for (const handler of this.handlers) this.call(() => handler(parsed.data.message), parsed.data.message.kind);
  }

  /** A handler's failure is logged and stays its own: the bus and the other handlers go on. */
  private call(handler: () => void, what: string): void {
    try {
      handler();
    } catch (error) {
      this.logger.error({ err: error, what }, 'cluster bus handler failed');
    }
  }
}

/** Not JSON reads as undefined, which the envelope schema refuses like any other bad message. */
function parseJson(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return undefined;
  }
}
