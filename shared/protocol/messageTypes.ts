/** The y-websocket message types, as the stock WebsocketProvider numbers them. */
export const MessageType = {
  sync: 0,
  awareness: 1,
  auth: 2,
  queryAwareness: 3,
} as const;

/** Path prefix of the collaboration endpoint: `ws(s)://host:port/collab/:documentId`. */
export const COLLAB_PATH = '/collab';
