import { getSchema } from '@tiptap/core';
import { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { updateYFragment, yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SuggestionDecisionResult } from '../../shared/api/suggestions.ts';
import { schemaExtensions } from '../../shared/editor/schemaExtensions.ts';
import { listBrackets, listSuggestions } from '../../shared/editor/suggestionChanges.ts';
import { type CollabClient, connectClient } from './helpers/collabClient.ts';
import { type TestServer, startTestServer } from './helpers/testServer.ts';
import { auditRows } from './helpers/auditLog.ts';
import { waitFor } from './helpers/waitFor.ts';

const schema = getSchema(schemaExtensions());
let server: TestServer;
let documentId: string;
const tokens = { rapporteur: '', spain: '', france: '', observer: '' };
const clients: CollabClient[] = [];

const meta = (id: string, author: string, delegation: string) => ({ id, author, delegation, color: '#1d4ed8', time: '2026-12-01T10:00:00.000Z' });
const text = (value: string, marks: { type: string; attrs: object }[] = []) => ({ type: 'text', text: value, ...(marks.length ? { marks } : {}) });

/** Two recommendations with proposals from Spain (s-ins, s-del) and France (f-ins), and Kenya's brackets (b-1). */
const seeded = () =>
  ProseMirrorNode.fromJSON(schema, {
    type: 'doc',
    content: [
      {
        type: 'recommendation',
        attrs: { id: 'rec-1' },
        content: [
          {
            type: 'paragraph',
            content: [
              text('States shall '),
              text('promptly ', [{ type: 'insertion', attrs: meta('s-ins', 'Ana', 'Spain') }]),
              text('reduce '),
              text('all ', [{ type: 'deletion', attrs: meta('s-del', 'Ana', 'Spain') }]),
              text('emissions', [{ type: 'bracket', attrs: { id: 'b-1', delegation: 'Kenya', time: '2026-12-01T10:00:00.000Z' } }]),
              text('.'),
            ],
          },
        ],
      },
      {
        type: 'recommendation',
        attrs: { id: 'rec-2' },
        content: [{ type: 'paragraph', content: [text('Review '), text('yearly', [{ type: 'insertion', attrs: meta('f-ins', 'Jean', 'France') }]), text('.')] }],
      },
    ],
  });

const read = (client: CollabClient) => yXmlFragmentToProseMirrorRootNode(client.doc.getXmlFragment('default'), schema);
const post = (pathname: string, token: string, body?: unknown) => server.api('POST', `/api/documents/${documentId}${pathname}`, body, token);

const audit = (subject: string) => auditRows(server.dataDir, subject, ['action', 'actor_name', 'details'] as const);

let writer: CollabClient;
let watcher: CollabClient;

beforeEach(async () => {
  server = await startTestServer();
  documentId = await server.createDocument('Negotiated text');
  tokens.rapporteur = (await server.invite(documentId, 'rapporteur', 'Rapporteurs')).token;
  tokens.spain = (await server.invite(documentId, 'delegate', 'Spain')).token;
  tokens.france = (await server.invite(documentId, 'delegate', 'France')).token;
  tokens.observer = (await server.invite(documentId, 'observer', 'Observers')).token;
  writer = await connectClient(server.wsUrl, documentId, tokens.spain);
  watcher = await connectClient(server.wsUrl, documentId, tokens.observer);
  clients.push(writer, watcher);
  const fragment = writer.doc.getXmlFragment('default');
  writer.doc.transact(() => updateYFragment(writer.doc, fragment, seeded(), { mapping: new Map(), isOMark: new Map() }));
  await waitFor(() => listSuggestions(read(watcher)).length === 3, 'the proposals reach the observer');
});

afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy();
  await server.close();
});

