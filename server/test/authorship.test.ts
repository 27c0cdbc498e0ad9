import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuthorList, DocumentAuthor } from '../../shared/api/authorship.ts';
import { type CollabClient, connectClient } from './helpers/collabClient.ts';
import { type TestServer, startTestServer } from './helpers/testServer.ts';
import { joinWith } from './helpers/responses.ts';
import { waitFor } from './helpers/waitFor.ts';

let server: TestServer;
let documentId: string;
const tokens = { spain: '', france: '', observer: '' };
const clients: CollabClient[] = [];

/** Spain's client got a new Yjs id after the impostor test, which trips y-websocket's awareness on destroy. */
const destroyAll = () => {
  for (const client of clients.splice(0)) {
    try {
      client.destroy();
    } catch {
      client.provider.ws?.close();
    }
  }
};

const join = (inviteToken: string, name: string) => joinWith(server, inviteToken, name);

async function authors(token?: string): Promise<DocumentAuthor[]> {
  const response = await server.api('GET', `/api/documents/${documentId}/authors`, undefined, token);
  expect(response.status).toBe(200);
  return ((await response.json()) as AuthorList).authors;
}

async function connect(token: string): Promise<CollabClient> {
  const client = await connectClient(server.wsUrl, documentId, token);
  clients.push(client);
  return client;
}

beforeAll(async () => {
  server = await startTestServer();
  documentId = await server.createDocument('Authorship');
  tokens.spain = await join((await server.invite(documentId, 'delegate', 'Spain')).token, 'Ana');
  tokens.france = await join((await server.invite(documentId, 'delegate', 'France')).token, 'Chloé');
  tokens.observer = await join((await server.invite(documentId, 'observer', 'Press')).token, 'Olga');
});

afterAll(async () => {
  destroyAll();
  await server?.close();
});

describe('authorship', () => {
  it('maps each Yjs client id to the identity the server authenticated on its socket', async () => {
    const spain = await connect(tokens.spain);
    const france = await connect(tokens.france);
    // What a client says about itself is not what counts: Spain's client claims to be France in its presence.
    spain.provider.awareness.setLocalStateField('user', { name: 'Chloé', delegation: 'France', color: '#000000' });
    spain.write('Spain proposes this text.');
    france.write('France adds this one.');
    await waitFor(() => spain.text().includes('France adds') && france.text().includes('Spain proposes'), 'both texts everywhere');

    const found = await waitFor(async () => {
      const list = await authors(tokens.observer);
      return list.length >= 2 ? list : undefined;
    }, 'two authors');
    const byClient = new Map(found.map((author) => [author.clientId, author]));
    expect(byClient.get(spain.doc.clientID)).toMatchObject({ name: 'Ana', delegation: 'Spain' });
    expect(byClient.get(france.doc.clientID)).toMatchObject({ name: 'Chloé', delegation: 'France' });
    expect(byClient.get(spain.doc.clientID)!.color).not.toBe(byClient.get(france.doc.clientID)!.color);
    const spainAuthor = byClient.get(spain.doc.clientID)!;
    expect(Date.parse(spainAuthor.firstSeen)).toBeLessThanOrEqual(Date.parse(spainAuthor.lastSeen));
  });

  it('records nothing for read-only members, whose updates are dropped', async () => {
    const observer = await connect(tokens.observer);
    observer.write('The press tries to write.');
    const organiser = await connect('organiser-token-for-tests-0123456789');
    organiser.write('The organiser writes.');
    const list = await waitFor(async () => {
      const all = await authors();
      return all.some((author) => author.clientId === organiser.doc.clientID) ? all : undefined;
    }, 'organiser recorded');
    expect(list.find((author) => author.clientId === organiser.doc.clientID)).toMatchObject({ delegation: expect.any(String) });
    expect(list.find((author) => author.clientId === observer.doc.clientID)).toBeUndefined();
  });

  it('keeps the first identity of a client id: another socket reusing it cannot take over the text already attributed', async () => {
    const spain = clients[0]!;
    // Yjs gives a client a new id when it sees its own id in someone else's change, so keep the one it wrote with.
    const spainClientId = spain.doc.clientID;
    const doc = new Y.Doc();
    doc.clientID = spainClientId;
    const impostor = await connectClient(server.wsUrl, documentId, tokens.france, { doc });
    clients.push(impostor);
    impostor.write('Written by France under Spain’s client id.');
    await waitFor(() => spain.text().includes('under Spain'), 'impostor text relayed');
    const list = await authors();
    expect(list.filter((author) => author.clientId === spainClientId)).toEqual([expect.objectContaining({ delegation: 'Spain' })]);
  });

  it('lets any member read the authors, and nobody else', async () => {
    const other = await server.createDocument('Other');
    const outsider = (await server.invite(other, 'delegate', 'Italy')).token;
    expect((await server.api('GET', `/api/documents/${documentId}/authors`, undefined, outsider)).status).toBe(403);
    expect((await server.api('GET', `/api/documents/${documentId}/authors`, undefined, null)).status).toBe(401);
    expect((await authors(tokens.france)).length).toBeGreaterThanOrEqual(2);
  });

  it('survives a restart: the mapping is in the database', async () => {
    destroyAll();
    const before = await authors();
    const dataDir = server.dataDir;
    await server.close();
    server = await startTestServer({ dataDir });
    expect(await authors()).toEqual(before);
  });
});
