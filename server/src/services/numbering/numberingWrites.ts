import * as Y from 'yjs';
import { NUMBERING_MAP, NUMBERS_MAP } from '../../../../shared/editor/stableNumbering.ts';
import { isNewStruct, newlyDeletedItems } from '../documents/index.ts';

const SERVER_ONLY = [NUMBERING_MAP, NUMBERS_MAP];

/** Whether `type` is, or is nested in, one of the maps only the server writes. */
function inServerOnlyMap(doc: Y.Doc, type: Y.AbstractType<unknown>): boolean {
  let current: Y.AbstractType<unknown> | null = type;
  while (current?._item) current = current._item.parent as Y.AbstractType<unknown> | null;
  return SERVER_ONLY.some((name) => doc.share.get(name) === current);
}

type Struct = Y.Item | Y.GC | Y.Skip;

/** The update's structs by client, in clock order (as the update lists them), to find an item's neighbour in it. */
class IncomingStructs {
  private readonly byClient = new Map<number, Struct[]>();

  constructor(structs: readonly Struct[]) {
    for (const struct of structs) {
      const list = this.byClient.get(struct.id.client);
      if (list) list.push(struct);
      else this.byClient.set(struct.id.client, [struct]);
    }
  }

  find(id: Y.ID): Struct | undefined {
    const list = this.byClient.get(id.client);
    if (!list) return undefined;
    let low = 0;
    let high = list.length - 1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      const struct = list[middle]!;
      if (id.clock < struct.id.clock) high = middle - 1;
      else if (id.clock >= struct.id.clock + struct.length) low = middle + 1;
      else return struct;
    }
    return undefined;
  }
}

/**
 * Whether an incoming item is written into a server-only map. Yjs encodes an item's parent only when it has no
 * neighbours; otherwise the parent is that of its left or right neighbour, found in the document or in the update.
 */
function writesServerOnly(doc: Y.Doc, item: Y.Item, incoming: IncomingStructs, seen = new Set<Y.Item>()): boolean {
  if (seen.has(item)) return false;
  seen.add(item);
  const parent = item.parent as unknown;
  if (typeof parent === 'string') return SERVER_ONLY.includes(parent);
  if (parent instanceof Y.ID || parent === null) {
    const neighbour = parent instanceof Y.ID ? parent : (item.origin ?? item.rightOrigin);
    if (!neighbour) return false;
    const known = doc.store.clients.has(neighbour.client) && neighbour.clock < Y.getState(doc.store, neighbour.client);
    if (known) {
      const found = Y.getItem(doc.store, neighbour);
      if (!(found instanceof Y.Item)) return false;
      if (parent instanceof Y.ID) return found.content instanceof Y.ContentType && inServerOnlyMap(doc, found.content.type);
      return inServerOnlyMap(doc, found.parent as Y.AbstractType<unknown>);
    }
    const inUpdate = incoming.find(neighbour);
    return inUpdate instanceof Y.Item && writesServerOnly(doc, inUpdate, incoming, seen);
  }
  return parent instanceof Y.AbstractType && inServerOnlyMap(doc, parent);
}

/**
 * Whether a client's update writes or deletes anything in the maps of the locked numbering, which only the server
 * writes (docs/decisions/0008-stable-numbers.md). Items and deletions the server already has (a client's sync re-sends
 * its whole delete set, a reloaded browser its cached copy) do not count. Throws on a malformed update.
 */
export function writesNumbering(update: Uint8Array, doc: Y.Doc): boolean {
  const { structs, ds } = Y.decodeUpdate(update);
  const incoming = new IncomingStructs(structs);
  if (structs.some((struct) => struct instanceof Y.Item && isNewStruct(struct, doc) && writesServerOnly(doc, struct, incoming))) return true;
  for (const item of newlyDeletedItems(ds, doc)) if (inServerOnlyMap(doc, item.parent as Y.AbstractType<unknown>)) return true;
  return false;
}
