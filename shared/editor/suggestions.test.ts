import { getSchema } from '@tiptap/core';
import { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { EditorState, type Transaction } from '@tiptap/pm/state';
import { updateYFragment, yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { schemaExtensions } from './schemaExtensions.ts';
import { decideSuggestions, listBrackets, listSuggestions, removeBracket, withoutSuggestions } from './suggestionChanges.ts';
import { suggestTransaction, type SuggestOptions } from './suggestTransaction.ts';

const schema = getSchema(schemaExtensions());
const REMOTE = Symbol('remote');

/** One replica: a Y.Doc edited the way the browser binding does (ProseMirror doc in, Yjs changes out). */
class Peer {
  readonly doc: Y.Doc;
  outbox: Uint8Array[] = [];

  constructor(clientId: number) {
    this.doc = new Y.Doc();
    this.doc.clientID = clientId;
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin !== REMOTE) this.outbox.push(update);
    });
  }

  read(): ProseMirrorNode {
    return yXmlFragmentToProseMirrorRootNode(this.doc.getXmlFragment('default'), schema);
  }

  write(next: ProseMirrorNode): void {
    this.doc.transact(() => updateYFragment(this.doc, this.doc.getXmlFragment('default'), next, { mapping: new Map(), isOMark: new Map() }));
  }

  /** A normal edit, or a proposal when `suggest` is given. */
  edit(change: (tr: Transaction, doc: ProseMirrorNode) => void, suggest?: SuggestOptions): void {
    const state = EditorState.create({ doc: this.read() });
    const tr = state.tr;
    change(tr, state.doc);
    this.write((suggest ? suggestTransaction(tr, state, suggest) : tr).doc);
  }

  text(): string {
    return this.read().textContent;
  }
}

/** Delivers everything `from` has produced to `to`, in the order given by `order` (a permutation source). */
function deliver(from: Peer, to: Peer, random: () => number = () => 0): void {
  const updates = [...from.outbox];
  for (let i = updates.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [updates[i], updates[j]] = [updates[j]!, updates[i]!];
  }
  for (const update of updates) Y.applyUpdate(to.doc, update, REMOTE);
}

function syncAll(peers: Peer[], random?: () => number): void {
  for (const from of peers) for (const to of peers) if (from !== to) deliver(from, to, random);
  for (const peer of peers) peer.outbox = [];
}

/** The document position of `needle` in the text (first occurrence), plus `offset`. */
function posOf(doc: ProseMirrorNode, needle: string, offset = 0): number {
  let found = -1;
  doc.descendants((node, pos) => {
    if (found !== -1 || !node.isText) return found === -1;
    const index = node.text!.indexOf(needle);
    if (index !== -1) found = pos + index + offset;
    return false;
  });
  if (found === -1) throw new Error(`"${needle}" not in "${doc.textContent}"`);
  return found;
}

