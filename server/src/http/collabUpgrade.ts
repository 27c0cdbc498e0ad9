import type { IncomingMessage } from 'node:http';
import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Logger } from 'pino';
import { WebSocketServer } from 'ws';
import type { LanguageCode } from '../../../shared/domain/languages.ts';
import { canWriteText } from '../../../shared/domain/textAccess.ts';
import { parseRoomName } from '../../../shared/protocol/languageRooms.ts';
import type * as Y from 'yjs';
import { COLLAB_PATH } from '../../../shared/protocol/collabEndpoint.ts';
import { CloseCode } from '../../../shared/protocol/closeCodes.ts';
import type { CollabRelay } from '../collab/relay.ts';
import { AppError, UnavailableError } from '../errors.ts';
import type { AccessService } from '../services/access/index.ts';
import type { DocumentService } from '../services/documents/index.ts';
import { textEditorIn } from '../services/access/index.ts';
import type { DeadlineGate } from '../services/procedures/index.ts';
import { writesNumbering } from '../services/numbering/index.ts';
import type { AuthFailureLimiter } from './authFailureLimiter.ts';
import { readCredential } from './credentials.ts';
import { DATABASE_UNAVAILABLE_MESSAGE } from './errorHandler.ts';
import { DATABASE_LOST_MESSAGE } from './refuseChangesWhenDatabaseLost.ts';

export interface CollabUpgradeDeps {
  access: AccessService;
  documents: DocumentService;
  relay: CollabRelay;
  /** The language versions a document has: a language room opens only for one of them. */
  languages: { requireVersion(documentId: string, language: LanguageCode): void };
  deadline: DeadlineGate;
  logger: Logger;
  /** Frames larger than this are refused by `ws` before they are buffered, with close code 1009. */
  maxMessageBytes: number;
  /**
   * Origins besides the one the request was addressed to that may open a socket: ACCORD_ALLOWED_ORIGINS and the LAN and
   * public URLs Accord announces (known once listening, hence a function).
   */
  allowedOrigins: () => readonly string[];
  failures: AuthFailureLimiter;
  /** Set once the database file was replaced under the server: nothing may be served or stored any more. */
  databaseLost: () => string | undefined;
  /** Set while the database cannot be reached (PostgreSQL down): clients are let in again once it answers. */
  databaseUnavailable: () => string | undefined;
}

const PATH = new RegExp(`^${COLLAB_PATH}/(.+)$`);

function refuse(socket: Duplex, status: number, code: string, message: string): void {
  const body = JSON.stringify({ error: { code, message } });
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/json\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}

/**
 * Browsers always send Origin and let any page open a socket to any host, so a page elsewhere holding a token (or
 * riding the cookie) could read the document through a delegate's browser. Clients without an Origin are not browsers.
 */
function originAllowed(req: IncomingMessage, allowed: readonly string[]): boolean {
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  try {
    const { host, origin: normalised } = new URL(origin);
    return host === req.headers.host || allowed.some((entry) => new URL(entry).origin === normalised);
  } catch {
    return false;
  }
}

/**
 * Handles `upgrade` requests for `/collab/:documentId` (the source) and `/collab/:documentId/languages/:language` (a
 * language version): every check happens here, before the websocket handshake, so a refused client never receives a
 * byte of the document.
 */
export function collabUpgrade(deps: CollabUpgradeDeps) {
  const wss = new WebSocketServer({ noServer: true, maxPayload: deps.maxMessageBytes });

  const handle = async (req: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> => {
    if (deps.databaseLost() !== undefined) return refuse(socket, 503, 'unavailable', DATABASE_LOST_MESSAGE);
    if (deps.databaseUnavailable() !== undefined) return refuse(socket, 503, 'unavailable', DATABASE_UNAVAILABLE_MESSAGE);
    const url = new URL(req.url ?? '/', 'http://localhost');
    const match = PATH.exec(url.pathname);
    if (!match) return refuse(socket, 404, 'not_found', 'No such websocket endpoint.');
    let roomName: string;
    try {
      roomName = match[1]!.split('/').map(decodeURIComponent).join('/');
    } catch {
      return refuse(socket, 400, 'bad_request', 'The document id is not valid.');
    }
    if (!originAllowed(req, deps.allowedOrigins())) {
      return refuse(socket, 403, 'forbidden', 'This origin may not open a collaboration socket.');
    }
    const room = parseRoomName(roomName);
    if (!room) return refuse(socket, 404, 'not_found', 'No such websocket endpoint.');
    const { documentId, language } = room;
    const credential = readCredential(req, true);
    const address = req.socket.remoteAddress;
    if (await deps.failures.blocked(address)) {
      return refuse(socket, 429, 'rate_limited', 'Too many invalid credentials from this address; try again in a minute.');
    }
    const principal = deps.access.authenticate(credential?.token);
    if (!credential || !principal) {
      await deps.failures.failed(address);
      return refuse(socket, 401, 'unauthorized', 'Missing or invalid credentials.');
    }
    let role;
    try {
      role = deps.documents.authorize(principal, documentId, 'document.read').role;
      if (language) deps.languages.requireVersion(documentId, language);
    } catch (error) {
      if (error instanceof AppError) return refuse(socket, error.status, error.code, error.message);
      throw error;
    }
    const editor = textEditorIn(principal, documentId)!;
    // A translator's (or delegate's) write to a room it may only read is dropped like an observer's: not relayed, not stored.
    const writable = canWriteText(editor, language ?? 'source', { frozen: deps.documents.isFrozen(documentId) });
    const context = {
      documentId,
      room: roomName,
      inviteId: principal.kind === 'member' ? principal.inviteId : null,
      identity: { name: principal.name, delegation: principal.delegation, color: principal.color, role },
      // Decided once: freezing or unfreezing closes the document's sockets, so every reconnection decides anew.
      canWrite: () => writable,
      // The deadline is read at each update, so a delegate's socket opened before it is refused from the moment it passes.
      refusal: (update: Uint8Array, doc: Y.Doc) => {
        try {
          return (
            deps.deadline.lateChange(documentId, role, update, doc) ??
            (writesNumbering(update, doc) ? { code: CloseCode.numberingIsServers, reason: 'only the server writes the numbering' } : undefined)
          );
        } catch (error) {
          // The deadline is read from the database: while it cannot be, nothing is taken and the client comes back later.
          if (error instanceof UnavailableError) return { code: CloseCode.storageFailure, reason: 'database unavailable' };
          throw error;
        }
      },
    };
    wss.handleUpgrade(req, socket, head, (ws) => deps.relay.accept(ws, context));
  };

  return {
    handle: (req: IncomingMessage, socket: Duplex, head: Buffer): void => {
      socket.on('error', () => socket.destroy());
      handle(req, socket, head).catch((error: unknown) => {
        // Found out here, before the probe did: the client tries again, as for a refusal while it is known.
        if (error instanceof UnavailableError) return refuse(socket, 503, 'unavailable', DATABASE_UNAVAILABLE_MESSAGE);
        deps.logger.error({ err: error, path: req.url?.split('?')[0] }, 'upgrade failed');
        refuse(socket, 500, 'internal', 'Something went wrong on the server.');
      });
    },
    close: () => wss.close(),
  };
}
