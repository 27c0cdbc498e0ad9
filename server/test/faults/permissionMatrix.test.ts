import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { encodeThreadAnchor } from '../../../shared/editor/threadAnchorEncoding.ts';
import { type CollabClient, connectClient, upgradeStatus } from '../helpers/collabClient.ts';
import { ORGANISER_TOKEN, type TestServer, startTestServer } from '../helpers/testServer.ts';
import { waitFor } from '../helpers/waitFor.ts';

const ROLES = ['organiser', 'rapporteur', 'delegate', 'observer'] as const;
type Role = (typeof ROLES)[number];
const ACTIONS = ['connect', 'write', 'comment', 'resolve', 'snapshot', 'restore', 'export'] as const;
type Action = (typeof ACTIONS)[number];

/** The cells that must succeed on one's own document; every cell on another document must fail. */
const ALLOWED: Record<Role, readonly Action[]> = {
  organiser: ACTIONS,
  rapporteur: ACTIONS,
  delegate: ['connect', 'write', 'comment', 'export'],
  observer: ['connect', 'export'],
};

let server: TestServer;
const clients: CollabClient[] = [];
const documents: Record<'own' | 'other', { id: string; tokens: Record<Role, string>; threadId: string; versionId: string }> = {} as never;

const anchors = () => {
  const text = new Y.Doc().getText('default');
  text.insert(0, 'some words');
  return {
    anchorStart: encodeThreadAnchor(Y.createRelativePositionFromTypeIndex(text, 0)),
    anchorEnd: encodeThreadAnchor(Y.createRelativePositionFromTypeIndex(text, 4, -1)),
  };
};

async function setUpDocument(title: string) {
  const id = await server.createDocument(title);
  const tokens = {} as Record<Role, string>;
  for (const role of ROLES) tokens[role] = (await server.invite(id, role, `${role}s`)).token;
  const thread = await server.api('POST', `/api/documents/${id}/threads`, { ...anchors(), quote: 'some', visibility: 'everyone', body: 'Open question' });
  const version = await server.api('POST', `/api/documents/${id}/versions`, { name: 'Baseline' });
  return { id, tokens, threadId: ((await thread.json()) as { id: string }).id, versionId: ((await version.json()) as { id: string }).id };
}

beforeAll(async () => {
  server = await startTestServer();
  documents.own = await setUpDocument('Own');
  documents.other = await setUpDocument('Other');
});

afterAll(async () => {
  for (const client of clients.splice(0)) client.destroy();
  await server.close();
});

const ok = (response: Response) => response.status >= 200 && response.status < 300;

async function attempt(role: Role, action: Action, target: 'own' | 'other'): Promise<boolean> {
  const token = documents.own.tokens[role];
  const doc = documents[target];
  switch (action) {
    case 'connect':
      return (await upgradeStatus(`${server.wsUrl}/${doc.id}?token=${token}`)) === 101;
    case 'write': {
      if ((await upgradeStatus(`${server.wsUrl}/${doc.id}?token=${token}`)) !== 101) return false;
      const writer = await connectClient(server.wsUrl, doc.id, token);
      clients.push(writer);
      const marker = `written by ${role} ${Math.random()}`;
      writer.write(marker);
      // A sentinel written afterwards by the organiser shows the server has had time to take (or drop) the write.
      const sentinel = await connectClient(server.wsUrl, doc.id, ORGANISER_TOKEN);
      clients.push(sentinel);
      const mark = `sentinel ${Math.random()}`;
      await new Promise((resolve) => setTimeout(resolve, 100));
      sentinel.write(mark);
      const reader = await connectClient(server.wsUrl, doc.id, ORGANISER_TOKEN);
      clients.push(reader);
      await waitFor(() => reader.text().includes(mark), 'sentinel');
      return reader.text().includes(marker);
    }
    case 'comment':
      return ok(await server.api('POST', `/api/documents/${doc.id}/threads`, { ...anchors(), quote: 'some', visibility: 'everyone', body: `by ${role}` }, token));
    case 'resolve': {
      const resolved = ok(await server.api('POST', `/api/threads/${doc.threadId}/resolve`, { outcome: 'agreed' }, token));
      if (resolved) await server.api('POST', `/api/threads/${doc.threadId}/reopen`);
      return resolved;
    }
    case 'snapshot':
      return ok(await server.api('POST', `/api/documents/${doc.id}/versions`, { name: `by ${role}` }, token));
    case 'restore':
      return ok(await server.api('POST', `/api/documents/${doc.id}/versions/${doc.versionId}/restore`, undefined, token));
    case 'export':
      return ok(await server.api('GET', `/api/documents/${doc.id}/export?format=md`, undefined, token));
  }
}

describe('role × resource matrix', () => {
  it('lets exactly the allowed cells succeed, on one’s own document and on no other', async () => {
    const observed: string[] = [];
    const expected: string[] = [];
    for (const role of ROLES) {
      for (const action of ACTIONS) {
        for (const target of ['own', 'other'] as const) {
          const allowed = target === 'own' && ALLOWED[role].includes(action);
          expected.push(`${role} ${action} ${target}: ${allowed ? 'allowed' : 'refused'}`);
          observed.push(`${role} ${action} ${target}: ${(await attempt(role, action, target)) ? 'allowed' : 'refused'}`);
        }
      }
    }
    expect(observed).toEqual(expected);
  }, 60_000);
});
