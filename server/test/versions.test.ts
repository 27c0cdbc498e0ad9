import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Version, VersionComparison } from '../../shared/api/versions.ts';
import { type CollabClient, connectClient } from './helpers/collabClient.ts';
import { type TestServer, startTestServer } from './helpers/testServer.ts';
import { waitFor } from './helpers/waitFor.ts';

let server: TestServer;
let documentId: string;
let tokens: Record<'organiser' | 'rapporteur' | 'delegate' | 'observer', string>;
const clients: CollabClient[] = [];

const connect = async (token: string) => {
  const client = await connectClient(server.wsUrl, documentId, token);
  clients.push(client);
  return client;
};

const start = async (env: Record<string, string> = {}) => {
  server = await startTestServer({ env });
  documentId = await server.createDocument('Recommendations');
  tokens = {
    organiser: (await server.invite(documentId, 'organiser', 'Secretariat')).token,
    rapporteur: (await server.invite(documentId, 'rapporteur', 'Rapporteurs')).token,
    delegate: (await server.invite(documentId, 'delegate', 'Spain')).token,
    observer: (await server.invite(documentId, 'observer', 'Observers')).token,
  };
};

const versionsOf = async () =>
  ((await (await server.api('GET', `/api/documents/${documentId}/versions`)).json()) as { versions: Version[] }).versions;

const named = (name: string, token: string) => server.api('POST', `/api/documents/${documentId}/versions`, { name }, token);

afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy();
  await server.close();
});

