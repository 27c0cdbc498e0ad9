import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { CloseCode } from '../../shared/protocol/closeCodes.ts';
import { awarenessFrame, syncStep1Frame, updateFrame } from '../../shared/protocol/wireFormat.ts';
import { type CollabClient, connectClient, upgradeStatus } from './helpers/collabClient.ts';
import { type RawSocket, openRawSocket, updatesReceived } from './helpers/rawSocket.ts';
import { ORGANISER_TOKEN, type TestServer, startTestServer } from './helpers/testServer.ts';
import { waitFor } from './helpers/waitFor.ts';

let server: TestServer;
let documentId: string;
const clients: CollabClient[] = [];

const connect = async (token: string, options?: Parameters<typeof connectClient>[3]) => {
  const client = await connectClient(server.wsUrl, documentId, token, options);
  clients.push(client);
  return client;
};

beforeEach(async () => {
  server = await startTestServer();
  documentId = await server.createDocument();
});

afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy();
  await server.close();
});

const rawSocket = (token: string) => openRawSocket(`${server.wsUrl}/${documentId}?token=${token}`);

describe('collaboration endpoint', () => {
  it('makes two stock y-websocket clients converge', async () => {
    const a = await connect((await server.invite(documentId, 'delegate', 'Spain')).token);
    const b = await connect((await server.invite(documentId, 'delegate', 'Morocco')).token);
    a.write('Screening at the points of first arrival');
    b.write('تعزيز التعاون القضائي');
    await waitFor(() => a.text().includes('تعزيز') && b.text().includes('Screening'), 'convergence');
    expect(a.text()).toBe(b.text());
  });

  it('starts a new document with one empty paragraph that has its id, so editors opening it write none of their own', async () => {
    const client = await connect((await server.invite(documentId, 'delegate', 'Spain')).token);
    const blocks = client.doc.getXmlFragment('default').toArray();
    expect(blocks).toHaveLength(1);
    const [paragraph] = blocks as Y.XmlElement[];
    expect(paragraph!.nodeName).toBe('paragraph');
    expect(paragraph!.length).toBe(0);
    expect(paragraph!.getAttribute('id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('sends an observer everything but ignores what it writes', async () => {
    const delegate = await connect((await server.invite(documentId, 'delegate')).token);
    const observer = await connect((await server.invite(documentId, 'observer', 'Observers')).token);
    delegate.write('Agreed text');
    await waitFor(() => observer.text().includes('Agreed text'), 'observer receives');
    observer.write('Observer intrusion');
    delegate.write('Second paragraph');
    await waitFor(() => delegate.text().includes('Second paragraph') && observer.text().includes('Second paragraph'), 'later edit');
    expect(delegate.text()).not.toContain('Observer intrusion');
    const late = await connect((await server.invite(documentId, 'delegate', 'France')).token);
    expect(late.text()).toBe('Agreed text\nSecond paragraph');
  });

  it('refuses missing and wrong tokens with 401 and non-members with 403 before any byte of the document', async () => {
    expect(await upgradeStatus(`${server.wsUrl}/${documentId}`)).toBe(401);
    expect(await upgradeStatus(`${server.wsUrl}/${documentId}?token=not-a-real-token`)).toBe(401);
    const otherDocument = await server.createDocument('Other');
    const outsider = await server.invite(otherDocument, 'delegate');
    expect(await upgradeStatus(`${server.wsUrl}/${documentId}?token=${outsider.token}`)).toBe(403);
    expect(await upgradeStatus(`${server.wsUrl}/no-such-document?token=${outsider.token}`)).toBe(404);
    const own = await server.invite(documentId, 'delegate');
    expect(await upgradeStatus(`${server.wsUrl}/${documentId}?token=${own.token}`)).toBe(101);
  });

  it('checks the Origin of cookie-authenticated sockets', async () => {
    const { token } = await server.invite(documentId, 'delegate');
    const join = await server.api('POST', '/api/join', { token, name: 'Ana' }, null);
    const cookie = join.headers.get('set-cookie')!.split(';')[0]!;
    const url = `${server.wsUrl}/${documentId}`;
    expect(await upgradeStatus(url, { headers: { cookie, origin: 'http://evil.example' } })).toBe(403);
    expect(await upgradeStatus(url, { headers: { cookie, origin: server.url } })).toBe(101);
  });

  it('refuses a browser socket from a foreign origin with 403 at the upgrade, whatever its credentials', async () => {
    await server.close();
    server = await startTestServer({
      env: { ACCORD_PUBLIC_URL: 'http://192.0.2.10:8080', ACCORD_ALLOWED_ORIGINS: 'https://drafts.example.org' },
    });
    documentId = await server.createDocument();
    const { token } = await server.invite(documentId, 'delegate');
    const url = `${server.wsUrl}/${documentId}?token=${token}`;
    expect(await upgradeStatus(url, { headers: { origin: 'https://evil.example' } })).toBe(403);
    expect(await upgradeStatus(url, { headers: { origin: 'null' } })).toBe(403);
    expect(await upgradeStatus(url, { headers: { origin: server.url } })).toBe(101);
    expect(await upgradeStatus(url, { headers: { origin: 'http://192.0.2.10:8080' } })).toBe(101);
    expect(await upgradeStatus(url, { headers: { origin: 'https://drafts.example.org' } })).toBe(101);
    // Scripts and stock clients in Node send no Origin.
    expect(await upgradeStatus(url)).toBe(101);
    const organiser = `${server.wsUrl}/${documentId}?token=${ORGANISER_TOKEN}`;
    expect(await upgradeStatus(organiser, { headers: { origin: 'https://evil.example' } })).toBe(403);
  });

  it('closes a connection that sends malformed frames with 4400 while honest clients keep working', async () => {
    const { token } = await server.invite(documentId, 'delegate');
    const honest = await connect(token);
    honest.write('Before');
    const garbage = [
      Uint8Array.of(0, 2, 200, 200, 200),
      Uint8Array.of(0, 2, 5, 1, 2, 3, 4, 5),
      Uint8Array.of(0, 9, 0),
      Uint8Array.of(42),
      Uint8Array.of(1, 3, 1, 2, 3),
      Uint8Array.of(0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff),
    ];
    for (const frame of garbage) {
      const raw = await rawSocket(token);
      raw.socket.send(frame);
      expect(await raw.closed).toBe(CloseCode.malformedMessage);
    }
    const text = await rawSocket(token);
    text.socket.send('hello');
    expect(await text.closed).toBe(CloseCode.malformedMessage);
    honest.write('After');
    const check = await connect(token);
    await waitFor(() => check.text() === 'Before\nAfter', 'document intact');
    expect(honest.provider.wsconnected).toBe(true);
  });

  it('closes an oversize message with 1009 and relays nothing of it', async () => {
    await server.close();
    server = await startTestServer({ env: { ACCORD_MAX_MESSAGE_BYTES: String(64 * 1024) } });
    documentId = await server.createDocument();
    const { token } = await server.invite(documentId, 'delegate');
    const watcher = await connect(token);
    const big = new Y.Doc();
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [new Y.XmlText('x'.repeat(200 * 1024))]);
    big.getXmlFragment('default').push([paragraph]);
    const raw = await rawSocket(token);
    raw.socket.send(updateFrame(Y.encodeStateAsUpdate(big)));
    expect(await raw.closed).toBe(CloseCode.messageTooBig);
    watcher.write('small edit');
    const late = await connect(token);
    await waitFor(() => late.text() === 'small edit', 'only the small edit');
    expect(watcher.text()).toBe('small edit');
  });

  it('accepts a legitimate 3 MiB update (a pasted chapter)', async () => {
    const { token } = await server.invite(documentId, 'delegate');
    const writer = await connect(token);
    const reader = await connect(token);
    writer.write('§'.repeat(1_500_000));
    await waitFor(() => reader.text().length === 1_500_000, 'large update relayed', 10_000);
  });

  it('drops awareness entries for client ids the connection does not own and stamps the authenticated identity', async () => {
    const spain = await connect((await server.invite(documentId, 'delegate', 'Spain')).token);
    const morocco = await connect((await server.invite(documentId, 'delegate', 'Morocco')).token);
    spain.provider.awareness.setLocalStateField('user', { name: 'Pretender', delegation: 'France', color: '#000' });
    await waitFor(() => morocco.provider.awareness.getStates().get(spain.doc.clientID), 'presence of Spain');
    const seen = morocco.provider.awareness.getStates().get(spain.doc.clientID) as { user: { delegation: string; name: string } };
    expect(seen.user.delegation).toBe('Spain');
    expect(seen.user.name).toBe('Spain');

    morocco.provider.awareness.setLocalStateField('cursor', { at: 0 });
    await waitFor(() => spain.provider.awareness.getStates().get(morocco.doc.clientID), 'presence of Morocco');

    // A forged entry for Morocco's client id, sent from Spain's connection, must not reach anyone.
    const forgedDoc = new Y.Doc();
    forgedDoc.clientID = morocco.doc.clientID;
    const forger = new awarenessProtocol.Awareness(forgedDoc);
    for (let at = 90; at < 100; at++) forger.setLocalState({ cursor: { at } });
    const raw = await rawSocket((await server.invite(documentId, 'delegate', 'Lebanon')).token);
    raw.socket.send(awarenessFrame(awarenessProtocol.encodeAwarenessUpdate(forger, [forger.clientID])));
    spain.provider.awareness.setLocalStateField('cursor', { at: 1 });
    await waitFor(() => (morocco.provider.awareness.getStates().get(spain.doc.clientID) as { cursor?: unknown })?.cursor, 'later update');
    const moroccoSeen = spain.provider.awareness.getStates().get(morocco.doc.clientID) as { user?: { delegation: string } };
    expect(moroccoSeen.user?.delegation).toBe('Morocco');
    expect(moroccoSeen).toMatchObject({ cursor: { at: 0 } });
    raw.socket.close();
  });

  it('coalesces presence over the rate limit so the latest caret still arrives', async () => {
    const fast = await connect((await server.invite(documentId, 'delegate', 'Spain')).token);
    const watcher = await connect((await server.invite(documentId, 'delegate', 'Morocco')).token);
    for (let at = 0; at < 300; at++) fast.provider.awareness.setLocalStateField('cursor', { at });
    await waitFor(() => (watcher.provider.awareness.getStates().get(fast.doc.clientID) as { cursor?: { at: number } } | undefined)?.cursor?.at === 299, 'latest caret', 5000);
  });

  it('closes the sockets of a revoked invite', async () => {
    const invite = await server.invite(documentId, 'delegate');
    const client = await connect(invite.token);
    const response = await server.api('DELETE', `/api/documents/${documentId}/invites/${invite.id}`);
    expect(response.status).toBe(200);
    await waitFor(() => client.closes.includes(CloseCode.inviteRevoked), 'revocation close');
    expect(await upgradeStatus(`${server.wsUrl}/${documentId}?token=${invite.token}`)).toBe(401);
  });

  it('sends each writer the others’ changes but never its own, when several write at once', async () => {
    const { token } = await server.invite(documentId, 'delegate');
    const writers = await Promise.all([rawSocket(token), rawSocket(token), rawSocket(token)]);
    const sources = writers.map(() => new Y.Doc());
    const clientIdsIn = (writer: RawSocket) =>
      new Set(updatesReceived(writer, 'update').flatMap((update) => Y.decodeUpdate(update).structs.map((struct) => struct.id.client)));
    // Interleaved sends from three sockets, in bursts, so that flushes hold changes of several writers.
    for (let round = 0; round < 20; round++) {
      sources.forEach((source, index) => {
        source.getText(`t${index}`).insert(round, String(round % 10));
        writers[index]!.socket.send(updateFrame(Y.encodeStateAsUpdate(source)));
      });
      await new Promise((resolve) => setImmediate(resolve));
    }
    await waitFor(
      () => writers.every((writer) => [...clientIdsIn(writer)].length === sources.length - 1),
      'every writer has the others’ changes',
    );
    writers.forEach((writer, index) => {
      const received = clientIdsIn(writer);
      expect(received.has(sources[index]!.clientID)).toBe(false);
      for (const [other, source] of sources.entries()) if (other !== index) expect(received.has(source.clientID)).toBe(true);
    });
    for (const writer of writers) writer.socket.close();
  });

  it('answers a sync step 1 with exactly the missing state', async () => {
    const { token } = await server.invite(documentId, 'delegate');
    const writer = await connect(token);
    writer.write('Stored paragraph');
    await waitFor(async () => {
      const raw = await rawSocket(token);
      raw.socket.send(syncStep1Frame(new Y.Doc()));
      await waitFor(() => updatesReceived(raw, 'syncStep2').length > 0, 'step 2');
      raw.socket.close();
      const replica = new Y.Doc();
      Y.applyUpdate(replica, updatesReceived(raw, 'syncStep2')[0]!);
      return replica.getXmlFragment('default').toString().includes('Stored paragraph');
    }, 'replica from step 2');
  });
});
