import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';

/**
 * The Yjs client ids whose structs (inserted content) a v1 update carries. Deletions carry no author and are ignored.
 * Most stored changes are one client's keystrokes: their single struct group names its client in the first bytes,
 * read without decoding the structs; only updates with several groups are parsed in full.
 */
export function structClientIds(update: Uint8Array): number[] {
  const decoder = decoding.createDecoder(update);
  const groups = decoding.readVarUint(decoder);
  if (groups === 0) return [];
  if (groups === 1) {
    decoding.readVarUint(decoder); // number of structs
    return [decoding.readVarUint(decoder)];
  }
  return [...Y.parseUpdateMeta(update).from.keys()];
}