describe('versions', () => {
  beforeEach(() => start());

  it('lets rapporteurs and organisers name a version, not delegates or observers', async () => {
    const writer = await connect(tokens.delegate);
    writer.write('Text after session 2');
    expect((await named('After session 2', tokens.rapporteur)).status).toBe(201);
    expect((await named('By the organiser', tokens.organiser)).status).toBe(201);
    expect((await named('Mine', tokens.delegate)).status).toBe(403);
    expect((await named('Mine', tokens.observer)).status).toBe(403);
    expect((await named('', tokens.rapporteur)).status).toBe(400);
    const list = await versionsOf();
    expect(list.map((version) => version.name)).toEqual(['By the organiser', 'After session 2']);
    expect(list[1]).toMatchObject({ kind: 'named', createdByDelegation: 'Rapporteurs' });

    const view = await server.api('GET', `/api/documents/${documentId}/versions/${list[1]!.id}`, undefined, tokens.observer);
    expect(JSON.stringify(await view.json())).toContain('Text after session 2');
    expect((await server.api('GET', `/api/documents/${documentId}/versions/nope`)).status).toBe(404);
  });

  it('exports a chosen version instead of the current text', async () => {
    const writer = await connect(tokens.delegate);
    writer.write('Agreed wording of session 1');
    await waitFor(async () => (await named('Session 1', tokens.rapporteur)).status === 201 && (await versionsOf()).length > 0, 'version');
    const [session1] = await versionsOf();
    writer.write('Later addition');
    const exportMd = (query: string) => server.api('GET', `/api/documents/${documentId}/export?format=md${query}`, undefined, tokens.observer);
    await waitFor(async () => (await (await exportMd('')).text()).includes('Later addition'), 'current text exported');
    const old = await exportMd(`&version=${session1!.id}`);
    expect(old.status).toBe(200);
    const text = await old.text();
    expect(text).toContain('Agreed wording of session 1');
    expect(text).not.toContain('Later addition');
    expect((await exportMd('&version=nope')).status).toBe(404);
  });

  it('compares a version with the current text', async () => {
    const writer = await connect(tokens.delegate);
    writer.write('Screening should use interviews.');
    await named('Before', tokens.rapporteur);
    const [before] = await versionsOf();
    writer.doc.transact(() => {
      const paragraph = writer.doc.getXmlFragment('default').get(0) as import('yjs').XmlElement;
      const text = paragraph.get(0) as import('yjs').XmlText;
      text.delete(10, 6);
      text.insert(10, 'must');
    });
    writer.write('New paragraph.');
    await waitFor(async () => {
      const response = await server.api('GET', `/api/documents/${documentId}/compare?from=${before!.id}&to=current`, undefined, tokens.delegate);
      const comparison = (await response.json()) as VersionComparison;
      const ops = comparison.blocks.flatMap((block) => block.segments.filter((s) => s.op !== 'same').map((s) => `${s.op}:${s.text.trim()}`));
      return ops.includes('removed:should') && ops.includes('added:must') && ops.includes('added:New paragraph.');
    }, 'comparison shows the edits');
    expect((await server.api('GET', `/api/documents/${documentId}/compare?from=nope`)).status).toBe(404);
    expect((await server.api('GET', `/api/documents/${documentId}/compare`)).status).toBe(400);
  });

  it('restores a version as a new change that every open editor follows', async () => {
    const a = await connect(tokens.delegate);
    const b = await connect(tokens.rapporteur);
    a.write('Agreed in session 1');
    await waitFor(() => b.text() === 'Agreed in session 1', 'relay');
    await named('Session 1', tokens.rapporteur);
    const [session1] = await versionsOf();
    b.write('Contested addition');
    await waitFor(() => a.text().includes('Contested addition'), 'relay');

    expect((await server.api('POST', `/api/documents/${documentId}/versions/${session1!.id}/restore`, undefined, tokens.delegate)).status).toBe(403);
    const restored = await server.api('POST', `/api/documents/${documentId}/versions/${session1!.id}/restore`, undefined, tokens.rapporteur);
    expect(restored.status).toBe(200);
    await waitFor(() => a.text() === 'Agreed in session 1' && b.text() === 'Agreed in session 1', 'both editors follow the restore');
    const kinds = (await versionsOf()).map((version) => version.kind);
    expect(kinds).toContain('restore');
    // The text before the restore is kept as a version: history is never rewritten.
    const saved = ((await restored.json()) as { savedBefore: Version }).savedBefore;
    const content = await (await server.api('GET', `/api/documents/${documentId}/versions/${saved.id}`)).json();
    expect(JSON.stringify(content)).toContain('Contested addition');
    const late = await connect(tokens.observer);
    expect(late.text()).toBe('Agreed in session 1');
  });

  it('freezes the document for every role until unfrozen, with a final snapshot', async () => {
    const writers = await Promise.all((['organiser', 'rapporteur', 'delegate'] as const).map((role) => connect(tokens[role])));
    writers[2]!.write('Final text');
    await waitFor(() => writers[0]!.text() === 'Final text', 'relay');
    expect((await server.api('POST', `/api/documents/${documentId}/freeze`, { frozen: true }, tokens.rapporteur)).status).toBe(403);
    const frozen = await server.api('POST', `/api/documents/${documentId}/freeze`, { frozen: true }, tokens.organiser);
    expect(frozen.status).toBe(200);
    expect((await versionsOf())[0]).toMatchObject({ kind: 'freeze' });
    expect(((await (await server.api('GET', `/api/documents/${documentId}`)).json()) as { frozen: boolean }).frozen).toBe(true);

    writers.forEach((writer, index) => writer.write(`frozen write ${index}`));
    expect((await named('During freeze', tokens.rapporteur)).status).toBe(201);
    const check = await connect(tokens.observer);
    expect(check.text()).toBe('Final text');
    const [latest] = await versionsOf();
    expect((await server.api('POST', `/api/documents/${documentId}/versions/${latest!.id}/restore`, undefined, tokens.organiser)).status).toBe(403);

    await server.api('POST', `/api/documents/${documentId}/freeze`, { frozen: false }, tokens.organiser);
    writers[2]!.write('After unfreeze');
    // Sockets are closed on unfreeze; on reconnect the editors' refused edits are sent again and now accepted.
    await waitFor(() => check.text().includes('After unfreeze'), 'writes accepted again');
  });
});

describe('automatic snapshots', () => {
  it('are taken when the last client leaves, and not again for unchanged text', async () => {
    await start({ ACCORD_UNLOAD_GRACE_MS: '50' });
    const writer = await connect(tokens.delegate);
    writer.write('Worked on this morning');
    writer.destroy();
    await waitFor(async () => (await versionsOf()).some((version) => version.kind === 'auto'), 'snapshot on leave');
    const reader = await connect(tokens.observer);
    reader.destroy();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await versionsOf()).filter((version) => version.kind === 'auto')).toHaveLength(1);
  });

  it('are taken after a period of activity', async () => {
    await start({ ACCORD_SNAPSHOT_INTERVAL_MS: '200', ACCORD_UNLOAD_GRACE_MS: '60000' });
    const writer = await connect(tokens.delegate);
    const started = Date.now();
    let i = 0;
    await waitFor(async () => {
      writer.write(`typing ${i++}`);
      return (await versionsOf()).some((version) => version.kind === 'auto');
    }, 'snapshot during activity');
    expect(Date.now() - started).toBeGreaterThanOrEqual(200);
  });
});
