import { Counter, Gauge, Registry, collectDefaultMetrics } from 'prom-client';
import type { RelayMetrics } from './collab/ports.ts';

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
