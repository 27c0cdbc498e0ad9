import type { z } from 'zod';
import type { LiveChannel } from './liveChannel.ts';

type Listener = () => void;

/** How one kind of per-recommendation record arrives on the live channel: a snapshot of all, then one at each change. */
export interface LiveRecordKind<T> {
  snapshotEvent: string;
  changeEvent: string;
  /** Parses a snapshot's data into its records. */
  snapshot: z.ZodType<{ recommendations: T[] }>;
  record: z.ZodType<T>;
  recommendationIdOf(record: T): string;
}

/**
 * Records of one document's recommendations (consensus, alternatives), by recommendation id, kept current by the
 * document's live channel from the moment the store is made: it lives as long as the channel, so a panel opened later
 * still finds every record. A request's answer is taken in with `upsert`, before its live echo arrives.
 */
export class LiveRecordStore<T> {
  private byId: ReadonlyMap<string, T> = new Map();
  private readonly listeners = new Set<Listener>();

  constructor(channel: LiveChannel, private readonly kind: LiveRecordKind<T>) {
    channel.on(kind.snapshotEvent, (data) => {
      const parsed = kind.snapshot.safeParse(data);
      if (!parsed.success) return;
      this.byId = new Map(parsed.data.recommendations.map((entry) => [kind.recommendationIdOf(entry), entry]));
      this.notify();
    });
    channel.on(kind.changeEvent, (data) => {
      const parsed = kind.record.safeParse(data);
      if (parsed.success) this.upsert(parsed.data);
    });
  }

  /** Takes in a recommendation's record as the server returned it. */
  upsert(entry: T): void {
    this.byId = new Map(this.byId).set(this.kind.recommendationIdOf(entry), entry);
    this.notify();
  }

  getAll = (): ReadonlyMap<string, T> => this.byId;

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private notify(): void {
    for (const listener of this.listeners) listener();
  }
}
