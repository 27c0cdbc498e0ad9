import * as Y from 'yjs';
import type { StoredDocument } from './ports.ts';

/**
 * A room's stored history (its compacted state and every update since) as one Yjs update, or undefined when nothing is
 * stored. The one merge of stored document state: loading a room and reading what is stored both go through it.
 */
export function mergeStoredHistory({ state, updates }: StoredDocument): Uint8Array | undefined {
  const all = state ? [state, ...updates] : updates;
  if (all.length <= 1) return all[0];
  return Y.mergeUpdates(all);
}
