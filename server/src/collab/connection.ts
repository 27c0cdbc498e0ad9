import * as awarenessProtocol from 'y-protocols/awareness';
import type { WebSocket } from 'ws';
import * as Y from 'yjs';
import { CloseCode } from '../../../shared/protocol/closeCodes.ts';
import { AWARENESS_BURST, AWARENESS_PER_SECOND } from '../../../shared/protocol/collabEndpoint.ts';
import {
  FrameError,
  awarenessFrame,
  decodeAwarenessEntries,
  decodeFrame,
  encodeAwarenessEntries,
  syncStep1Frame,
  syncStep2Frame,
} from '../../../shared/protocol/wireFormat.ts';
import type { ConnectionContext } from './ports.ts';
import { type Room, type RoomPeer, RoomStorageError, UpdateRefusedError } from './room.ts';

export interface ConnectionEvents {
  /** A frame broke the protocol: this connection is closed, nothing it sent was applied. */
  rejected(connection: Connection, reason: string, error: unknown): void;
  /**
   * Applying or storing `culprit`'s update failed: the room no longer matches the disk and must be reloaded.
   */
  roomFailed(room: Room<Connection>, error: RoomStorageError, culprit: Connection): void;
}

export interface ConnectionLimits {
  /** Bytes sent to this client and not yet read by it after which it is dropped as too slow to keep up. */
  maxBufferedBytes: number;
}

/** Progress pings per `maxBufferedBytes` sent: a stalled client is dropped within a quarter of the bound past it. */
const PROGRESS_CHECKS_PER_BOUND = 4;

/** One websocket in one room: decodes y-websocket frames and hands them to the room. */
export class Connection implements RoomPeer {
  /** The awareness client id this connection speaks for: the first one it announces. */
  private ownClientId: number | undefined;
  private closed = false;
  /** Token bucket of awareness messages: floods are dropped instead of relayed to everyone. */
  private awarenessTokens = AWARENESS_BURST;
  private awarenessRefilledAt = performance.now();
  /** The latest presence update received over the rate, waiting for the budget to allow it. */
  private deferredAwareness: Uint8Array | undefined;
  private awarenessTimer: NodeJS.Timeout | undefined;
  /** Bytes handed to the socket, bytes the client has shown it read, and where the last progress ping was sent. */
  private bytesSent = 0;
  private bytesRead = 0;
  private bytesAskedAt = 0;
  private largestFrame = 0;

  constructor(
    private readonly socket: WebSocket,
    readonly room: Room<Connection>,
    readonly context: ConnectionContext,
    private readonly events: ConnectionEvents,
    private readonly limits: ConnectionLimits,
  ) {
    socket.on('pong', this.onPong);
  }

  /** Greets the client: our state vector (so it sends what we lack) and everyone's presence. */
  start(): void {
    this.send(syncStep1Frame(this.room.doc));
    const present = [...this.room.awareness.getStates().keys()];
    if (present.length > 0) {
      this.send(awarenessFrame(awarenessProtocol.encodeAwarenessUpdate(this.room.awareness, present)));
    }
  }

  /**
   * A client more than `maxBufferedBytes` behind (plus its largest frame: a first sync may alone be bigger) is dropped.
   * How far behind cannot be read from `bufferedAmount`: that counts only what Node still holds, not the operating
   * system's socket buffers beneath it, which on loopback or a LAN grow to tens of MiB for a peer that stopped reading.
   * So the client's progress is asked of the client itself: a ping carrying the count of bytes sent so far, which a
   * websocket answers (browsers and `ws` do it on their own) only once it has read everything sent before it.
   */
  send(frame: Uint8Array): void {
    if (this.closed || this.socket.readyState !== this.socket.OPEN) return;
    if (this.bytesSent - this.bytesRead - this.largestFrame > this.limits.maxBufferedBytes) {
      // It is not reading: a close frame would queue behind the backlog, so drop the socket at once (the client sees 1006).
      this.closed = true;
      this.events.rejected(this, 'client too slow', undefined);
      this.socket.terminate();
      return;
    }
    this.socket.send(frame, { binary: true });
    this.bytesSent += frame.byteLength;
    this.largestFrame = Math.max(this.largestFrame, frame.byteLength);
    if (this.bytesSent - this.bytesAskedAt >= this.limits.maxBufferedBytes / PROGRESS_CHECKS_PER_BOUND) {
      this.bytesAskedAt = this.bytesSent;
      this.socket.ping(String(this.bytesSent));
    }
  }

