import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { encodeThreadAnchor } from '../../shared/editor/threadAnchorEncoding.ts';
import { type TestServer, startTestServer } from './helpers/testServer.ts';

let server: TestServer;
let documentId: string;
let spain: string;
let morocco: string;

const anchors = () => {
  const text = new Y.Doc().getText('default');
  text.insert(0, 'screening at the points of first arrival');
  return {
    anchorStart: encodeThreadAnchor(Y.createRelativePositionFromTypeIndex(text, 0)),
    anchorEnd: encodeThreadAnchor(Y.createRelativePositionFromTypeIndex(text, 9, -1)),
  };
};

beforeAll(async () => {
  server = await startTestServer();
  documentId = await server.createDocument('Annexed');
  spain = (await server.invite(documentId, 'delegate', 'Spain')).token;
  morocco = (await server.invite(documentId, 'delegate', 'Morocco')).token;
  const open = (token: string, quote: string, visibility: string, body: string) =>
    server.api('POST', `/api/documents/${documentId}/threads`, { ...anchors(), quote, visibility, body }, token);
  expect((await open(spain, 'screening', 'everyone', 'Should this include biometrics?')).status).toBe(201);
  expect((await open(morocco, 'first arrival', 'delegation', 'Internal: our capital disagrees')).status).toBe(201);
});

afterAll(async () => {
  await server.close();
});

const annex = async (token: string) => {
  const response = await server.api('GET', `/api/documents/${documentId}/export?format=md&kind=annex`, undefined, token);
  expect(response.status).toBe(200);
  return response.text();
};

describe('export annex of comment threads', () => {
  it('lists the threads the exporting person may see, with quote, comments and delegation', async () => {
    const text = await annex(spain);
    expect(text).toContain('screening');
    expect(text).toContain('Should this include biometrics?');
    expect(text).toContain('Spain');
    expect(text).not.toContain('our capital disagrees');
  });

  it('includes a delegation-only thread for that delegation', async () => {
    expect(await annex(morocco)).toContain('Internal: our capital disagrees');
  });
});
