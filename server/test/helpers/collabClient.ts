import type { JSONContent } from '@tiptap/core';
import { updateYFragment } from '@tiptap/y-tiptap';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { editorSchema } from '../../src/infrastructure/editorKit/editorSchema.ts';
import { waitFor } from './waitFor.ts';

export interface CollabClient {
  doc: Y.Doc;
  provider: WebsocketProvider;
  /** The text of the editor fragment, as plain text. */
  text(): string;
  /**
   * Writes `content` as an editor would: into a new document's one empty paragraph, else as a paragraph appended to
   * the editor fragment.
   */
  write(content: string): void;
  /**
   * Makes the editor fragment hold `content` (ProseMirror JSON) by editing what is there, as an editor does. Merging
   * an independently built document instead would put the new document's seed paragraph before or after the content,
   * depending on the two documents' client ids.
   */
  replaceContent(content: JSONContent): void;
  /** Close codes this client's socket has been closed with, in order. */
  closes: number[];
  destroy(): void;
}

/** A stock y-websocket client (as any third-party client would be), synced before it is returned. */
export async function connectClient(
  wsUrl: string,
  documentId: string,
  token: string,
  options: { waitForSync?: boolean; doc?: Y.Doc } = {},
): Promise<CollabClient> {
  const doc = options.doc ?? new Y.Doc();
  const provider = new WebsocketProvider(wsUrl, documentId, doc, {
    params: { token },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    maxBackoffTime: 200,
  });
  const closes: number[] = [];
  provider.on('connection-close', (event) => {
    if (event) closes.push(event.code);
  });
  const fragment = doc.getXmlFragment('default');
  const client: CollabClient = {
    doc,
    provider,
    closes,
    text: () => fragment.toArray().map((node) => (node instanceof Y.XmlElement ? node.toArray().map(String).join('') : String(node))).join('\n'),
    write: (content) => {
      const first = fragment.get(0);
      if (fragment.length === 1 && first instanceof Y.XmlElement && first.length === 0) {
        first.insert(0, [new Y.XmlText(content)]);
        return;
      }
      const paragraph = new Y.XmlElement('paragraph');
      paragraph.insert(0, [new Y.XmlText(content)]);
      fragment.push([paragraph]);
    },
    replaceContent: (content) => {
      const next = editorSchema().nodeFromJSON(content);
      doc.transact(() => updateYFragment(doc, fragment, next, { mapping: new Map(), isOMark: new Map() }));
    },
    destroy: () => {
      provider.destroy();
      doc.destroy();
    },
  };
  if (options.waitForSync !== false) await waitFor(() => provider.synced, 'client sync');
  return client;
}

/**
 * Opens a raw websocket and resolves with the HTTP status the upgrade was refused with, or 101 if it was accepted.
 * `options` may set headers (cookie, origin) or the local address to connect from.
 */
export function upgradeStatus(url: string, options: WebSocket.ClientOptions = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, options);
    socket.on('unexpected-response', (_req, res) => {
      resolve(res.statusCode ?? 0);
      socket.terminate();
    });
    socket.on('open', () => {
      resolve(101);
      socket.close();
    });
    socket.on('error', (error) => {
      if (!(error as Error).message.includes('Unexpected server response')) reject(error);
    });
  });
}
