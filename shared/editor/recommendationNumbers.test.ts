import { getSchema } from '@tiptap/core';
import { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { describe, expect, it } from 'vitest';
import { formatStableNumber } from '../domain/stableNumbers.ts';
import { recommendationNumbers } from './recommendationNumbers.ts';
import { schemaExtensions } from './schemaExtensions.ts';

const schema = getSchema(schemaExtensions());
const recommendation = (id: string) => ({
  type: 'recommendation',
  attrs: { id },
  content: [{ type: 'paragraph', content: [{ type: 'text', text: id }] }],
});

describe('recommendationNumbers', () => {
  it('numbers recommendations in document order, across sections', () => {
    const doc = ProseMirrorNode.fromJSON(schema, {
      type: 'doc',
      content: [
        { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'One' }] },
        recommendation('a'),
        recommendation('b'),
        { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Two' }] },
        recommendation('c'),
      ],
    });
    const byId = new Map<string, string>();
    for (const [pos, { number }] of recommendationNumbers(doc)) byId.set(doc.nodeAt(pos)!.attrs.id as string, formatStableNumber(number, 'en'));
    expect(Object.fromEntries(byId)).toEqual({ a: '1', b: '2', c: '3' });
  });

  it('shows the locked numbers, and a provisional one for a recommendation the server has not numbered yet', () => {
    const doc = ProseMirrorNode.fromJSON(schema, { type: 'doc', content: [recommendation('a'), recommendation('new'), recommendation('b')] });
    const locked = new Map([
      ['a', { base: 4, suffix: 0 }],
      ['b', { base: 5, suffix: 0 }],
    ]);
    const shown = [...recommendationNumbers(doc, locked).values()].map(({ number, provisional }) => `${formatStableNumber(number, 'en')}${provisional ? '?' : ''}`);
    expect(shown).toEqual(['4', '4bis?', '5']);
  });
});
