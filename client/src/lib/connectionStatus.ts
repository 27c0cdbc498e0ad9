export type ConnectionStatus = 'connecting' | 'connected' | 'offline' | 'closed';

/** What this page knows about its connection, each fact observed directly rather than inferred from event order. */
export interface ConnectionFacts {
  /** The server refused this browser for good (revoked invite, expired session, deleted document). */
  refused: boolean;
  /** The websocket is open. */
  socketOpen: boolean;
  /** The browser said it has no network (the `offline` event, or `navigator.onLine` false at start). */
  browserOffline: boolean;
  /** A connection attempt closed or failed since the socket was last open. */
  attemptFailed: boolean;
  /** The page shows a text: synced with the server in this page load, or loaded from the copy kept on the device. */
  hasText: boolean;
}

/**
 * The status a person reads. "Offline" needs a text to be offline *with*: a failed attempt with a copy on the screen
 * is offline, whatever order the browser reported its websocket events in. "Connecting…" is kept for a first visit
 * that has nothing yet, where there is no copy to reassure about.
 */
export function connectionStatus(facts: ConnectionFacts): ConnectionStatus {
  if (facts.refused) return 'closed';
  if (facts.socketOpen) return 'connected';
  if (facts.browserOffline) return 'offline';
  return facts.hasText && facts.attemptFailed ? 'offline' : 'connecting';
}
