import type * as Y from 'yjs';
import type { Logger } from 'pino';
import { CloseCode } from '../../../shared/protocol/closeCodes.ts';
import type { ClusterBus } from './clusterBus.ts';
import type { BusMessage } from './busMessages.ts';

type LiveMessage = Extract<BusMessage, { kind: 'live' }>;

/**
 * The open rooms of this process (the collab relay) as the services that close their sockets take them (the versions
 * and language services' ports): the cluster knows no service, only these shapes.
 */
export interface ProcessRooms {
  storedState(room: string): Uint8Array;
  applyServerChange(room: string, change: (doc: Y.Doc) => void): void;
  closeDocument(documentId: string, code: number, reason: string): void;
  closeRoom(room: string, code: number, reason: string): void;
}

/** The live channel's side that crosses processes. */
export interface LiveEvents {
  forwardTo(forward: (documentId: string, event: string, change: unknown) => void): void;
  /** Delivers a change another process published to this process's streams; false when no kind has that event. */
  receive(documentId: string, event: string, change: unknown): boolean;
}

export interface ClusterEventsDeps {
  bus: ClusterBus;
  liveChannel: LiveEvents;
  rooms: ProcessRooms;
  access: { onInviteRevoked(listener: (inviteId: string) => void): void };
  /** Closes this process's sockets of a revoked invite (what a revocation does on the process it was made on). */
  closeInvite(inviteId: string): void;
  isFrozen(documentId: string): boolean;
  logger: Logger;
}

/**
 * Everything but document updates that one process of a cluster must tell the others (ADR 0012): live-channel changes
 * (filtered per recipient on the receiving process, exactly as locally), revocations, freezes and removed language
 * versions. Each is applied where it happens first, then published; a receiver applies it to its own sockets and
 * streams only, never publishing it again. The database already holds each fact, so a message Redis drops costs a
 * late close or a missed live change (streams start again from a snapshot when they reconnect), never a wrong answer.
 */
export class ClusterEvents {
  /** Hand this to the services in place of the relay: their closings then reach the sockets on every process. */
  readonly rooms: ProcessRooms;
  private readonly unsubscribe: () => void;

  constructor(private readonly deps: ClusterEventsDeps) {
    const { bus, liveChannel, rooms } = deps;
    liveChannel.forwardTo((documentId, event, change) => this.publish({ kind: 'live', documentId, event: { event, change } as LiveMessage['event'] }));
    deps.access.onInviteRevoked((inviteId) => this.publish({ kind: 'revoked', inviteId }));
    this.rooms = {
      storedState: (room) => rooms.storedState(room),
      applyServerChange: (room: string, change: (doc: Y.Doc) => void) => rooms.applyServerChange(room, change),
      // Only freezing and unfreezing close a whole document: the message says which one the database now holds.
      closeDocument: (documentId, code, reason) => {
        rooms.closeDocument(documentId, code, reason);
        this.publish({ kind: 'frozen', documentId, frozen: deps.isFrozen(documentId) });
      },
      closeRoom: (room, code, reason) => {
        rooms.closeRoom(room, code, reason);
        this.publish({ kind: 'roomClosed', room, code, reason });
      },
    };
    this.unsubscribe = bus.subscribe((message) => this.receive(message));
  }

  close(): void {
    this.unsubscribe();
  }

  private publish(message: BusMessage): void {
    void this.deps.bus.publish(message).then((taken) => {
      if (!taken) this.deps.logger.warn({ kind: message.kind }, 'cluster bus down: other processes miss this change');
    });
  }

  private receive(message: BusMessage): void {
    switch (message.kind) {
      case 'live': {
        const { event, change } = (message.event ?? {}) as { event?: unknown; change?: unknown };
        if (typeof event !== 'string' || !this.deps.liveChannel.receive(message.documentId, event, change)) {
          this.deps.logger.warn({ event }, 'dropped a live change of an unknown kind from another process');
        }
        return;
      }
      case 'revoked':
        return this.deps.closeInvite(message.inviteId);
      case 'frozen':
        return this.deps.rooms.closeDocument(message.documentId, CloseCode.accessChanged, message.frozen ? 'document frozen' : 'document unfrozen');
      case 'roomClosed':
        return this.deps.rooms.closeRoom(message.room, message.code, message.reason);
      default:
        // Updates and awareness are the room sync's (server/src/cluster/roomSync.ts).
        return;
    }
  }
}