/** A seeded generator (mulberry32), so a failing order can be replayed. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const START = 'The parties agree to reduce emissions.';

function seededPeers(): [Peer, Peer, Peer] {
  const peers: [Peer, Peer, Peer] = [new Peer(1), new Peer(2), new Peer(3)];
  peers[0].write(
    ProseMirrorNode.fromJSON(schema, {
      type: 'doc',
      content: [{ type: 'recommendation', attrs: { id: 'rec-1' }, content: [{ type: 'paragraph', content: [{ type: 'text', text: START }] }] }],
    }),
  );
  syncAll(peers);
  return peers;
}

let counter = 0;
const as = (author: string, delegation: string, color: string): SuggestOptions => ({
  author: { author, delegation, color },
  now: '2026-12-01T10:00:00.000Z',
  newId: () => `${delegation}-${++counter}`,
});
const france = as('Anne', 'France', '#1d4ed8');
const kenya = as('Wanjiru', 'Kenya', '#b42318');

describe('suggestions on a shared document', () => {
  it('syncs proposals with their author while a peer edits normally, and accepting/rejecting converges', () => {
    const [delegate, other, server] = seededPeers();
    // France proposes an insertion and a deletion; Kenya meanwhile edits the text directly (no suggest mode).
    delegate.edit((tr, doc) => tr.insertText(' by 2030', posOf(doc, '.')), france);
    delegate.edit((tr, doc) => tr.delete(posOf(doc, 'reduce'), posOf(doc, 'reduce', 'reduce '.length)), france);
    other.edit((tr, doc) => tr.insertText('All ', posOf(doc, 'The')));
    syncAll([delegate, other, server]);

    expect(delegate.read().toJSON()).toEqual(other.read().toJSON());
    expect(server.read().toJSON()).toEqual(other.read().toJSON());
    const suggestions = listSuggestions(other.read());
    expect(suggestions).toHaveLength(2);
    expect(suggestions.map((s) => [s.kinds, s.inserted, s.deleted, s.delegation, s.author, s.color, s.recommendationId])).toEqual([
      [['deletion'], '', 'reduce ', 'France', 'Anne', '#1d4ed8', 'rec-1'],
      [['insertion'], ' by 2030', '', 'France', 'Anne', '#1d4ed8', 'rec-1'],
    ]);
    // The peer's own words stay plain text.
    const allMarks: string[] = [];
    other.read().descendants((node) => {
      if (node.isText && node.text!.includes('All')) allMarks.push(...node.marks.map((mark) => mark.type.name));
    });
    expect(allMarks).toEqual([]);

    // The server accepts the insertion and rejects the deletion while Kenya keeps typing.
    const [deletion, insertion] = suggestions;
    server.write(decideSuggestions(server.read(), [insertion!.id], 'accept'));
    server.write(decideSuggestions(server.read(), [deletion!.id], 'reject'));
    other.edit((tr, doc) => tr.insertText(' now', posOf(doc, 'agree', 'agree'.length)));
    syncAll([delegate, other, server]);

    for (const peer of [delegate, other, server]) {
      expect(peer.text()).toBe('All The parties agree now to reduce emissions by 2030.');
      expect(listSuggestions(peer.read())).toEqual([]);
    }
  });

  it('keeps two delegations apart when one types right after the other', () => {
    const [a, b] = seededPeers();
    a.edit((tr, doc) => tr.insertText(' firmly', posOf(doc, ' to')), france);
    syncAll([a, b]);
    b.edit((tr, doc) => tr.insertText(' and fairly', posOf(doc, 'firmly', 'firmly'.length)), kenya);
    a.edit((tr, doc) => tr.insertText(' indeed', posOf(doc, 'emissions', 'emissions'.length)), france);
    syncAll([a, b]);
    const suggestions = listSuggestions(a.read());
    expect(suggestions.map((s) => [s.delegation, s.inserted])).toEqual([
      ['France', ' firmly'],
      ['Kenya', ' and fairly'],
      ['France', ' indeed'],
    ]);
    // Rejecting Kenya's proposal leaves France's.
    a.write(decideSuggestions(a.read(), [suggestions[1]!.id], 'reject'));
    syncAll([a, b]);
    expect(b.text()).toBe('The parties agree firmly to reduce emissions indeed.');
  });

  it('marks text typed into a range concurrently proposed for deletion as both (accepting the deletion removes it)', () => {
    // Yjs formatting spans grow over text inserted concurrently at their edge; everyone sees the same thing.
    const [a, b] = seededPeers();
    b.edit((tr, doc) => tr.delete(posOf(doc, 'emissions'), posOf(doc, 'emissions', 'emissions'.length)), kenya);
    a.edit((tr, doc) => tr.insertText('!', posOf(doc, '.')), france);
    syncAll([a, b]);
    expect(a.read().toJSON()).toEqual(b.read().toJSON());
    const ids = listSuggestions(a.read()).map((s) => s.id);
    b.write(decideSuggestions(b.read(), ids, 'accept'));
    syncAll([a, b]);
    expect(a.text()).toBe(b.text());
    expect(listSuggestions(a.read())).toEqual([]);
  });

  it('extends one proposal while the same person keeps typing', () => {
    const [a] = seededPeers();
    a.edit((tr, doc) => tr.insertText(' by', posOf(doc, '.')), france);
    a.edit((tr, doc) => tr.insertText(' 2030', posOf(doc, '.')), france);
    const suggestions = listSuggestions(a.read());
    expect(suggestions).toHaveLength(1);
    expect(suggestions[0]!.inserted).toBe(' by 2030');
  });

  it('converges whatever order the updates arrive in (seeded)', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const random = seeded(seed);
      const [a, b, c] = seededPeers();
      a.edit((tr, doc) => tr.insertText(' urgently', posOf(doc, 'agree', 'agree'.length)), france);
      b.edit((tr, doc) => tr.delete(posOf(doc, 'emissions'), posOf(doc, 'emissions', 'emissions'.length)), kenya);
      c.edit((tr, doc) => tr.insertText('Both ', posOf(doc, 'parties')));
      a.edit((tr, doc) => tr.insertText('Indeed, ', posOf(doc, 'The')), france);
      syncAll([a, b, c], random);
      expect(b.read().toJSON()).toEqual(a.read().toJSON());
      expect(c.read().toJSON()).toEqual(a.read().toJSON());

      const ids = listSuggestions(c.read()).map((s) => s.id);
      expect(ids).toHaveLength(3);
      c.write(decideSuggestions(c.read(), ids, 'accept'));
      b.edit((tr, doc) => tr.insertText(' greenhouse', posOf(doc, 'reduce', 'reduce'.length)));
      syncAll([a, b, c], random);
      for (const peer of [a, b, c]) expect(peer.text()).toBe('Indeed, The Both parties agree urgently to reduce greenhouse .');
    }
  });
});

describe('the clean text and brackets', () => {
  it('drops proposed insertions and keeps proposed deletions in the clean text', () => {
    const [a] = seededPeers();
    a.edit((tr, doc) => tr.insertText(' by 2030', posOf(doc, '.')), france);
    a.edit((tr, doc) => tr.delete(posOf(doc, 'reduce'), posOf(doc, 'reduce', 'reduce '.length)), kenya);
    const clean = withoutSuggestions(a.read());
    expect(clean.textContent).toBe(START);
    expect(listSuggestions(clean)).toEqual([]);
  });

  it('removes one pair of brackets and keeps the words', () => {
    const [a, b] = seededPeers();
    a.edit((tr, doc) =>
      tr.addMark(posOf(doc, 'reduce'), posOf(doc, 'reduce', 'reduce'.length), schema.marks.bracket!.create({ id: 'b1', delegation: 'Kenya', time: 'now' })),
    );
    syncAll([a, b]);
    expect(listBrackets(b.read())).toEqual([{ id: 'b1', delegation: 'Kenya', time: 'now', text: 'reduce', recommendationId: 'rec-1' }]);
    const { doc, found } = removeBracket(b.read(), 'b1');
    expect(found).toBe(true);
    expect(removeBracket(doc, 'b1').found).toBe(false);
    b.write(doc);
    syncAll([a, b]);
    expect(listBrackets(a.read())).toEqual([]);
    expect(a.text()).toBe(START);
  });
});
