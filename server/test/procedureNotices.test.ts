import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestServer, startTestServer } from './helpers/testServer.ts';
import { joinWith } from './helpers/responses.ts';
import { startSmtp, type TestSmtp } from './helpers/smtp.ts';
import { waitFor } from './helpers/waitFor.ts';

let smtp: TestSmtp;
let accord: TestServer;
const subjects = () => smtp.subjects();
const inMs = (ms: number) => new Date(Date.now() + ms).toISOString();

async function delegate(target: TestServer, documentId: string, delegation: string): Promise<string> {
  return joinWith(target, (await target.invite(documentId, 'delegate', delegation)).token, `${delegation} delegate`);
}

beforeAll(async () => {
  smtp = await startSmtp();
  accord = await startTestServer({ env: { ACCORD_SMTP_URL: `smtp://127.0.0.1:${smtp.port}`, ACCORD_SMTP_FROM: 'Accord <accord@venue.example>' } });
});

afterAll(async () => {
  await accord?.close();
  await smtp?.close();
});

describe('e-mail notices with ACCORD_SMTP_URL', () => {
  it('sends the 24-hour notice of a deadline to the addresses the organiser gave', async () => {
    const id = await accord.createDocument('Ministerial declaration');
    const notify = ['focal@spain.example', 'focal@france.example'];
    expect((await accord.api('PUT', `/api/documents/${id}/deadline`, { at: inMs(3 * 60 * 60_000), timeZone: 'UTC', notify })).status).toBe(200);
    await waitFor(() => subjects().includes('Deadline in 24 hours: Ministerial declaration'), 'deadline notice', 5000);
    const mail = smtp.received.find((entry) => entry.message.includes('Deadline in 24 hours'))!;
    expect(mail.to.sort()).toEqual([...notify].sort());
    expect(mail.message).toMatch(/^From: Accord <accord@venue\.example>$/m);
    // Recipients are not shown to each other.
    expect(mail.message).not.toMatch(/^To: .*focal/m);
  });

  it('tells of a silence procedure ending in 24 hours, of silence broken with the statement, and of an adoption', async () => {
    const id = await accord.createDocument('Outcome document');
    const france = await delegate(accord, id, 'France');
    const notify = ['chair@venue.example'];
    expect((await accord.api('POST', `/api/documents/${id}/silence`, { at: inMs(2 * 60 * 60_000), timeZone: 'UTC', notify })).status).toBe(201);
    await waitFor(() => subjects().includes('Silence procedure ends in 24 hours: Outcome document'), 'silence notice', 5000);
    expect((await accord.api('POST', `/api/documents/${id}/silence/break`, { statement: 'France requests a second reading of paragraph 4.' }, france)).status).toBe(200);
    await waitFor(() => subjects().includes('Silence broken by France: Outcome document'), 'broken notice', 5000);
    expect(smtp.received.find((entry) => entry.message.includes('Silence broken by France'))!.message).toContain('France requests a second reading of paragraph 4.');

    const adopted = await accord.createDocument('Adopted text');
    expect((await accord.api('POST', `/api/documents/${adopted}/silence`, { at: inMs(800), timeZone: 'UTC', notify })).status).toBe(201);
    await waitFor(() => subjects().includes('Adopted under silence procedure: Adopted text'), 'adoption notice', 5000);
  });
});
