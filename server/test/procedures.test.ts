import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DocumentProcedures, PROCEDURE_EVENTS } from '../../shared/api/procedures.ts';
import type { Thread } from '../../shared/api/threads.ts';
import { encodeThreadAnchor } from '../../shared/editor/threadAnchorEncoding.ts';
import { auditRows } from './helpers/auditLog.ts';
import { connectClient } from './helpers/collabClient.ts';
import { openEventStream } from './helpers/eventStream.ts';
import { expectError, expectJson, joinWith } from './helpers/responses.ts';
import { ORGANISER_TOKEN, type TestServer, startTestServer, tempDataDir } from './helpers/testServer.ts';
import { waitFor } from './helpers/waitFor.ts';

let server: TestServer;

async function join(target: TestServer, documentId: string, role: string, delegation: string, name: string): Promise<string> {
  return joinWith(target, (await target.invite(documentId, role, delegation)).token, name);
}

interface People {
  rapporteur: string;
  spain: string;
  france: string;
  observer: string;
}

async function document(target: TestServer, title: string): Promise<{ id: string; people: People }> {
  const id = await target.createDocument(title);
  const people = {
    rapporteur: await join(target, id, 'rapporteur', 'Chair', 'Rita'),
    spain: await join(target, id, 'delegate', 'Spain', 'Ana'),
    france: await join(target, id, 'delegate', 'France', 'Chloé'),
    observer: await join(target, id, 'observer', 'Press', 'Olga'),
  };
  return { id, people };
}

const inMs = (ms: number) => new Date(Date.now() + ms).toISOString();
const newThread = () => {
  const doc = new Y.Doc();
  const text = new Y.XmlText('some words here');
  const paragraph = new Y.XmlElement('paragraph');
  doc.getXmlFragment('default').insert(0, [paragraph]);
  paragraph.insert(0, [text]);
  return {
    anchorStart: encodeThreadAnchor(Y.createRelativePositionFromTypeIndex(text, 5)),
    anchorEnd: encodeThreadAnchor(Y.createRelativePositionFromTypeIndex(text, 10, -1)),
    quote: 'words',
    visibility: 'everyone',
    body: 'A point',
  };
};

const procedures = (target: TestServer, id: string, token?: string) =>
  target.api('GET', `/api/documents/${id}/procedures`, undefined, token).then((response) => expectJson<DocumentProcedures>(response, 200));
const setDeadline = (target: TestServer, id: string, body: unknown, token?: string) => target.api('PUT', `/api/documents/${id}/deadline`, body, token);
const openSilence = (target: TestServer, id: string, body: unknown, token?: string) => target.api('POST', `/api/documents/${id}/silence`, body, token);
const breakSilence = (target: TestServer, id: string, statement: string, token?: string) =>
  target.api('POST', `/api/documents/${id}/silence/break`, { statement }, token);
const audit = (target: TestServer, subject: string) => auditRows(target.dataDir, subject, ['action', 'actor_name', 'details'] as const);

/** A paragraph proposed in suggest mode, as the editor writes it: text carrying an insertion mark with the proposal's id. */
function writeProposal(doc: Y.Doc, id: string, words: string): void {
  const paragraph = new Y.XmlElement('paragraph');
  const text = new Y.XmlText();
  paragraph.insert(0, [text]);
  doc.getXmlFragment('default').push([paragraph]);
  text.insert(0, words, { insertion: { id, author: 'Ana', delegation: 'Spain', color: '#aa3300', time: new Date().toISOString() } });
}

beforeAll(async () => {
  server = await startTestServer();
});

afterAll(async () => {
  await server?.close();
});

