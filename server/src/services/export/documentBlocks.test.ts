import type { JSONContent } from '@tiptap/core';
import { describe, expect, it } from 'vitest';
import { editorSchema } from '../../infrastructure/editorKit/editorSchema.ts';
import { type StableNumber, formatStableNumber } from '../../../../shared/domain/stableNumbers.ts';
import { documentBlocks } from './documentBlocks.ts';
import type { Block } from './exportModel.ts';

const doc = (...content: JSONContent[]) => editorSchema().nodeFromJSON({ type: 'doc', content });
const paragraph = (text?: string, marks?: JSONContent['marks']): JSONContent => ({
  type: 'paragraph',
  ...(text ? { content: [{ type: 'text', text, ...(marks ? { marks } : {}) }] } : {}),
});
const recommendation = (...content: JSONContent[]): JSONContent => ({ type: 'recommendation', content });

describe('documentBlocks', () => {
  it('numbers recommendations by position, across headings and other blocks', () => {
    const blocks = documentBlocks(
      doc(
        recommendation(paragraph('first')),
        { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Part two' }] },
        paragraph('between'),
        recommendation(paragraph('second')),
        recommendation(paragraph('third')),
      ),
    );
    expect(blocks.filter((block) => block.kind === 'recommendation').map((block) => block.number)).toEqual(['1', '2', '3']);
  });

  it('prints the locked numbers, and in a review copy only a deleted recommendation as "4 [deleted]" in its place', () => {
    const rec = (id: string) => ({ ...recommendation(paragraph(id)), attrs: { id } });
    const locked = new Map([
      ['r1', { base: 1, suffix: 0 }],
      ['r2', { base: 2, suffix: 0 }],
      ['r3', { base: 3, suffix: 0 }],
      ['a', { base: 2, suffix: 1 }],
    ]);
    const numbering = { locked, format: (number: StableNumber) => formatStableNumber(number, 'en'), deletedText: '[deleted]' };
    const text = doc(rec('r1'), rec('a'), rec('r3'));
    const labelled = (blocks: Block[]) =>
      blocks.flatMap((block) => (block.kind === 'recommendation' ? [`${block.number}${block.deleted ? ' [deleted]' : ''}`] : []));
    expect(labelled(documentBlocks(text, { numbering }))).toEqual(['1', '2bis', '3']);
    const review = documentBlocks(text, { numbering, review: true });
    expect(labelled(review)).toEqual(['1', '2 [deleted]', '2bis', '3']);
    // A label alone, printed as one line: no text under it.
    expect(review[1]).toMatchObject({ kind: 'recommendation', number: '2', deleted: true, blocks: [] });
  });

  it('gives each block its own direction, and number-only blocks the direction of the text before', () => {
    const [arabic, english, digits] = documentBlocks(doc(paragraph('تعزيز التعاون'), paragraph('Screening'), paragraph('2024')));
    expect(arabic).toMatchObject({ kind: 'paragraph', dir: 'rtl' });
    expect(english).toMatchObject({ kind: 'paragraph', dir: 'ltr' });
    expect(digits).toMatchObject({ kind: 'paragraph', dir: 'ltr' });
    const [, afterArabic] = documentBlocks(doc(paragraph('تعزيز'), paragraph('12.')));
    expect(afterArabic).toMatchObject({ dir: 'rtl' });
  });

  it('merges equally formatted text and keeps only allowed links', () => {
    const [block] = documentBlocks(
      doc({
        type: 'paragraph',
        content: [
          { type: 'text', text: 'a', marks: [{ type: 'bold' }] },
          { type: 'text', text: 'b', marks: [{ type: 'bold' }] },
          { type: 'hardBreak' },
          { type: 'text', text: 'bad', marks: [{ type: 'link', attrs: { href: ' JAVASCRIPT:alert(1)' } }] },
          { type: 'text', text: 'good', marks: [{ type: 'link', attrs: { href: 'https://example.org' } }] },
        ],
      }),
    );
    expect(block).toEqual({
      kind: 'paragraph',
      dir: 'ltr',
      inlines: [
        { kind: 'text', text: 'ab', bold: true, italic: false, underline: false, href: undefined },
        { kind: 'break' },
        { kind: 'text', text: 'bad', bold: false, italic: false, underline: false, href: undefined },
        { kind: 'text', text: 'good', bold: false, italic: false, underline: false, href: 'https://example.org/' },
      ],
    });
  });

  it('keeps the text of structures the editor never makes, without inventing numbers', () => {
    const schema = editorSchema();
    const { nodes } = schema;
    const text = (value: string) => schema.text(value);
    // NodeType.create skips content rules, as the Yjs conversion does for the top level: what a raw client can produce.
    const nested = nodes.doc!.create(null, [
      nodes.recommendation!.create(null, [
        nodes.paragraph!.create(null, [text('outer')]),
        nodes.recommendation!.create(null, [nodes.paragraph!.create(null, [text('inner')])]),
      ]),
      text('stray text'),
      nodes.heading!.create({ level: 'x' }, [text('odd level')]),
      nodes.orderedList!.create({ start: -3 }, [nodes.listItem!.create(null, [nodes.paragraph!.create(null, [text('item')])])]),
    ]);
    expect(documentBlocks(nested)).toMatchObject([
      { kind: 'recommendation', number: '1', blocks: [{ kind: 'paragraph' }, { kind: 'paragraph', inlines: [{ text: 'inner' }] }] },
      { kind: 'paragraph', inlines: [{ text: 'stray text' }] },
      { kind: 'heading', level: 1 },
      { kind: 'list', ordered: true, start: 1, items: [[{ kind: 'paragraph', inlines: [{ text: 'item' }] }]] },
    ]);
  });
});
