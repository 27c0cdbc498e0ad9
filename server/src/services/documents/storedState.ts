/**
 * The one reader of stored document state (the collab relay's `storedState`): every service that reads a document's
 * or a language version's text goes through it, so all of them follow one flush rule.
 */
export interface StoredState {
  /**
   * Everything accepted so far in `room` (a document's source or one of its language versions), stored first: what
   * every editor has been sent. One Yjs update holding the whole state.
   */
  storedState(room: string): Uint8Array;
}