  /** The answer to a progress ping: the client has read everything sent before it. */
  private readonly onPong = (data: Buffer): void => {
    const read = Number(data.toString());
    if (Number.isSafeInteger(read) && read <= this.bytesSent) this.bytesRead = Math.max(this.bytesRead, read);
  };

  close(code: number, reason: string): void {
    if (this.closed) return;
    this.closed = true;
    this.socket.close(code, reason);
  }

  handleFrame(data: Uint8Array): void {
    if (this.closed) return;
    try {
      const frame = decodeFrame(data);
      switch (frame.kind) {
        case 'syncStep1':
          this.answerSyncStep1(frame.stateVector);
          break;
        case 'syncStep2':
        case 'update':
          this.applyUpdate(frame.update);
          break;
        case 'awareness':
          this.handleAwareness(frame.update);
          break;
        case 'queryAwareness':
          this.start();
          break;
        case 'auth':
          // Clients never need to send auth frames: credentials were checked at the upgrade.
          break;
      }
    } catch (error) {
      if (error instanceof RoomStorageError) {
        this.events.roomFailed(this.room, error, this);
        return;
      }
      if (error instanceof UpdateRefusedError) {
        this.events.rejected(this, error.message, undefined);
        this.close(error.code, error.message);
        return;
      }
      this.events.rejected(this, error instanceof FrameError ? error.message : 'malformed message', error);
      this.close(CloseCode.malformedMessage, 'malformed message');
    }
  }

  /** Removes this connection's presence from the room; the socket itself is closed separately. */
  leave(): void {
    clearTimeout(this.awarenessTimer);
    this.deferredAwareness = undefined;
    if (this.ownClientId !== undefined) this.room.releaseAwarenessClient(this.ownClientId);
  }

  /** Answers with what the client lacks once everything accepted before is stored (the acknowledgement contract). */
  private answerSyncStep1(stateVector: Uint8Array): void {
    // Validate now, answer once this turn's changes are stored: the answer must not carry anything unstored.
    Y.decodeStateVector(stateVector);
    this.room.whenStored(() => {
      if (!this.closed) this.send(syncStep2Frame(this.room.doc, stateVector));
    });
  }

  private applyUpdate(update: Uint8Array): void {
    // Read-only members (observers, frozen documents) still sync; what they send is dropped unread.
    if (!this.context.canWrite()) return;
    const refusal = this.context.refusal?.(update, this.room.doc);
    if (refusal) throw new UpdateRefusedError(refusal.code, refusal.reason);
    this.room.applyClientUpdate(update, this);
  }

  private handleAwareness(update: Uint8Array): void {
    const accepted = decodeAwarenessEntries(update).filter((entry) => {
      if (this.ownClientId === undefined && this.room.claimAwarenessClient(entry.clientId, this)) this.ownClientId = entry.clientId;
      return entry.clientId === this.ownClientId;
    });
    if (accepted.length === 0) return;
    const stamped = encodeAwarenessEntries(
      accepted.map((entry) =>
        entry.state === null ? entry : { ...entry, state: { ...entry.state, user: { ...this.context.identity } } },
      ),
    );
    if (this.takeAwarenessToken()) this.applyAwareness(stamped);
    else this.deferAwareness(stamped);
  }

  private applyAwareness(stamped: Uint8Array): void {
    awarenessProtocol.applyAwarenessUpdate(this.room.awareness, stamped, this);
  }

  /**
   * Over its rate, a connection's presence is not dropped but coalesced: only its latest state is kept and applied
   * as soon as the budget allows, so a flood costs nothing and a fast typist's caret still ends where it really is.
   */
  private deferAwareness(stamped: Uint8Array): void {
    this.deferredAwareness = stamped;
    if (this.awarenessTimer) return;
    const waitMs = ((1 - this.awarenessTokens) / AWARENESS_PER_SECOND) * 1000;
    this.awarenessTimer = setTimeout(() => {
      this.awarenessTimer = undefined;
      const latest = this.deferredAwareness;
      this.deferredAwareness = undefined;
      if (this.closed || !latest) return;
      if (this.takeAwarenessToken()) this.applyAwareness(latest);
      else this.deferAwareness(latest);
    }, Math.ceil(waitMs));
    this.awarenessTimer.unref();
  }

  private takeAwarenessToken(): boolean {
    const now = performance.now();
    const refill = ((now - this.awarenessRefilledAt) / 1000) * AWARENESS_PER_SECOND;
    this.awarenessTokens = Math.min(AWARENESS_BURST, this.awarenessTokens + refill);
    this.awarenessRefilledAt = now;
    if (this.awarenessTokens < 1) return false;
    this.awarenessTokens -= 1;
    return true;
  }
}
