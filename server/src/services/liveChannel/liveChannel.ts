import type { Logger } from 'pino';
import type { Role } from '../../../../shared/domain/roles.ts';
import { type Principal, roleIn } from '../access/index.ts';

/** One kind of live event (threads, consensus statuses, …): what a stream starts with and who may receive a change. */
export interface LiveKind<Change> {
  /** The Server-Sent Events name of the snapshot every (re)connection starts with. */
  snapshotEvent: string;
  /** The Server-Sent Events name of one change. */
  changeEvent: string;
  /**
   * Everything of this kind `principal` may see in `documentId` now, or a promise of it (written to the stream in
   * order, before any later change); throws (403/404) when it may not look at all.
   */
  snapshot(principal: Principal, documentId: string): unknown;
  /** Whether `recipient`, who holds `role` in the document at this moment, may receive `change`. */
  mayReceive(change: Change, recipient: Principal, role: Role): boolean;
  /** Told of a change another process published, before this process's streams get it (e.g. to know it was sent). */
  received?(documentId: string, change: Change): void;
}

/** Publishes one change of a registered kind to every open stream of `documentId` allowed to receive it. */
export type LivePublish<Change> = (documentId: string, change: Change) => void;

/**
 * Where the changes published here go besides this process's streams: the other processes of a cluster, whose streams
 * are filtered there by the same kinds. Changes travel unfiltered, as JSON (what a stream writes anyway).
 */
export type LiveForward = (documentId: string, event: string, change: unknown) => void;

export interface LiveSubscription {
  /** Each kind's snapshot for the subscriber, in the order the kinds were registered. */
  snapshots: { event: string; data: unknown }[];
  stop(): void;
}

interface Delivery {
  event: string;
  change: unknown;
  mayReceive(recipient: Principal, role: Role): boolean;
}

type Stream = (delivery: Delivery) => void;

/**
 * The one publisher behind the live channel (`GET /api/documents/:id/events`). Domains register a kind and publish
 * its changes through it. Each open stream asks again who its recipient is at every change, so a revoked invite or an
 * expired session stops receiving (its stream ends) instead of listening on with the rights it had when it connected,
 * and then gets only the changes the kind's filter lets that recipient see.
 */
export class LiveChannel {
  private readonly snapshotters: Pick<LiveKind<unknown>, 'snapshotEvent' | 'snapshot'>[] = [];
  /** By change event: how a change that arrived from another process is filtered per recipient here. */
  private readonly kinds = new Map<string, LiveKind<unknown>>();
  private readonly streams = new Map<string, Set<Stream>>();
  private forward: LiveForward | undefined;

  constructor(private readonly logger: Logger) {}

  /** Adds a kind of event; returns the function its domain publishes changes with. */
  register<Change>(kind: LiveKind<Change>): LivePublish<Change> {
    this.snapshotters.push(kind);
    if (this.kinds.has(kind.changeEvent)) throw new Error(`live event ${kind.changeEvent} registered twice`);
    this.kinds.set(kind.changeEvent, kind as LiveKind<unknown>);
    return (documentId, change) => {
      this.deliver(documentId, kind as LiveKind<unknown>, change);
      this.forward?.(documentId, kind.changeEvent, change);
    };
  }

  /** Sends every change published from now on to `forward` too (the other processes of a cluster). */
  forwardTo(forward: LiveForward): void {
    this.forward = forward;
  }

  /**
   * A change another process published: to this process's streams, each filtered as for a change published here.
   * False (nothing delivered) when no kind here has that event, e.g. from a newer version of Accord.
   */
  receive(documentId: string, event: string, change: unknown): boolean {
    const kind = this.kinds.get(event);
    if (!kind) return false;
    kind.received?.(documentId, change);
    this.deliver(documentId, kind, change);
    return true;
  }

  /**
   * Opens a stream of `documentId` for `principal`: the snapshots now, then `send` for each change it may receive.
   * `currentPrincipal` is asked at every change; once it answers no one (or someone without a role here), the stream
   * stops and `end` is called. Throws, subscribing nothing, when `principal` may not read the document.
   */
  subscribe(
    principal: Principal,
    documentId: string,
    currentPrincipal: () => Principal | undefined,
    send: (event: string, data: unknown) => void,
    end: () => void,
  ): LiveSubscription {
    const snapshots = this.snapshotters.map((kind) => ({ event: kind.snapshotEvent, data: kind.snapshot(principal, documentId) }));
    const streams = this.streams.get(documentId) ?? new Set<Stream>();
    this.streams.set(documentId, streams);
    const stop = () => {
      streams.delete(stream);
      if (streams.size === 0 && this.streams.get(documentId) === streams) this.streams.delete(documentId);
    };
    const stream: Stream = ({ event, change, mayReceive }) => {
      const recipient = currentPrincipal();
      const role = recipient && roleIn(recipient, documentId);
      if (!recipient || !role) {
        stop();
        end();
        return;
      }
      if (mayReceive(recipient, role)) send(event, change);
    };
    streams.add(stream);
    return { snapshots, stop };
  }

  /**
   * Whether anyone may have a stream of `documentId` open (so a change computed for it would reach someone). In a
   * cluster the streams may be on another process, which this one cannot see: then always.
   */
  isWatched(documentId: string): boolean {
    return this.forward !== undefined || this.streams.has(documentId);
  }

  /**
   * Asks every open stream now whether its recipient may still listen, ending those that may not (an invite was
   * revoked), instead of at their next change: a revoked delegate's page learns it at once.
   */
  recheckRecipients(): void {
    for (const documentId of [...this.streams.keys()]) this.publish(documentId, { event: '', change: undefined, mayReceive: () => false });
  }

  private deliver(documentId: string, kind: LiveKind<unknown>, change: unknown): void {
    this.publish(documentId, { event: kind.changeEvent, change, mayReceive: (recipient, role) => kind.mayReceive(change, recipient, role) });
  }

  private publish(documentId: string, delivery: Delivery): void {
    for (const stream of [...(this.streams.get(documentId) ?? [])]) {
      // One broken stream must not keep the change from the others, nor fail the request that caused it.
      try {
        stream(delivery);
      } catch (error) {
        this.logger.warn({ err: error, documentId }, 'live channel stream failed');
      }
    }
  }
}
