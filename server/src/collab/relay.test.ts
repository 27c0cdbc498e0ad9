import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket, { WebSocketServer } from 'ws';
import * as Y from 'yjs';
import { updateFrame } from '../../../shared/protocol/wireFormat.ts';
import { openDatabase, type Db } from '../storage/database.ts';
import { DocumentRepository } from '../storage/documentRepository.ts';
import { sqliteUpdates } from '../storage/openStorage.ts';
import { SqliteDatabase } from '../storage/sql/sqliteDatabase.ts';
import { uncountedMetrics } from '../../test/helpers/uncountedMetrics.ts';
import type { ConnectionContext, StoredDocument } from './ports.ts';
import { CollabRelay } from './relay.ts';
import { mergeStoredHistory } from './storedHistory.ts';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0).reverse()) cleanup();
});

const context: ConnectionContext = {
  documentId: 'd1',
  room: 'd1',
  inviteId: null,
  identity: { name: 'Organiser', delegation: '', color: '#000000', role: 'organiser' },
  canWrite: () => true,
};

function textOf(state: Uint8Array | undefined): string {
  const doc = new Y.Doc();
  if (state) Y.applyUpdate(doc, state);
  return doc.getText('t').toString();
}

describe('CollabRelay.storedState, the one reader of stored document state', () => {
  it('holds a change accepted in this very turn, which a plain read of the database misses', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'accord-relay-'));
    const db: Db = openDatabase(dataDir, { synchronous: 'FULL' });
    cleanups.push(() => fs.rmSync(dataDir, { recursive: true, force: true }), () => db.close());
    new DocumentRepository(new SqliteDatabase(db)).insert({ id: 'd1', title: 'Read while typing', createdAt: new Date().toISOString() });
    const updates = sqliteUpdates(new SqliteDatabase(db));
    const relay = new CollabRelay({
      persistence: updates,
      metrics: uncountedMetrics,
      logger: pino({ level: 'silent' }),
      unloadGraceMs: 60_000,
      compactAfterUpdates: 1000,
      maxDocumentBytes: 1 << 20,
      maxPendingBytes: 1 << 20,
      maxBufferedBytes: 1 << 20,
    });
    cleanups.push(() => relay.shutdown());

    // What a reader sees when it runs in the turn the change arrived in, right after the relay accepted it (an export
    // request read in the same poll phase as the keystroke): the change is applied and queued, not yet committed.
    let readInTurn: { plain: StoredDocument; stored: Uint8Array } | undefined;
    const wss = new WebSocketServer({ port: 0 });
    cleanups.push(() => wss.close());
    wss.on('connection', (socket) => {
      relay.accept(socket, context);
      socket.on('message', () => {
        readInTurn ??= { plain: updates.load('d1'), stored: relay.storedState('d1') };
      });
    });
    await new Promise((resolve) => wss.once('listening', resolve));
    const client = new WebSocket(`ws://127.0.0.1:${(wss.address() as AddressInfo).port}`);
    cleanups.push(() => client.terminate());
    await new Promise((resolve) => client.once('open', resolve));

    const typed = new Y.Doc();
    typed.getText('t').insert(0, 'the last word typed before export');
    client.send(updateFrame(Y.encodeStateAsUpdate(typed)));
    await expect.poll(() => readInTurn, { timeout: 5000 }).toBeDefined();

    expect(textOf(mergeStoredHistory(readInTurn!.plain))).toBe('');
    expect(textOf(readInTurn!.stored)).toBe('the last word typed before export');
    // Reading stored it: it is on disk, not only in the relay's memory.
    expect(textOf(mergeStoredHistory(updates.load('d1')))).toBe('the last word typed before export');
  });
});
