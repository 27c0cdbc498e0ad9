import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { openDatabase, type Db } from '../storage/database.ts';
import { DocumentRepository } from '../storage/documentRepository.ts';
import { sqliteUpdates } from '../storage/openStorage.ts';
import { SqliteDatabase } from '../storage/sql/sqliteDatabase.ts';
import { uncountedMetrics } from '../../test/helpers/uncountedMetrics.ts';
import { decodeFrame } from '../../../shared/protocol/wireFormat.ts';
import { CommitQueue } from './commitQueue.ts';
import { Room, type RoomPeer } from './room.ts';

/** The Yjs update a `[sync, update, bytes]` frame carries. */
function updateIn(data: Uint8Array): Uint8Array {
  const frame = decodeFrame(data);
  if (frame.kind !== 'update') throw new Error(`expected an update frame, got ${frame.kind}`);
  return frame.update;
}

/** A room member that keeps what it is sent. */
class Peer implements RoomPeer {
  readonly frames: Uint8Array[] = [];
  send(frame: Uint8Array): void {
    this.frames.push(frame);
  }

  /** The Yjs client ids whose structs reached this peer, frame by frame. */
  writersPerFrame(): number[][] {
    return this.frames.map((frame) => [...new Set(Y.decodeUpdate(updateIn(frame)).structs.map((struct) => struct.id.client))].sort());
  }
}

let db: Db | undefined;
let dataDir: string | undefined;

afterEach(() => {
  db?.close();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

function roomOnDisk(): Room<Peer> {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'accord-room-'));
  db = openDatabase(dataDir, { synchronous: 'FULL' });
  new DocumentRepository(new SqliteDatabase(db)).insert({ id: 'd1', title: 'Merged frames', createdAt: new Date().toISOString() });
  const updates = sqliteUpdates(new SqliteDatabase(db));
  const commits = new CommitQueue(updates, (_ids, error) => {
    throw error;
  });
  const room = new Room<Peer>('d1', updates, uncountedMetrics, { compactAfterUpdates: 1000, maxDocumentBytes: 1 << 20, maxPendingBytes: 1 << 20 }, commits);
  room.load();
  return room;
}

/** A Yjs client's first edit, as the update it sends. */
function edit(text: string): { clientId: number; update: Uint8Array } {
  const doc = new Y.Doc();
  doc.getText('t').insert(0, text);
  return { clientId: doc.clientID, update: Y.encodeStateAsUpdate(doc) };
}

/** Resolves once everything the room accepted is stored and relayed (relaying is the microtask queued on storing). */
const allStored = (room: Room<Peer>) => new Promise<void>((resolve) => room.whenStored(resolve));

describe('Room relaying a flush', () => {
  it('sends each peer the changes one flush stored as one frame, never the peer’s own', async () => {
    const room = roomOnDisk();
    const [ana, youssef, reader] = [new Peer(), new Peer(), new Peer()];
    for (const peer of [ana, youssef, reader]) room.join(peer);
    const [fromAna, fromYoussef] = [edit('Spain '), edit('Morocco ')];

    // Accepted in the same turn, so stored by one group commit and flushed together.
    room.applyClientUpdate(fromAna.update, ana);
    room.applyClientUpdate(fromYoussef.update, youssef);
    expect(reader.frames).toHaveLength(0);
    await allStored(room);

    expect(reader.writersPerFrame()).toEqual([[fromAna.clientId, fromYoussef.clientId].sort()]);
    expect(ana.writersPerFrame()).toEqual([[fromYoussef.clientId]]);
    expect(youssef.writersPerFrame()).toEqual([[fromAna.clientId]]);
    const replica = new Y.Doc();
    for (const frame of reader.frames) Y.applyUpdate(replica, updateIn(frame));
    expect(replica.getText('t').toString()).toBe(room.doc.getText('t').toString());
  });

  it('sends a lone writer nothing back and its readers one frame per flush', async () => {
    const room = roomOnDisk();
    const [writer, reader] = [new Peer(), new Peer()];
    room.join(writer);
    room.join(reader);
    room.applyClientUpdate(edit('First').update, writer);
    await allStored(room);
    room.applyClientUpdate(edit('Second').update, writer);
    await allStored(room);
    expect(writer.frames).toHaveLength(0);
    expect(reader.frames).toHaveLength(2);
  });

  it('sends a pasted chapter in a frame of its own, shared by every peer, and still merges the keystrokes around it', async () => {
    const room = roomOnDisk();
    const [typist, paster, reader, other] = [new Peer(), new Peer(), new Peer(), new Peer()];
    for (const peer of [typist, paster, reader, other]) room.join(peer);
    const [before, chapter, after] = [edit('Spain '), edit(`Chapter ${'x'.repeat(32 * 1024)}`), edit('Morocco ')];

    room.applyClientUpdate(before.update, typist);
    room.applyClientUpdate(chapter.update, paster);
    room.applyClientUpdate(after.update, typist);
    await allStored(room);

    // In order: the keystroke before, the chapter alone, the keystroke after; the typist gets only the chapter.
    expect(reader.writersPerFrame()).toEqual([[before.clientId], [chapter.clientId], [after.clientId]]);
    expect(typist.writersPerFrame()).toEqual([[chapter.clientId]]);
    expect(paster.writersPerFrame()).toEqual([[before.clientId, after.clientId].sort()]);
    // Built once: the same bytes, not a copy per peer (merging would re-encode all 32 KiB for each).
    expect(reader.frames[1]).toBe(other.frames[1]);
    expect(typist.frames[0]).toBe(reader.frames[1]);
    const replica = new Y.Doc();
    for (const frame of reader.frames) Y.applyUpdate(replica, updateIn(frame));
    expect(replica.getText('t').toString()).toBe(room.doc.getText('t').toString());
  });
});
