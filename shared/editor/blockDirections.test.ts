import { getSchema } from '@tiptap/core';
import { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { describe, expect, it } from 'vitest';
import { blockDirections } from './blockDirections.ts';
import { schemaExtensions } from './schemaExtensions.ts';

const schema = getSchema(schemaExtensions());
const paragraph = (text?: string) => ({ type: 'paragraph', ...(text ? { content: [{ type: 'text', text }] } : {}) });
const docOf = (...content: object[]) => ProseMirrorNode.fromJSON(schema, { type: 'doc', content });

describe('blockDirections', () => {
  it('gives Arabic paragraphs rtl and English ones ltr in one document', () => {
    const doc = docOf(paragraph('Screening at the points of arrival'), paragraph('تعزيز التعاون القضائي'));
    expect([...blockDirections(doc).values()]).toEqual(['ltr', 'rtl']);
  });

  it('lets an empty paragraph keep the direction of the text before it', () => {
    const doc = docOf(paragraph('تعزيز التعاون القضائي'), paragraph(), paragraph('EUROPOL'));
    expect([...blockDirections(doc).values()]).toEqual(['rtl', 'rtl', 'ltr']);
  });

  it('gives containers the direction of their first text and each item its own', () => {
    const doc = docOf({
      type: 'bulletList',
      content: [
        { type: 'listItem', content: [paragraph('Access to asylum')] },
        { type: 'listItem', content: [paragraph('حماية اللاجئين')] },
      ],
    });
    const directions = blockDirections(doc);
    const items: string[] = [];
    doc.descendants((node, pos) => {
      items.push(`${node.type.name}:${directions.get(pos) ?? '-'}`);
      return node.type.name !== 'paragraph';
    });
    expect(items).toEqual(['bulletList:ltr', 'listItem:ltr', 'paragraph:ltr', 'listItem:rtl', 'paragraph:rtl']);
  });
});
