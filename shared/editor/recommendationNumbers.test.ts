import { getSchema } from '@tiptap/core';
import { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { describe, expect, it } from 'vitest';
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
    const byId = new Map<string, number>();
    for (const [pos, number] of recommendationNumbers(doc)) byId.set(doc.nodeAt(pos)!.attrs.id as string, number);
    expect(Object.fromEntries(byId)).toEqual({ a: 1, b: 2, c: 3 });
  });
});
