import { getSchema } from '@tiptap/core';
import { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { describe, expect, it } from 'vitest';
import { schemaExtensions } from '../../../../shared/editor/schemaExtensions.ts';
import { bracketHolders, recommendationAt } from './currentRecommendation.ts';

const schema = getSchema(schemaExtensions({ assignIds: false }));
const bracket = (delegation: string) => ({ type: 'bracket', attrs: { id: `b-${delegation}`, delegation, time: '2026-12-02T10:00:00Z' } });
const recommendation = (id: string, ...content: unknown[]) => ({ type: 'recommendation', attrs: { id }, content: [{ type: 'paragraph', content }] });

const doc = ProseMirrorNode.fromJSON(schema, {
  type: 'doc',
  content: [
    { type: 'paragraph', content: [{ type: 'text', text: 'Preamble' }] },
    recommendation('r1', { type: 'text', text: 'Screening at arrival.' }),
    recommendation(
      'r2',
      { type: 'text', text: 'Share ' },
      { type: 'text', text: 'biometric', marks: [bracket('Morocco')] },
      { type: 'text', text: ' data with ' },
      { type: 'text', text: 'partners', marks: [bracket('Jordan')] },
      { type: 'text', text: ' and ' },
      { type: 'text', text: 'agencies', marks: [bracket('Morocco')] },
    ),
  ],
});

/** The position of the first occurrence of `text` in the document. */
function positionOf(text: string): number {
  let found = -1;
  doc.descendants((node, pos) => {
    if (found < 0 && node.isText && node.text!.includes(text)) found = pos + node.text!.indexOf(text);
    return found < 0;
  });
  return found;
}

describe('recommendationAt', () => {
  it('finds the recommendation holding a position, with where it starts', () => {
    const found = recommendationAt(doc, positionOf('arrival'));
    expect(found?.node.attrs.id).toBe('r1');
    expect(doc.nodeAt(found!.pos)?.attrs.id).toBe('r1');
    expect(recommendationAt(doc, positionOf('data with'))?.node.attrs.id).toBe('r2');
  });

  it('finds none outside the recommendations, and clamps positions past the end', () => {
    expect(recommendationAt(doc, positionOf('Preamble'))).toBeUndefined();
    expect(recommendationAt(doc, doc.content.size + 50)).toBeUndefined();
  });
});

describe('bracketHolders', () => {
  it('lists each delegation holding brackets once, in order', () => {
    expect(bracketHolders(recommendationAt(doc, positionOf('data with'))!.node)).toEqual(['Morocco', 'Jordan']);
    expect(bracketHolders(recommendationAt(doc, positionOf('arrival'))!.node)).toEqual([]);
  });
});
