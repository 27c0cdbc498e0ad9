import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InviteSummary, RevokedSheet } from '../../shared/api/documents.ts';
import { CloseCode } from '../../shared/protocol/closeCodes.ts';
import { connectClient } from './helpers/collabClient.ts';
import { expectError, expectJson, joinWith } from './helpers/responses.ts';
import { type TestServer, startTestServer } from './helpers/testServer.ts';
import { waitFor } from './helpers/waitFor.ts';

let server: TestServer;
let documentId: string;

const createInvite = (body: Record<string, unknown>, token?: string) =>
  server.api('POST', `/api/documents/${documentId}/invites`, body, token).then((response) => expectJson<InviteSummary & { token: string }>(response, 201));
const listInvites = async () =>
  (await expectJson<{ invites: InviteSummary[] }>(await server.api('GET', `/api/documents/${documentId}/invites`), 200)).invites;

const join = (token: string, name: string) => joinWith(server, token, name);

beforeAll(async () => {
  server = await startTestServer();
  documentId = await server.createDocument('Organiser’s desk');
});

afterAll(async () => {
  await server?.close();
});

describe('invite rows told apart', () => {
  it('records who made each invite, how it was handed out and when it was last used', async () => {
    const link = await createInvite({ role: 'delegate', delegation: 'Spain' });
    expect(link).toMatchObject({ handout: 'link', createdBy: 'Organiser', sheetNumber: null, lastUsedAt: null });

    const cardA = await createInvite({ role: 'delegate', delegation: 'France', sheetId: 'sheet-first' });
    const cardB = await createInvite({ role: 'observer', delegation: 'Press', sheetId: 'sheet-first' });
    const cardC = await createInvite({ role: 'delegate', delegation: 'Morocco', sheetId: 'sheet-second' });
    expect([cardA, cardB, cardC].map((card) => [card.handout, card.sheetNumber])).toEqual([
      ['sheet', 1],
      ['sheet', 1],
      ['sheet', 2],
    ]);
    await expectError(await server.api('POST', `/api/documents/${documentId}/invites`, { role: 'delegate', delegation: 'Oman', sheetId: 'a b' }), 400, 'bad_request');

    // An organiser who joined through an invite is named as the maker of what they create.
    const organiserSession = await join((await createInvite({ role: 'organiser', delegation: 'Secretariat' })).token, 'Olga');
    expect((await createInvite({ role: 'delegate', delegation: 'Jordan' }, organiserSession)).createdBy).toBe('Olga');

    const qr = await expectJson<InviteSummary>(await server.api('POST', `/api/documents/${documentId}/invites/${link.id}/qr`), 200);
    expect(qr.handout).toBe('qr');
    expect((await expectJson<InviteSummary>(await server.api('POST', `/api/documents/${documentId}/invites/${cardA.id}/qr`), 200)).handout).toBe('sheet');
    await expectError(await server.api('POST', `/api/documents/${documentId}/invites/unknown/qr`), 404, 'not_found');

    const before = Date.now();
    await join(cardA.token, 'Blaise');
    const used = (await listInvites()).find((invite) => invite.id === cardA.id)!;
    expect(Date.parse(used.lastUsedAt!)).toBeGreaterThanOrEqual(before - 1000);
    expect((await listInvites()).find((invite) => invite.id === cardB.id)!.lastUsedAt).toBeNull();
  });

  it('lets only organisers see rows, mark a QR code or revoke a sheet', async () => {
    const delegate = await join((await createInvite({ role: 'delegate', delegation: 'Tunisia' })).token, 'Tarek');
    const rapporteur = await join((await createInvite({ role: 'rapporteur', delegation: 'Chair' })).token, 'Rita');
    const any = (await listInvites())[0]!;
    for (const token of [delegate, rapporteur]) {
      await expectError(await server.api('GET', `/api/documents/${documentId}/invites`, undefined, token), 403, 'forbidden');
      await expectError(await server.api('POST', `/api/documents/${documentId}/invites/${any.id}/qr`, undefined, token), 403, 'forbidden');
      await expectError(await server.api('DELETE', `/api/documents/${documentId}/invite-sheets/1`, undefined, token), 403, 'forbidden');
    }
  });
});

describe('revoking a card sheet', () => {
  it('revokes every card of the sheet still active at once: tokens, sessions and sockets; other sheets stay', async () => {
    const sheet = await Promise.all(
      ['Egypt', 'Lebanon', 'Qatar'].map((delegation) => createInvite({ role: 'delegate', delegation, sheetId: 'sheet-third' })),
    );
    const number = sheet[0]!.sheetNumber!;
    const other = await createInvite({ role: 'delegate', delegation: 'Oman', sheetId: 'sheet-fourth' });
    const session = await join(sheet[0]!.token, 'Nour');
    const socket = await connectClient(server.wsUrl, documentId, session);
    await expectJson(await server.api('DELETE', `/api/documents/${documentId}/invites/${sheet[2]!.id}`), 200);

    const revoked = await expectJson<RevokedSheet>(await server.api('DELETE', `/api/documents/${documentId}/invite-sheets/${number}`), 200);
    expect(revoked.sheetNumber).toBe(number);
    expect(revoked.revoked.map((invite) => invite.id).sort()).toEqual([sheet[0]!.id, sheet[1]!.id].sort());
    await waitFor(() => socket.closes.includes(CloseCode.inviteRevoked), 'the sheet member’s socket closed with 4403');
    socket.destroy();
    await expectError(await server.api('GET', `/api/documents/${documentId}`, undefined, session), 401, 'unauthorized');
    await expectError(await server.api('POST', '/api/join', { token: sheet[1]!.token, name: 'Late' }, null), 403, 'forbidden');
    expect((await listInvites()).find((invite) => invite.id === other.id)!.revokedAt).toBeNull();

    expect((await expectJson<RevokedSheet>(await server.api('DELETE', `/api/documents/${documentId}/invite-sheets/${number}`), 200)).revoked).toEqual([]);
    await expectError(await server.api('DELETE', `/api/documents/${documentId}/invite-sheets/99`), 404, 'not_found');
    await expectError(await server.api('DELETE', `/api/documents/${documentId}/invite-sheets/first`), 400, 'bad_request');
  });
});
