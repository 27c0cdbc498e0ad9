import * as Y from 'yjs';

/**
 * Whether `update` would change `doc`: content the document does not hold yet, or the deletion of something it still
 * shows. A client's sync re-sends what the server has (its whole delete set, structs the server wrote): not a change.
 * Throws on a malformed update.
 */
export function changesText(update: Uint8Array, doc: Y.Doc): boolean {
  const { structs, ds } = Y.decodeUpdate(update);
  const known = (client: number) => (doc.store.clients.has(client) ? Y.getState(doc.store, client) : 0);
  if (structs.some((struct) => !(struct instanceof Y.Skip) && struct.id.clock + struct.length > known(struct.id.client))) return true;
  for (const [client, deletions] of ds.clients) {
    const stored = doc.store.clients.get(client);
    if (!stored) continue;
    for (const { clock, len } of deletions) {
      const end = Math.min(clock + len, known(client));
      if (clock >= end) continue;
      for (let index = Y.findIndexSS(stored, clock); index < stored.length && stored[index]!.id.clock < end; index++) {
        if (!stored[index]!.deleted) return true;
      }
    }
  }
  return false;
}
