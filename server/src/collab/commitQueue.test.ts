import { setImmediate as nextTurn } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { CommitQueue } from './commitQueue.ts';
import type { DocumentPersistence } from './ports.ts';

/** Storage that records what was committed and made durable, with flushes completed by the test. */
class FakeStorage implements DocumentPersistence {
  committed: string[] = [];
  durable: string[] = [];
  pendingSyncs: ((error: Error | undefined) => void)[] = [];
  failNextCommit = false;

  load() {
    return { state: undefined, updates: [], seq: 0 };
  }
  compact() {}
  appendMany(updates: readonly { documentId: string; update: Uint8Array }[]) {
    const seqs = this.appendManyUnsynced(updates);
    this.syncNow();
    return seqs;
  }
  appendManyUnsynced(updates: readonly { documentId: string; update: Uint8Array }[]) {
    if (this.failNextCommit) {
      this.failNextCommit = false;
      throw new Error('disk full');
    }
    // Numbered as storage numbers them: the position of each in what was ever committed (one room here).
    return updates.map(({ update }) => this.committed.push(String(update[0])));
  }
  sync(done: (error: Error | undefined) => void) {
    const upTo = this.committed.length;
    this.pendingSyncs.push((error) => {
      if (!error) this.durable = this.committed.slice(0, Math.max(upTo, this.durable.length));
      done(error);
    });
  }
  syncNow() {
    this.durable = [...this.committed];
  }
  completeSync(error?: Error) {
    this.pendingSyncs.shift()!(error);
  }
}

/** A queue that sends every flush to the thread pool (`inlineSyncMs` 0), so the test decides when each completes. */
function setUp(inlineSyncMs = 0) {
  const storage = new FakeStorage();
  const relayed: string[] = [];
  const failures: string[] = [];
  const queue = new CommitQueue(storage, (documentIds) => failures.push(...documentIds), inlineSyncMs);
  const add = (n: number, documentId = 'doc') =>
    queue.add({ documentId, update: Uint8Array.of(n), stored: () => relayed.push(String(n)) });
  return { storage, relayed, failures, queue, add };
}

describe('CommitQueue', () => {
  it('relays a turn’s changes only once the flush after their commit is done', async () => {
    const { storage, relayed, add } = setUp();
    add(1);
    add(2);
    await nextTurn();
    expect(storage.committed).toEqual(['1', '2']);
    expect(relayed).toEqual([]);
    storage.completeSync();
    expect(relayed).toEqual(['1', '2']);
    expect(storage.durable).toEqual(['1', '2']);
  });

  it('hands each change the number storage gave it within its room', async () => {
    const storage = new FakeStorage();
    const queue = new CommitQueue(storage, () => undefined, 1000);
    const numbers: number[] = [];
    for (const n of [7, 8, 9]) queue.add({ documentId: 'doc', update: Uint8Array.of(n), stored: (roomSeq) => numbers.push(roomSeq) });
    await nextTurn();
    queue.add({ documentId: 'doc', update: Uint8Array.of(10), stored: (roomSeq) => numbers.push(roomSeq) });
    queue.flush();
    expect(numbers).toEqual([1, 2, 3, 4]);
  });

  it('flushes at once, on the event loop, while flushes are quick', async () => {
    const { storage, relayed, add } = setUp(1000);
    add(1);
    await nextTurn();
    expect(storage.durable).toEqual(['1']);
    expect(storage.pendingSyncs).toHaveLength(0);
    expect(relayed).toEqual(['1']);
  });

  it('commits later turns while a flush runs, and covers them with the next one', async () => {
    const { storage, relayed, add } = setUp();
    add(1);
    await nextTurn();
    add(2);
    await nextTurn();
    add(3);
    await nextTurn();
    expect(storage.committed).toEqual(['1', '2', '3']);
    expect(storage.pendingSyncs).toHaveLength(1);
    storage.completeSync();
    expect(relayed).toEqual(['1']);
    expect(storage.pendingSyncs).toHaveLength(1);
    storage.completeSync();
    expect(relayed).toEqual(['1', '2', '3']);
  });

  it('answers a sync request only when everything accepted before it is durable', async () => {
    const { storage, queue, add } = setUp();
    const answered: string[] = [];
    queue.whenStored(() => answered.push('idle'));
    expect(answered).toEqual(['idle']);
    add(1);
    queue.whenStored(() => answered.push('after 1'));
    await nextTurn();
    add(2);
    await nextTurn();
    storage.completeSync();
    expect(answered).toEqual(['idle', 'after 1']);
  });

  it('stores everything synchronously on flush(), and ignores the flush it overtook', async () => {
    const { storage, relayed, queue, add } = setUp();
    add(1);
    await nextTurn();
    add(2);
    expect(queue.flush()).toBeUndefined();
    expect(storage.durable).toEqual(['1', '2']);
    expect(relayed).toEqual(['1', '2']);
    storage.completeSync();
    expect(relayed).toEqual(['1', '2']);
  });

  it('relays nothing that failed to commit or to flush, and reports the documents', async () => {
    const { storage, relayed, failures, add } = setUp();
    storage.failNextCommit = true;
    add(1, 'a');
    await nextTurn();
    expect(failures).toEqual(['a']);
    add(2, 'b');
    await nextTurn();
    storage.completeSync(new Error('EIO'));
    expect(failures).toEqual(['a', 'b']);
    expect(relayed).toEqual([]);
  });

  it('runs idle tasks (compaction) only when nothing at all is pending', async () => {
    const { storage, queue, add } = setUp();
    const ran: string[] = [];
    add(1);
    queue.whenIdle(() => ran.push('compact'));
    await nextTurn();
    add(2);
    await nextTurn();
    storage.completeSync();
    expect(ran).toEqual([]);
    storage.completeSync();
    expect(ran).toEqual(['compact']);
  });
});
