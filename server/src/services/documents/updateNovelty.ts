import * as Y from 'yjs';

/**
 * What a client's update would really change in a document, as opposed to what it repeats. Clients re-send what the
 * server holds whenever their changes are computed against less than it has: a sync re-sends the whole delete set, a
 * reloaded browser whose cached copy loads after its socket opened re-sends that copy. Checks on what a client may
 * write look only at the new part.
 */

/** Whether `doc` lacks some of `struct` (Yjs would apply it). Skips are placeholders, never new. */
export function isNewStruct(struct: Y.Item | Y.GC | Y.Skip, doc: Y.Doc): boolean {
  if (struct instanceof Y.Skip) return false;
  const known = doc.store.clients.has(struct.id.client) ? Y.getState(doc.store, struct.id.client) : 0;
  return struct.id.clock + struct.length > known;
}

/** The items of `doc` that the delete set `ds` of an update deletes and that the document still shows. */
export function* newlyDeletedItems(ds: ReturnType<typeof Y.decodeUpdate>['ds'], doc: Y.Doc): Generator<Y.Item> {
  for (const [client, deletions] of ds.clients) {
    const stored = doc.store.clients.get(client);
    if (!stored) continue;
    for (const { clock, len } of deletions) {
      const end = Math.min(clock + len, Y.getState(doc.store, client));
      if (clock >= end) continue;
      for (let index = Y.findIndexSS(stored, clock); index < stored.length && stored[index]!.id.clock < end; index++) {
        const struct = stored[index]!;
        if (struct instanceof Y.Item && !struct.deleted) yield struct;
      }
    }
  }
}

/** Whether `update` would change `doc` at all: content it does not hold, or the deletion of something it shows. */
export function changesDocument(update: Uint8Array, doc: Y.Doc): boolean {
  const { structs, ds } = Y.decodeUpdate(update);
  return structs.some((struct) => isNewStruct(struct, doc)) || !newlyDeletedItems(ds, doc).next().done;
}
