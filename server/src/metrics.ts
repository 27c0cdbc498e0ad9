import { Counter, Gauge, Registry, collectDefaultMetrics } from 'prom-client';
import type { RelayMetrics } from './collab/ports.ts';

/** What a process of a cluster counts of its Redis bus (ClusterBus) and of its PostgreSQL connection. */
export interface DependencySources {
  bus?: {
    status(): 'up' | 'down';
    counters(): { published: number; publishFailed: number; received: number; droppedInvalid: number; reconnects: number };
  };
  postgres?: () => { queries: number; errors: number; reconnects: number };
}

/** Prometheus metrics of one server instance (its own registry, so several servers can share a test process). */
export class Metrics implements RelayMetrics {
  readonly registry = new Registry();
  private readonly documentsLoaded = new Gauge({ name: 'accord_documents_loaded', help: 'Documents loaded in memory', registers: [this.registry] });
  private readonly connections = new Gauge({ name: 'accord_connections', help: 'Open collaboration websockets', registers: [this.registry] });
  private readonly updates = new Counter({ name: 'accord_updates_total', help: 'Yjs updates accepted and stored', registers: [this.registry] });
  private readonly bytesPersisted = new Counter({
    name: 'accord_bytes_persisted_total',
    help: 'Bytes of Yjs updates written to SQLite',
    registers: [this.registry],
  });
  private readonly rejected = new Counter({
    name: 'accord_messages_rejected_total',
    help: 'Websocket messages refused, by reason',
    labelNames: ['reason'],
    registers: [this.registry],
  });

  constructor() {
    // The event-loop delay monitor wakes the process at this interval; prom-client's 10 ms default cost an idle server
    // ~3 ms of CPU per second (100 wake-ups). Sampling every 100 ms still shows any stall that matters to typing.
    collectDefaultMetrics({ register: this.registry, prefix: 'accord_', eventLoopMonitoringPrecision: 100 });
  }

  /** Adds the bus's and PostgreSQL's figures, read from them at each scrape. */
  watchDependencies({ bus, postgres }: DependencySources): void {
    if (bus) {
      new Gauge({
        name: 'accord_redis_up',
        help: 'Whether this process is subscribed to the cluster bus and can publish (1) or not (0)',
        registers: [this.registry],
        collect() {
          this.set(bus.status() === 'up' ? 1 : 0);
        },
      });
      const figure = (key: keyof ReturnType<typeof bus.counters>) => () => bus.counters()[key];
      this.mirror('accord_redis_published_total', 'Messages this process published on the cluster bus', figure('published'));
      this.mirror('accord_redis_publish_failures_total', 'Publishes Redis did not take (it was down)', figure('publishFailed'));
      this.mirror('accord_redis_received_total', 'Valid messages received from other processes', figure('received'));
      this.mirror('accord_redis_invalid_dropped_total', 'Messages received that were not valid and were dropped', figure('droppedInvalid'));
      this.mirror('accord_redis_reconnects_total', 'Times the bus subscription came back after a loss', figure('reconnects'));
    }
    if (postgres) {
      this.mirror('accord_postgres_queries_total', 'Statements sent to PostgreSQL', () => postgres().queries);
      this.mirror('accord_postgres_errors_total', 'Statements PostgreSQL failed or could not take', () => postgres().errors);
      this.mirror('accord_postgres_reconnects_total', 'Connections to PostgreSQL opened again after one broke', () => postgres().reconnects);
    }
  }

  /** A counter kept elsewhere (it only grows), shown as it is at each scrape. */
  private mirror(name: string, help: string, read: () => number): void {
    new Counter({
      name,
      help,
      registers: [this.registry],
      collect() {
        this.reset();
        this.inc(read());
      },
    });
  }

  roomLoaded(): void {
    this.documentsLoaded.inc();
  }
  roomUnloaded(): void {
    this.documentsLoaded.dec();
  }
  connectionOpened(): void {
    this.connections.inc();
  }
  connectionClosed(): void {
    this.connections.dec();
  }
  updateStored(bytes: number): void {
    this.updates.inc();
    this.bytesPersisted.inc(bytes);
  }
  messageRejected(reason: string): void {
    // Reasons with numbers in them would make unbounded label sets.
    this.rejected.inc({ reason: reason.replace(/\d+/g, 'N') });
  }
}
