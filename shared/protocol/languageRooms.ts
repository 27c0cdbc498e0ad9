import { LANGUAGE_CODES, type LanguageCode } from '../domain/languages.ts';

/**
 * A language version is its own Yjs document, in its own y-websocket room: `<documentId>/languages/<code>`, reached at
 * `/collab/<documentId>/languages/<code>` (docs/decisions/0004-language-versions.md). The source stays in the room
 * `<documentId>`.
 */
const LANGUAGE_ROOM = '/languages/';

/** The room name of `documentId`'s version in `language`, as the stock WebsocketProvider takes it. */
export function languageRoomName(documentId: string, language: LanguageCode): string {
  return `${documentId}${LANGUAGE_ROOM}${language}`;
}

/** What a room name designates: a document's source (language null) or one of its language versions. */
export function parseRoomName(room: string): { documentId: string; language: LanguageCode | null } | undefined {
  const at = room.indexOf(LANGUAGE_ROOM);
  if (at < 0) return room.length > 0 && !room.includes('/') ? { documentId: room, language: null } : undefined;
  const documentId = room.slice(0, at);
  const language = room.slice(at + LANGUAGE_ROOM.length);
  if (documentId.length === 0 || documentId.includes('/')) return undefined;
  return (LANGUAGE_CODES as readonly string[]).includes(language) ? { documentId, language: language as LanguageCode } : undefined;
}

/**
 * In a version's Yjs document, the translation of the source block whose `id` attribute is `blockId` is the root
 * `Y.XmlFragment` of this name: root types are found by name, so two people starting the same block offline get one
 * fragment, never two competing ones.
 */
export function blockFragmentName(blockId: string): string {
  return `block:${blockId}`;
}

/**
 * In a version's Yjs document, the root `Y.Map` of confirmations: block id → `{ source, by, at }`, the source block's
 * wording the translation was confirmed against (plain text), who confirmed it and when.
 */
export const CONFIRMATIONS_MAP = 'confirmations';