describe('deadline for proposals and comments', () => {
  it('is set by the organiser only, validated, shown to every member and sent live', async () => {
    const { id, people } = await document(server, 'Deadline');
    const stream = await openEventStream(`${server.url}/api/documents/${id}/events`, { authorization: `Bearer ${people.observer}` });
    const first = await stream.next((event) => event.event === PROCEDURE_EVENTS.snapshot, 'first procedures event');
    expect(first.data).toEqual({ deadline: null, silence: null });

    const body = { at: '2030-03-04T18:00:00+01:00', timeZone: 'Europe/Zurich' };
    for (const token of [people.rapporteur, people.spain, people.observer]) await expectError(await setDeadline(server, id, body, token), 403, 'forbidden');
    await expectError(await setDeadline(server, id, { ...body, timeZone: 'Mars/Olympus' }), 400, 'bad_request');
    await expectError(await setDeadline(server, id, { ...body, at: '2030-03-04 18:00' }), 400, 'bad_request');
    await expectError(await setDeadline(server, id, { ...body, notify: ['not an address'] }), 400, 'bad_request');

    const sentAt = Date.now();
    const set = await expectJson<DocumentProcedures>(await setDeadline(server, id, { ...body, notify: ['focal@spain.example'] }), 200);
    expect(set.deadline).toMatchObject({ at: '2030-03-04T17:00:00.000Z', timeZone: 'Europe/Zurich', setBy: { name: 'Organiser' }, notify: ['focal@spain.example'] });
    const live = await stream.next((event) => event.event === PROCEDURE_EVENTS.snapshot && (event.data as DocumentProcedures).deadline !== null, 'live deadline');
    expect(Date.now() - sentAt).toBeLessThan(1000);
    expect((live.data as DocumentProcedures).deadline?.at).toBe('2030-03-04T17:00:00.000Z');
    for (const token of [people.rapporteur, people.spain, people.observer]) expect((await procedures(server, id, token)).deadline?.at).toBe('2030-03-04T17:00:00.000Z');
    expect(audit(server, id).map((row) => row.action)).toContain('deadline.set');

    await expectError(await server.api('DELETE', `/api/documents/${id}/deadline`, undefined, people.rapporteur), 403, 'forbidden');
    expect((await expectJson<DocumentProcedures>(await server.api('DELETE', `/api/documents/${id}/deadline`), 200)).deadline).toBeNull();
    await expectError(await server.api('DELETE', `/api/documents/${id}/deadline`), 404, 'not_found');
    await stream.next((event) => event.event === PROCEDURE_EVENTS.snapshot && (event.data as DocumentProcedures).deadline === null && event !== first, 'live clear');
    stream.close();
  });

  it('after it, refuses new threads from delegates with 403 deadline_passed; replies and rapporteurs go on', async () => {
    const { id, people } = await document(server, 'Deadline passed');
    const before = await expectJson<Thread>(await server.api('POST', `/api/documents/${id}/threads`, newThread(), people.spain), 201);
    await expectJson(await setDeadline(server, id, { at: inMs(-1000), timeZone: 'UTC' }), 200);

    await expectError(await server.api('POST', `/api/documents/${id}/threads`, newThread(), people.spain), 403, 'deadline_passed');
    await expectError(await server.api('POST', `/api/documents/${id}/threads`, newThread(), people.france), 403, 'deadline_passed');
    await expectJson(await server.api('POST', `/api/threads/${before.id}/comments`, { body: 'A reply' }, people.france), 201);
    await expectJson(await server.api('POST', `/api/documents/${id}/threads`, newThread(), people.rapporteur), 201);
    await expectJson(await server.api('POST', `/api/documents/${id}/threads`, newThread()), 201);

    await expectJson(await setDeadline(server, id, { at: inMs(60_000), timeZone: 'UTC' }), 200);
    await expectJson(await server.api('POST', `/api/documents/${id}/threads`, newThread(), people.spain), 201);
  });

  it('after it, refuses every change a delegate makes to the text (4423, nothing stored), on sockets opened before it too; rapporteurs go on', async () => {
    const { id, people } = await document(server, 'Live deadline');
    const spain = await connectClient(server.wsUrl, id, people.spain);
    writeProposal(spain.doc, 'early-proposal', 'Proposed before the deadline');
    spain.write('Edited before the deadline');
    const watcher = await connectClient(server.wsUrl, id, ORGANISER_TOKEN);
    await waitFor(() => watcher.text().includes('Proposed before') && watcher.text().includes('Edited before'), 'early changes relayed');
    await expectJson(await setDeadline(server, id, { at: inMs(-1000), timeZone: 'UTC' }), 200);

    // A delegate that only follows keeps its socket: its sync repeats what the server holds.
    const follower = await connectClient(server.wsUrl, id, people.france);
    const rapporteur = await connectClient(server.wsUrl, id, people.rapporteur);
    rapporteur.write('The chair still edits');
    writeProposal(rapporteur.doc, 'chair-proposal', 'The chair still proposes');
    for (const reader of [watcher, spain, follower]) {
      await waitFor(() => reader.text().includes('The chair still edits') && reader.text().includes('The chair still proposes'), 'rapporteur relayed');
    }
    expect([...spain.closes, ...follower.closes]).toEqual([]);

    // The socket opened before the deadline and the one opened after it: any change is refused, plainly.
    spain.write('A plain edit after the deadline');
    await waitFor(() => spain.closes.includes(4423), 'Spain refused');
    writeProposal(follower.doc, 'late-proposal', 'Proposed too late');
    await waitFor(() => follower.closes.includes(4423), 'France refused');
    const stored = await connectClient(server.wsUrl, id, people.observer);
    for (const text of [watcher.text(), stored.text()]) {
      for (const late of ['A plain edit', 'Proposed too late']) expect(text).not.toContain(late);
    }
    for (const client of [spain, watcher, follower, rapporteur, stored]) client.destroy();
  });
});

