import type { Logger } from 'pino';
import type { BusMessage } from '../cluster/busMessages.ts';
import type { ClusterBusPort, RoomCatchUp, SharedHistory } from './ports.ts';

/** What RoomSync needs of the relay: its loaded rooms and their numbers, and applying what others stored. */
interface LocalRooms {
  loadedRooms(): Map<string, number>;
  storedSeqOf(room: string): number | undefined;
  catchUp(room: string, caughtUp: RoomCatchUp): void;
  applyPresence(room: string, update: Uint8Array): void;
}

/** How often every loaded room is compared with storage, for the last message of a burst that Redis dropped. */
const TAIL_CHECK_MS = 1000;

/**
 * Keeps this process's loaded rooms equal to what every process stored (docs/decisions/0012-cluster-relay-over-redis.md).
 * Storage is the truth and numbers each room's updates in commit order; the bus is the fast path and may drop
 * anything. A stored change is published with its number; a receiver applies the next number at once, and reads what
 * it lacks from storage whenever a number is skipped, when the bus comes back after a loss, and on a tail check every
 * second. Applying an update twice changes nothing, so overlaps are harmless. Presence is relayed as it comes and never
 * repaired: clients renew it, and it expires.
 */
export class RoomSync {
  private readonly unsubscribe: (() => void)[];
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly rooms: LocalRooms,
    private readonly bus: ClusterBusPort,
    private readonly history: SharedHistory,
    private readonly logger: Logger,
    tailCheckMs = TAIL_CHECK_MS,
  ) {
    this.unsubscribe = [bus.subscribe((message) => this.receive(message)), bus.onReconnected(() => this.catchUpAll())];
    this.timer = setInterval(() => this.catchUpAll(), tailCheckMs);
    this.timer.unref();
  }

  stored(room: string, seq: number, change: Uint8Array): void {
    void this.bus.publish({ kind: 'update', room, seq, update: Buffer.from(change).toString('base64') });
  }

  presence(room: string, update: Uint8Array): void {
    void this.bus.publish({ kind: 'awareness', room, update: Buffer.from(update).toString('base64') });
  }

  /** Reads from storage what the room's copy here lacks. */
  catchUp(room: string): void {
    const seq = this.rooms.storedSeqOf(room);
    if (seq === undefined) return;
    try {
      this.rooms.catchUp(room, this.history.catchUp(room, seq));
    } catch (error) {
      // Storage unavailable: the tail check tries again.
      this.logger.warn({ room, err: error }, 'could not read what other processes stored');
    }
  }

  close(): void {
    clearInterval(this.timer);
    for (const unsubscribe of this.unsubscribe) unsubscribe();
  }

  private receive(message: BusMessage): void {
    if (message.kind === 'awareness') {
      this.rooms.applyPresence(message.room, Buffer.from(message.update, 'base64'));
      return;
    }
    if (message.kind !== 'update') return;
    const seq = this.rooms.storedSeqOf(message.room);
    if (seq === undefined || message.seq <= seq) return;
    if (message.seq === seq + 1) {
      this.rooms.catchUp(message.room, { state: undefined, updates: [{ seq: message.seq, data: Buffer.from(message.update, 'base64') }], seq: message.seq });
      return;
    }
    this.catchUp(message.room);
  }

  private catchUpAll(): void {
    for (const [room, seq] of this.rooms.loadedRooms()) {
      let latest: number;
      try {
        latest = this.history.latestSeq(room);
      } catch (error) {
        this.logger.warn({ room, err: error }, 'could not read the latest number of a room');
        return;
      }
      if (latest > seq) this.catchUp(room);
    }
  }
}