describe('suggestion decisions', () => {
  it('refuses delegates and observers (403), unknown ids (404), and lets a rapporteur accept: every editor follows', async () => {
    expect((await post('/suggestions/s-ins/accept', tokens.spain)).status).toBe(403);
    expect((await post('/suggestions/s-ins/reject', tokens.observer)).status).toBe(403);
    expect((await post('/suggestions/accept', tokens.france, {})).status).toBe(403);
    expect((await post('/suggestions/nope/accept', tokens.rapporteur)).status).toBe(404);
    expect((await post('/suggestions/s-ins/maybe', tokens.rapporteur)).status).toBe(400);
    expect(audit('s-ins')).toEqual([]);

    const accepted = await post('/suggestions/s-ins/accept', tokens.rapporteur);
    expect(accepted.status).toBe(200);
    expect((await accepted.json()) as SuggestionDecisionResult).toEqual({ decision: 'accept', suggestionIds: ['s-ins'] });
    const rejected = await post('/suggestions/s-del/reject', tokens.rapporteur);
    expect(rejected.status).toBe(200);

    for (const client of [writer, watcher]) {
      await waitFor(() => listSuggestions(read(client)).length === 1, 'the decisions reach every editor');
      expect(read(client).firstChild!.textContent).toBe('States shall promptly reduce all emissions.');
    }
    expect(audit('s-ins')).toEqual([
      { action: 'suggestion.accept', actor_name: 'Rapporteurs (Rapporteurs)', details: expect.stringContaining('"inserted":"promptly "') },
    ]);
    expect(audit('s-del')).toMatchObject([{ action: 'suggestion.reject' }]);
    // Decided once: a second decision finds nothing.
    expect((await post('/suggestions/s-ins/reject', tokens.rapporteur)).status).toBe(404);
  });

  it('lets a delegate withdraw only their own delegation’s proposals', async () => {
    expect((await post('/suggestions/f-ins/withdraw', tokens.spain)).status).toBe(403);
    expect((await post('/suggestions/s-ins/withdraw', tokens.france)).status).toBe(403);
    expect((await post('/suggestions/s-ins/withdraw', tokens.observer)).status).toBe(403);
    expect((await post('/suggestions/s-ins/withdraw', tokens.spain)).status).toBe(200);
    await waitFor(() => read(watcher).firstChild!.textContent === 'States shall reduce all emissions.', 'the withdrawal reaches the observer');
    expect(audit('s-ins')).toMatchObject([{ action: 'suggestion.withdraw' }]);
    expect(listSuggestions(read(watcher)).map((s) => s.id)).toEqual(['s-del', 'f-ins']);
  });

  it('accepts or rejects all of one delegation, or of one recommendation', async () => {
    const byDelegation = await post('/suggestions/reject', tokens.rapporteur, { delegation: 'Spain' });
    expect(((await byDelegation.json()) as SuggestionDecisionResult).suggestionIds).toEqual(['s-ins', 's-del']);
    await waitFor(() => listSuggestions(read(watcher)).length === 1, 'Spain’s proposals rejected');
    expect(read(watcher).firstChild!.textContent).toBe('States shall reduce all emissions.');

    const byRecommendation = await post('/suggestions/accept', tokens.rapporteur, { recommendationId: 'rec-2' });
    expect(((await byRecommendation.json()) as SuggestionDecisionResult).suggestionIds).toEqual(['f-ins']);
    await waitFor(() => listSuggestions(read(watcher)).length === 0, 'France’s proposal accepted');
    expect(read(watcher).textContent).toBe('States shall reduce all emissions.Review yearly.');
    expect(audit('f-ins')).toMatchObject([{ action: 'suggestion.accept' }]);
    expect((await post('/suggestions/accept', tokens.rapporteur, { colour: 'red' })).status).toBe(400);
  });

  it('refuses every decision on a frozen document', async () => {
    expect((await server.api('POST', `/api/documents/${documentId}/freeze`, { frozen: true })).status).toBe(200);
    expect((await post('/suggestions/s-ins/accept', tokens.rapporteur)).status).toBe(403);
    expect((await post('/suggestions/s-ins/withdraw', tokens.spain)).status).toBe(403);
    expect((await post('/brackets/b-1/remove', tokens.rapporteur)).status).toBe(403);
  });
});

describe('brackets', () => {
  it('lets only a rapporteur or organiser remove brackets, in one action that every editor follows', async () => {
    expect(listBrackets(read(watcher)).map((b) => b.id)).toEqual(['b-1']);
    expect((await post('/brackets/b-1/remove', tokens.spain)).status).toBe(403);
    expect((await post('/brackets/b-2/remove', tokens.rapporteur)).status).toBe(404);
    expect((await post('/brackets/b-1/remove', tokens.rapporteur)).status).toBe(200);
    await waitFor(() => listBrackets(read(watcher)).length === 0, 'the brackets go for everyone');
    expect(read(watcher).firstChild!.textContent).toBe('States shall promptly reduce all emissions.');
    expect(audit('b-1')).toMatchObject([{ action: 'bracket.remove', details: expect.stringContaining('"text":"emissions"') }]);
  });
});

describe('exports', () => {
  const exported = async (format: string, kind: string) => {
    const response = await server.api('GET', `/api/documents/${documentId}/export?format=${format}&kind=${kind}`, undefined, tokens.observer);
    expect(response.status).toBe(200);
    return response.text();
  };

  it('prints the agreed text with square brackets (clean), or the proposals marked (review copy)', async () => {
    // Clean: insertions left out, deletions kept as plain text, brackets printed (escaped, so Markdown shows them).
    expect(await exported('md', 'clean')).toContain('States shall reduce all \\[emissions\\].');
    expect(await exported('html', 'clean')).toContain('<p dir="ltr">States shall reduce all [emissions].</p>');
    // Review copy: proposals marked (CriticMarkup in Markdown, <ins>/<del> in HTML).
    const reviewMarkdown = await exported('md', 'review');
    expect(reviewMarkdown).toContain('States shall {++promptly ++}reduce {--all --}\\[emissions\\].');
    expect(reviewMarkdown).toContain('Review {++yearly++}.');
    expect(await exported('html', 'review')).toContain('States shall <ins>promptly </ins>reduce <del>all </del>[emissions].');
    expect((await exported('docx', 'review')).length).toBeGreaterThan(0);
  });
});