describe('silence procedure', () => {
  it('is opened by the organiser on a frozen version and broken by a delegation with a statement, live and audited', async () => {
    const { id, people } = await document(server, 'Silence broken');
    const body = { at: inMs(60 * 60_000), timeZone: 'Asia/Amman' };
    await expectError(await openSilence(server, id, body, people.rapporteur), 403, 'forbidden');
    await expectError(await openSilence(server, id, { ...body, at: inMs(-1000) }), 400, 'not_in_future');
    await expectError(await breakSilence(server, id, 'Nothing to break', people.spain), 409, 'conflict');

    const opened = await expectJson<DocumentProcedures>(await openSilence(server, id, body), 201);
    expect(opened.silence).toMatchObject({ status: 'open', timeZone: 'Asia/Amman', openedBy: { name: 'Organiser' }, brokenBy: null });
    // Frozen for the procedure, not adopted by it yet.
    const whileOpen = await (await server.api('GET', `/api/documents/${id}/export?format=md`)).text();
    expect(whileOpen).toMatch(/Under silence procedure until/);
    expect(whileOpen).not.toMatch(/Adopted on/);
    const documentRow = await expectJson<{ frozen: boolean }>(await server.api('GET', `/api/documents/${id}`), 200);
    expect(documentRow.frozen).toBe(true);
    const versions = await expectJson<{ versions: { id: string; kind: string }[] }>(await server.api('GET', `/api/documents/${id}/versions`), 200);
    expect(versions.versions.find((version) => version.id === opened.silence!.versionId)?.kind).toBe('freeze');
    await expectError(await openSilence(server, id, body), 409, 'conflict');
    await expectError(await server.api('POST', `/api/documents/${id}/freeze`, { frozen: false }), 409, 'conflict');

    const stream = await openEventStream(`${server.url}/api/documents/${id}/events`, { authorization: `Bearer ${people.observer}` });
    await stream.next((event) => event.event === PROCEDURE_EVENTS.snapshot, 'snapshot');
    for (const token of [people.rapporteur, people.observer, undefined]) await expectError(await breakSilence(server, id, 'No', token), 403, 'forbidden');
    await expectError(await breakSilence(server, id, '   ', people.france), 400, 'bad_request');
    const sentAt = Date.now();
    const broken = await expectJson<DocumentProcedures>(await breakSilence(server, id, 'France cannot join consensus on paragraph 4.', people.france), 200);
    expect(broken.silence).toMatchObject({ status: 'broken', brokenBy: { name: 'Chloé', delegation: 'France' }, statement: 'France cannot join consensus on paragraph 4.' });
    await stream.next((event) => (event.data as DocumentProcedures).silence?.status === 'broken', 'live broken');
    expect(Date.now() - sentAt).toBeLessThan(1000);
    stream.close();
    await expectError(await breakSilence(server, id, 'Me too', people.spain), 409, 'conflict');
    expect(audit(server, opened.silence!.id).map((row) => row.action)).toEqual(['silence.open', 'silence.break']);

    const html = await (await server.api('GET', `/api/documents/${id}/export?format=html`)).text();
    expect(html).toMatch(/Silence procedure: silence broken by France on .*\(Asia\/Amman\); not adopted/);
    expect(html).not.toMatch(/Adopted on/);
  });

  it('may be withdrawn by the organiser, after which the document can be unfrozen', async () => {
    const { id, people } = await document(server, 'Silence withdrawn');
    await expectJson(await openSilence(server, id, { at: inMs(60_000), timeZone: 'UTC' }), 201);
    await expectError(await server.api('DELETE', `/api/documents/${id}/silence`, undefined, people.rapporteur), 403, 'forbidden');
    expect((await expectJson<DocumentProcedures>(await server.api('DELETE', `/api/documents/${id}/silence`), 200)).silence?.status).toBe('withdrawn');
    await expectError(await server.api('DELETE', `/api/documents/${id}/silence`), 409, 'conflict');
    await expectJson(await server.api('POST', `/api/documents/${id}/freeze`, { frozen: false }), 200);
  });

  it('adopts the text at the deadline when nobody broke silence: live within a second, audited, in the status line', async () => {
    const { id, people } = await document(server, 'Silence kept');
    const deadline = Date.now() + 1500;
    await expectJson(await openSilence(server, id, { at: new Date(deadline).toISOString(), timeZone: 'Europe/Paris' }), 201);
    const stream = await openEventStream(`${server.url}/api/documents/${id}/events`, { authorization: `Bearer ${people.spain}` });
    const adopted = await stream.next((event) => (event.data as DocumentProcedures).silence?.status === 'adopted', 'live adoption', 4000);
    expect(Date.now() - deadline).toBeLessThan(1000);
    expect((adopted.data as DocumentProcedures).silence?.settledAt).toBe(new Date(deadline).toISOString());
    stream.close();
    await expectError(await breakSilence(server, id, 'Too late', people.spain), 409, 'conflict');
    // Adopted is final: no new procedure, no deadline to set or remove.
    await expectError(await openSilence(server, id, { at: inMs(60 * 60_000), timeZone: 'Europe/Paris' }), 409, 'already_adopted');
    await expectError(await setDeadline(server, id, { at: inMs(60 * 60_000), timeZone: 'Europe/Paris' }), 409, 'already_adopted');
    await expectError(await server.api('DELETE', `/api/documents/${id}/deadline`), 409, 'already_adopted');
    const silenceId = (adopted.data as DocumentProcedures).silence!.id;
    expect(audit(server, silenceId).map((row) => [row.action, row.actor_name])).toEqual([
      ['silence.open', 'Organiser (Organisers)'],
      ['silence.adopted', 'Accord'],
    ]);
    for (const [lang, phrase] of [
      ['en', 'Adopted under silence procedure on'],
      ['fr', 'Adopté selon la procédure d’approbation tacite le'],
      ['ar', 'اعتُمد بإجراء الموافقة الضمنية في'],
    ] as const) {
      const html = await (await server.api('GET', `/api/documents/${id}/export?format=html&lang=${lang}`)).text();
      expect(html).toMatch(new RegExp(`<p class="status-line" dir="(ltr|rtl)">${phrase}`));
    }
    const markdown = await (await server.api('GET', `/api/documents/${id}/export?format=md`)).text();
    // Under the title block (version and status), the procedure's own line.
    expect(markdown).toMatch(/^# Silence kept\n\n\*[^\n]+ · Adopted on [^\n]+\*\n\n\*\*Adopted under silence procedure on .*\(Europe\/Paris\)\*\*/);
    const compilation = await (await server.api('GET', `/api/documents/${id}/export?format=html&kind=compilation`)).text();
    expect(compilation).toMatch(/<p class="status-line" dir="ltr">Adopted under silence procedure on .*\(Europe\/Paris\)<\/p>/);
  });

  it('holds across restarts: open through a restart before the deadline, adopted at once by a start after it', async () => {
    const dataDir = tempDataDir();
    let running = await startTestServer({ dataDir });
    const { id } = await document(running, 'Across restarts');
    const deadline = Date.now() + 2500;
    const opened = await expectJson<DocumentProcedures>(await openSilence(running, id, { at: new Date(deadline).toISOString(), timeZone: 'UTC' }), 201);
    await running.close();

    running = await startTestServer({ dataDir });
    expect((await procedures(running, id)).silence?.status).toBe('open');
    await running.close();
    await waitFor(() => Date.now() > deadline + 200, 'deadline passed while stopped', 5000);

    running = await startTestServer({ dataDir });
    const settled = (await procedures(running, id)).silence;
    expect(settled).toMatchObject({ id: opened.silence!.id, status: 'adopted', settledAt: new Date(deadline).toISOString() });
    expect(audit(running, opened.silence!.id).map((row) => row.action)).toEqual(['silence.open', 'silence.adopted']);
    await running.close();
  });
});
