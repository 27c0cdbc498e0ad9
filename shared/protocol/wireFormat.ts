import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';

/**
 * The collaboration wire format, the one place frames are built and read (grammar in docs/protocol.md). Frames are
 * y-websocket's, so the stock WebsocketProvider is the client.
 *
 * The acknowledgement contract: y-websocket has no acknowledgement, so Accord makes one from two promises of the
 * server. It handles one connection's frames in order, and it answers a sync step 1 (with sync step 2) only once every
 * update it accepted before is stored. A step 2 answering a step 1 sent after some updates therefore proves those
 * updates are on the server's disk: the client's "saved" signal (client/src/lib/unsyncedChanges.ts) rests on it.
 */

/** The y-websocket message types, as the stock WebsocketProvider numbers them. */
export const MessageType = {
  sync: 0,
  awareness: 1,
  auth: 2,
  queryAwareness: 3,
} as const;

/** The kinds of sync message, numbered as y-protocols' sync module numbers them. */
export const SyncStep = {
  /** "This is what I have": a state vector. Answered by step 2, after storing (the acknowledgement contract). */
  step1: syncProtocol.messageYjsSyncStep1,
  /** "This is what you lack": an update answering a step 1. */
  step2: syncProtocol.messageYjsSyncStep2,
  /** A change, sent as it is made. */
  update: syncProtocol.messageYjsUpdate,
} as const;

/** A frame as read off the wire. Payloads are not validated here: the receiver decodes them with Yjs. */
export type Frame =
  | { kind: 'syncStep1'; stateVector: Uint8Array }
  | { kind: 'syncStep2'; update: Uint8Array }
  | { kind: 'update'; update: Uint8Array }
  | { kind: 'awareness'; update: Uint8Array }
  | { kind: 'queryAwareness' }
  | { kind: 'auth' };

/** A frame that is not y-websocket protocol (an unknown message type or sync step). */
export class FrameError extends Error {}

/** Reads one frame. Throws FrameError for an unknown type or step, lib0's errors for truncated bytes. */
export function decodeFrame(data: Uint8Array): Frame {
  const decoder = decoding.createDecoder(data);
  const type = decoding.readVarUint(decoder);
  switch (type) {
    case MessageType.sync: {
      const step = decoding.readVarUint(decoder);
      if (step === SyncStep.step1) return { kind: 'syncStep1', stateVector: decoding.readVarUint8Array(decoder) };
      if (step === SyncStep.step2) return { kind: 'syncStep2', update: decoding.readVarUint8Array(decoder) };
      if (step === SyncStep.update) return { kind: 'update', update: decoding.readVarUint8Array(decoder) };
      throw new FrameError(`unknown sync step ${step}`);
    }
    case MessageType.awareness:
      return { kind: 'awareness', update: decoding.readVarUint8Array(decoder) };
    case MessageType.queryAwareness:
      return { kind: 'queryAwareness' };
    case MessageType.auth:
      return { kind: 'auth' };
    default:
      throw new FrameError(`unknown message type ${type}`);
  }
}

/**
 * `[...header, length of payload, payload]` in one allocation of its exact size. lib0's encoder would allocate a
 * payload-sized buffer twice (to grow into, then to concatenate): the server frames every change it relays, and under
 * a load of large changes those short-lived copies made a good part of its resident memory (docs/reliability.md).
 */
function frameWith(header: readonly number[], payload: Uint8Array): Uint8Array<ArrayBuffer> {
  const prefix = encoding.encode((encoder) => {
    for (const value of header) encoding.writeVarUint(encoder, value);
    encoding.writeVarUint(encoder, payload.byteLength);
  });
  const frame = new Uint8Array(prefix.byteLength + payload.byteLength);
  frame.set(prefix);
  frame.set(payload, prefix.byteLength);
  return frame;
}

/** `[sync, step 1, state vector of doc]`: what `doc` holds. Sent after changes, it asks for their acknowledgement. */
export function syncStep1Frame(doc: Y.Doc): Uint8Array<ArrayBuffer> {
  return frameWith([MessageType.sync, SyncStep.step1], Y.encodeStateVector(doc));
}

/** `[sync, step 2, update]`: what `doc` holds beyond the state vector `stateVector` (the answer to a step 1). */
export function syncStep2Frame(doc: Y.Doc, stateVector: Uint8Array): Uint8Array<ArrayBuffer> {
  return frameWith([MessageType.sync, SyncStep.step2], Y.encodeStateAsUpdate(doc, stateVector));
}

/** `[sync, update, update]`: a change, as clients send it and the server relays it. */
export function updateFrame(update: Uint8Array): Uint8Array<ArrayBuffer> {
  return frameWith([MessageType.sync, SyncStep.update], update);
}

/** `[awareness, awareness update]`: presence, in y-protocols' awareness encoding. */
export function awarenessFrame(awarenessUpdate: Uint8Array): Uint8Array<ArrayBuffer> {
  return frameWith([MessageType.awareness], awarenessUpdate);
}

/** One entry of an awareness update: whose presence, its clock, and its state (null: gone). */
export interface AwarenessEntry {
  clientId: number;
  clock: number;
  state: Record<string, unknown> | null;
}

/**
 * Reads an awareness update (count, then client id, clock and JSON state per entry, as y-protocols encodes it) without
 * applying it, so the server can check whose presence each entry is. Throws if malformed.
 */
export function decodeAwarenessEntries(update: Uint8Array): AwarenessEntry[] {
  const decoder = decoding.createDecoder(update);
  const count = decoding.readVarUint(decoder);
  const entries: AwarenessEntry[] = [];
  for (let i = 0; i < count; i++) {
    const clientId = decoding.readVarUint(decoder);
    const clock = decoding.readVarUint(decoder);
    const state: unknown = JSON.parse(decoding.readVarString(decoder));
    if (state !== null && (typeof state !== 'object' || Array.isArray(state))) throw new Error('awareness state is not an object');
    entries.push({ clientId, clock, state: state as Record<string, unknown> | null });
  }
  return entries;
}

/** Writes entries as an awareness update, the inverse of decodeAwarenessEntries. */
export function encodeAwarenessEntries(entries: readonly AwarenessEntry[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, entries.length);
  for (const entry of entries) {
    encoding.writeVarUint(encoder, entry.clientId);
    encoding.writeVarUint(encoder, entry.clock);
    encoding.writeVarString(encoder, JSON.stringify(entry.state));
  }
  return encoding.toUint8Array(encoder);
}
