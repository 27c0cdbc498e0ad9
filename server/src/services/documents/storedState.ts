import * as Y from 'yjs';

/** Where the stored Yjs history of a room comes from (the update repository). */
export interface StoredHistory {
  load(room: string): { state: Uint8Array | undefined; updates: Uint8Array[] };
}

/** The open rooms (the collab relay): what they accepted is stored on demand. */
export interface PendingChanges {
  /** Stores what has been accepted but not yet committed (group commit). */
  storePending(): void;
}

/**
 * Everything accepted so far in a room (a document's source or one of its language versions), stored first: what every
 * editor has been sent. One Yjs update holding the whole state.
 */
export function currentState(live: PendingChanges, history: StoredHistory, room: string): Uint8Array {
  live.storePending();
  const { state, updates } = history.load(room);
  const all = state ? [state, ...updates] : updates;
  const doc = new Y.Doc();
  try {
    if (all.length > 0) Y.applyUpdate(doc, Y.mergeUpdates(all));
    return Y.encodeStateAsUpdate(doc);
  } finally {
    doc.destroy();
  }
}
