import { z } from 'zod';

/**
 * What Accord processes tell each other over Redis (docs/decisions/0012-cluster-relay-over-redis.md). Delivery is at
 * most once: a receiver that sees a gap in an update's `seq` repairs from the database, which is the source of truth.
 */
const room = z.string().min(1).max(512);
const documentId = z.string().min(1).max(512);
/** Yjs update bytes; JSON carries them as base64. */
const yjsBytes = z.base64();

export const BusMessage = z.discriminatedUnion('kind', [
  /** A stored document update; `seq` is the per-room number the database gave it when the update was committed. */
  z.object({ kind: z.literal('update'), room, seq: z.number().int().nonnegative(), update: yjsBytes }),
  /** Presence and carets: ephemeral, re-sent by clients, never repaired. */
  z.object({ kind: z.literal('awareness'), room, update: yjsBytes }),
  /** A live-channel event, unfiltered: each receiving process filters it per recipient as for its own events. */
  z.object({ kind: z.literal('live'), documentId, event: z.json() }),
  /** An invite was revoked: every process closes that invite's sockets. */
  z.object({ kind: z.literal('revoked'), inviteId: z.string().min(1).max(512) }),
  /** A document was frozen or unfrozen: every process tells its editors to re-read their access. */
  z.object({ kind: z.literal('frozen'), documentId, frozen: z.boolean() }),
  /** One room's sockets must reconnect and be checked anew (its language version was removed): every process closes them. */
  z.object({ kind: z.literal('roomClosed'), room, code: z.number().int().min(4000).max(4999), reason: z.string().max(123) }),
]);
export type BusMessage = z.infer<typeof BusMessage>;

/** One message on the wire, with the id of the process that sent it, so that a process skips its own. */
export const BusEnvelope = z.object({ from: z.string().min(1).max(64), message: BusMessage });
export type BusEnvelope = z.infer<typeof BusEnvelope>;
