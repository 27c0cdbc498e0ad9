import { getSchema } from '@tiptap/core';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { EditorState, TextSelection, type Transaction } from '@tiptap/pm/state';
import { initProseMirrorDoc, prosemirrorJSONToYXmlFragment, updateYFragment, yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { schemaExtensions } from '../../../../shared/editor/schemaExtensions.ts';
import { placeTextEdits } from './placeTextEdits.ts';

const schema = getSchema(schemaExtensions({ assignIds: false }));

type Json = Record<string, unknown>;
const paragraph = (text: string): Json => ({ type: 'paragraph', content: [{ type: 'text', text }] });
const recommendation = (...content: Json[]): Json => ({ type: 'recommendation', attrs: { id: 'r1' }, content });

/** Where `text` starts in `doc` (within one text node). */
function positionOf(doc: ProseMirrorNode, text: string): number {
  let at = -1;
  doc.descendants((node, pos) => {
    const index = at < 0 && node.isText ? node.text!.indexOf(text) : -1;
    if (index >= 0) at = pos + index;
    return at < 0;
  });
  if (at < 0) throw new Error(`not found: ${text}`);
  return at;
}

/**
 * A shared document holding `content` and the editor's view of it, as y-tiptap's binding keeps them. `edit` applies
 * an editor transaction and writes it to Yjs as the binding does (`updateYFragment`), with or without placing its
 * text first.
 */
function sharedDocument(...content: Json[]) {
  const ydoc = new Y.Doc();
  const type = ydoc.getXmlFragment('default');
  prosemirrorJSONToYXmlFragment(schema, { type: 'doc', content }, type);
  const { doc, mapping } = initProseMirrorDoc(type, schema);
  let state = EditorState.create({ doc, schema });
  const meta = { mapping: mapping as Map<unknown, unknown>, isOMark: new Map() };
  return {
    ydoc,
    type,
    meta,
    get doc() {
      return state.doc;
    },
    edit(change: (tr: Transaction) => Transaction, place = true) {
      const tr = change(state.tr);
      const before = state.doc;
      state = state.apply(tr);
      ydoc.transact(() => {
        if (place) placeTextEdits(type, before, state.doc, tr.mapping);
        updateYFragment(ydoc, type, state.doc, meta as never);
      });
    },
    /** The first character of `text` in the first paragraph, as a relative position (as a thread's start is). */
    characterAt(text: string): Y.RelativePosition {
      const paragraphText = (type.get(0) as Y.XmlElement).get(0) as Y.XmlText;
      return Y.createRelativePositionFromTypeIndex(paragraphText, paragraphText.toString().indexOf(text), 0);
    },
  };
}

/** The text from `position` on, in its text. */
function textFrom(ydoc: Y.Doc, position: Y.RelativePosition): string {
  const absolute = Y.createAbsolutePositionFromRelativePosition(position, ydoc)!;
  const text = (absolute.type as Y.XmlText).toDelta() as { insert: string }[];
  return text.map((op) => op.insert).join('').slice(absolute.index);
}

const insertAt = (text: string, before: string) => (tr: Transaction) => tr.insertText(text, positionOf(tr.doc, before));

describe('placing an edit’s text in Yjs where the edit made it', () => {
  it('is needed: y-tiptap’s own diff gives a word typed before “share” that starts with “s” the first letter of “share”', () => {
    // If this starts failing, y-tiptap places typed text itself and TextEditPlacement can go.
    const shared = sharedDocument(paragraph('Members shall share all evidence.'));
    const share = shared.characterAt('share all');
    shared.edit(insertAt('swiftly ', 'share all'), false);
    expect(shared.type.toString()).toContain('swiftly share all');
    expect(textFrom(shared.ydoc, share)).toBe('swiftly share all evidence.');
  });

  for (const typed of ['swiftly ', 'shortly ', 'share ', 'sharing ']) {
    it(`keeps “share” on its own characters when “${typed}” is typed just before it`, () => {
      const shared = sharedDocument(paragraph('Members shall share all evidence.'));
      const share = shared.characterAt('share all');
      shared.edit(insertAt(typed, 'share all'));
      expect(yXmlFragmentToProseMirrorRootNode(shared.type, schema).eq(shared.doc)).toBe(true);
      expect(textFrom(shared.ydoc, share)).toBe('share all evidence.');
    });
  }

  it('keeps them when the word before, sharing the first letters, is deleted, and when one letter is typed at a time', () => {
    const shared = sharedDocument(paragraph('Members shall swiftly share all evidence.'));
    const share = shared.characterAt('share all');
    shared.edit((tr) => tr.delete(positionOf(tr.doc, 'swiftly '), positionOf(tr.doc, 'share all')));
    expect(textFrom(shared.ydoc, share)).toBe('share all evidence.');
    for (const letter of 'shortly ') shared.edit((tr) => tr.insertText(letter, positionOf(tr.doc, 'share all')));
    expect(shared.type.toString()).toContain('shall shortly share all');
    expect(textFrom(shared.ydoc, share)).toBe('share all evidence.');
  });

  it('keeps a character that an edit replaced elsewhere in the same transaction, and writes formatting through y-tiptap', () => {
    const shared = sharedDocument(paragraph('Members shall share all evidence.'));
    const share = shared.characterAt('share all');
    shared.edit((tr) => {
      tr.insertText('MEMBERS', 1, 1 + 'Members'.length);
      const at = positionOf(tr.doc, 'share all');
      return tr.insertText('swiftly ', at).addMark(at, at + 'swiftly'.length, schema.marks.bold!.create());
    });
    expect(yXmlFragmentToProseMirrorRootNode(shared.type, schema).eq(shared.doc)).toBe(true);
    expect(shared.doc.textContent).toBe('MEMBERS shall swiftly share all evidence.');
    expect(textFrom(shared.ydoc, share)).toBe('share all evidence.');
  });

  it('places text in nested blocks and leaves y-tiptap’s mapping of them on the new document', () => {
    const shared = sharedDocument(recommendation(paragraph('Parties should publish data.')));
    const ydoc = shared.ydoc;
    const recommendationType = shared.type.get(0) as Y.XmlElement;
    const text = (recommendationType.get(0) as Y.XmlElement).get(0) as Y.XmlText;
    const publish = Y.createRelativePositionFromTypeIndex(text, text.toString().indexOf('publish'), 0);
    const before = shared.doc;
    const tr = EditorState.create({ doc: before, schema }).tr.insertText('publicly ', positionOf(before, 'publish data'));
    const placed = placeTextEdits(shared.type, before, tr.doc, tr.mapping);
    expect(textFrom(ydoc, publish)).toBe('publish data.');
    expect(placed.map(({ type }) => type)).toEqual([recommendationType, recommendationType.get(0), text]);
    expect(placed.map(({ after }) => after)).toEqual([tr.doc.child(0), tr.doc.child(0).child(0), [tr.doc.child(0).child(0).child(0)]]);
  });

  it('leaves splits, joins and new blocks to y-tiptap, and writes nothing into text that does not hold the old text', () => {
    const shared = sharedDocument(paragraph('One two.'), paragraph('Three.'));
    const before = shared.doc;
    const split = EditorState.create({ doc: before, schema, selection: TextSelection.create(before, 4) }).tr.split(4);
    expect(placeTextEdits(shared.type, before, split.doc, split.mapping)).toEqual([]);
    expect(shared.type.toString()).toBe('<paragraph>One two.</paragraph><paragraph>Three.</paragraph>');
    ((shared.type.get(1) as Y.XmlElement).get(0) as Y.XmlText).insert(0, 'Peer: ');
    const typed = EditorState.create({ doc: before, schema }).tr.insertText('Now ', positionOf(before, 'Three'));
    placeTextEdits(shared.type, before, typed.doc, typed.mapping);
    expect(shared.type.toString()).toBe('<paragraph>One two.</paragraph><paragraph>Peer: Three.</paragraph>');
  });
});
