/**
 * Websocket close codes the collaboration endpoint uses. The server closes with them; the client maps them to plain
 * words for the connection banner. 4000–4999 is the range RFC 6455 leaves to applications; following y-websocket's
 * convention, 4400–4499 are final (the stock provider stops reconnecting) and 4500–4599 mean "reconnect".
 */
export const CloseCode = {
  /** The server is shutting down; reconnecting later will work. */
  goingAway: 1001,
  /** A frame larger than the configured maximum message size (RFC 6455 "message too big"). */
  messageTooBig: 1009,
  /** Unexpected server fault while handling a frame. */
  internalError: 1011,
  /** The frame is not valid y-websocket protocol or not a valid Yjs update. */
  malformedMessage: 4400,
  /** The credentials stopped being valid (session expired, server restarted with another organiser token). */
  unauthorized: 4401,
  /** The invite this connection was opened with has been revoked. */
  inviteRevoked: 4403,
  /**
   * The document was frozen or unfrozen: reconnect and ask again what you may do. Reconnecting also re-sends, once
   * writes are allowed again, anything typed while the server was refusing it.
   */
  accessChanged: 4501,
  /**
   * A delegate's update changed the text after the document's deadline for proposals and comments: nothing of it was
   * stored; the words stay on the delegate's device. Final, since resending them would be refused again.
   */
  deadlinePassed: 4423,
  /**
   * The update wrote into the document's locked numbering, which only the server writes (ADR 0008): nothing of it was
   * stored. Final: the stock editor never writes it, so only a tampering client is refused.
   */
  numberingIsServers: 4424,
  /** The document was deleted or never existed. */
  documentNotFound: 4404,
  /** The document would grow past the per-document size cap. */
  documentTooLarge: 4413,
  /** The connection sent more than its rate allows; reconnecting after a pause is fine. */
  rateLimited: 4529,
  /** The document could not be loaded or stored (or the database cannot be reached); nothing was applied. */
  storageFailure: 4500,
  /**
   * Too many of this client's updates depend on changes the server never received: they were dropped, and reconnecting
   * (which re-sends the client's whole state) repairs it.
   */
  unappliableUpdates: 4510,
} as const;

export type CloseCodeName = keyof typeof CloseCode;

const byNumber = new Map<number, CloseCodeName>(
  Object.entries(CloseCode).map(([name, code]) => [code, name as CloseCodeName]),
);

/** The name of a close code we send, or undefined for codes from elsewhere (network, browser). */
export function closeCodeName(code: number): CloseCodeName | undefined {
  return byNumber.get(code);
}
