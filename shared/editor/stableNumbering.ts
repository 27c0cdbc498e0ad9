import * as Y from 'yjs';
import type { Renumbering, StableNumber } from '../domain/stableNumbers.ts';
import { EDITOR_FRAGMENT } from '../protocol/documentFragment.ts';
import { RECOMMENDATION_NODE } from './recommendationNumbers.ts';

/**
 * Where a document keeps its locked numbering (docs/decisions/0008-stable-numbers.md): two root maps of its Y.Doc that
 * only the server writes, so every editor, snapshot, export and backup reads the same numbers as the text they go with.
 */
export const NUMBERING_MAP = 'numbering';
/** Recommendation id → its StableNumber. Kept for a deleted recommendation, whose number stays taken. */
export const NUMBERS_MAP = 'numbers';

/** Who locked the numbering, and when (ISO 8601). */
export interface NumberingLock {
  at: string;
  by: string;
}

/** The last renumbering: the correspondence table old → new of the exports' annex. */
export interface RenumberingRecord {
  at: string;
  by: string;
  rows: Renumbering[];
}

export interface NumberingState {
  lock: NumberingLock | null;
  /** The locked numbers, null while the numbering is not locked (numbers are then positions). */
  numbers: Map<string, StableNumber> | null;
  renumbering: RenumberingRecord | null;
}

const LOCK_KEY = 'lock';
const RENUMBERING_KEY = 'renumbering';

export function readNumbering(doc: Y.Doc): NumberingState {
  const meta = doc.getMap<unknown>(NUMBERING_MAP);
  const lock = (meta.get(LOCK_KEY) as NumberingLock | undefined) ?? null;
  const renumbering = (meta.get(RENUMBERING_KEY) as RenumberingRecord | undefined) ?? null;
  if (!lock) return { lock: null, numbers: null, renumbering };
  const numbers = new Map<string, StableNumber>();
  doc.getMap<StableNumber>(NUMBERS_MAP).forEach((number, id) => numbers.set(id, number));
  return { lock, numbers, renumbering };
}

/** The numbering held in a stored Yjs state (a snapshot, the stored document). */
export function numberingOfState(state: Uint8Array): NumberingState {
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, state);
    return readNumbering(doc);
  } finally {
    doc.destroy();
  }
}

/** The locked numbers held in a stored Yjs state, or null while unlocked. */
export function lockedNumbersOfState(state: Uint8Array): Map<string, StableNumber> | null {
  return numberingOfState(state).numbers;
}

/** Writes the lock and the numbers it starts from (inside the caller's transaction). */
export function writeLock(doc: Y.Doc, lock: NumberingLock, numbers: ReadonlyMap<string, StableNumber>): void {
  doc.getMap<unknown>(NUMBERING_MAP).set(LOCK_KEY, lock);
  writeNumbers(doc, numbers);
}

export function writeNumbers(doc: Y.Doc, numbers: ReadonlyMap<string, StableNumber>): void {
  const map = doc.getMap<StableNumber>(NUMBERS_MAP);
  for (const [id, number] of numbers) map.set(id, number);
}

/** Replaces every number by the renumbering's new ones and records its correspondence table. */
export function writeRenumbering(doc: Y.Doc, record: RenumberingRecord): void {
  const map = doc.getMap<StableNumber>(NUMBERS_MAP);
  map.clear();
  for (const row of record.rows) if (row.to) map.set(row.id, row.to);
  doc.getMap<unknown>(NUMBERING_MAP).set(RENUMBERING_KEY, record);
}

/** The ids of the document's recommendations in document order, read from Yjs (no editor needed). */
export function recommendationOrder(doc: Y.Doc): string[] {
  const ids: string[] = [];
  const walk = (parent: Y.XmlFragment | Y.XmlElement) => {
    for (const child of parent.toArray()) {
      if (!(child instanceof Y.XmlElement)) continue;
      const id = child.nodeName === RECOMMENDATION_NODE ? child.getAttribute('id') : undefined;
      if (typeof id === 'string') ids.push(id);
      else walk(child);
    }
  };
  walk(doc.getXmlFragment(EDITOR_FRAGMENT));
  return ids;
}

/** Calls `changed` after every transaction that changed the numbering (the server's numbers reaching this replica). */
export function onNumberingChange(doc: Y.Doc, changed: () => void): () => void {
  const maps = new Set<unknown>([doc.getMap(NUMBERING_MAP), doc.getMap(NUMBERS_MAP)]);
  const listener = (transaction: Y.Transaction) => {
    if ([...transaction.changed.keys()].some((type) => maps.has(type))) changed();
  };
  doc.on('afterTransaction', listener);
  return () => doc.off('afterTransaction', listener);
}
