/** Path prefix of the collaboration endpoint: `ws(s)://host:port/collab/:documentId`. */
export const COLLAB_PATH = '/collab';

/**
 * Awareness (presence) messages one connection may send: a burst of this many, refilled at AWARENESS_PER_SECOND.
 * Carets move with every keystroke, so the provider sends a few per second; past this rate a connection's presence
 * updates are coalesced into its latest one, applied when the budget allows.
 */
export const AWARENESS_BURST = 60;
export const AWARENESS_PER_SECOND = 30;
