import type { JSONContent } from '@tiptap/core';
import { describe, expect, it } from 'vitest';
import { editorSchema } from '../../infrastructure/editorKit/editorSchema.ts';
import { compareDocuments } from './compareDocuments.ts';

const rec = (id: string, text: string): JSONContent => ({
  type: 'recommendation',
  attrs: { id },
  content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
});
const heading = (text: string): JSONContent => ({ type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text }] });
const doc = (...content: JSONContent[]) => ({ doc: editorSchema().nodeFromJSON({ type: 'doc', content }), numbers: null });
/** A position number as the comparison gives it. */
const n = (base: number) => ({ base, suffix: 0 });

describe('compareDocuments', () => {
  it('marks inserted and deleted words inside a changed recommendation', () => {
    const result = compareDocuments(
      doc(heading('Screening'), rec('a', 'Screening should use interviews.')),
      doc(heading('Screening'), rec('a', 'Screening must use trained interviews.')),
    );
    const changed = result.blocks.find((block) => block.change === 'changed')!;
    expect(changed.recommendation).toEqual(n(1));
    expect(changed.segments.filter((s) => s.op === 'removed').map((s) => s.text.trim())).toContain('should');
    expect(changed.segments.filter((s) => s.op === 'added').map((s) => s.text.trim())).toEqual(expect.arrayContaining(['must', 'trained']));
    expect(result.recommendations).toEqual([{ id: 'a', change: 'changed', from: n(1), to: n(1), text: 'Screening must use trained interviews.' }]);
  });

  it('lists added and removed recommendations with their numbers', () => {
    const result = compareDocuments(
      doc(rec('a', 'First.'), rec('b', 'Second.'), rec('c', 'Third.')),
      doc(rec('n', 'New first.'), rec('a', 'First.'), rec('c', 'Third.')),
    );
    expect(result.recommendations).toEqual(
      expect.arrayContaining([
        { id: 'n', change: 'added', from: null, to: n(1), text: 'New first.' },
        { id: 'b', change: 'removed', from: n(2), to: null, text: 'Second.' },
      ]),
    );
    expect(result.recommendations).toHaveLength(2);
    expect(result.blocks.map((block) => [block.change, block.recommendation])).toEqual([
      ['added', n(1)],
      ['same', n(2)],
      ['removed', n(2)],
      ['same', n(3)],
    ]);
  });

  it('marks whole Arabic words, not letters', () => {
    const result = compareDocuments(doc(rec('a', 'تعزيز التعاون القضائي')), doc(rec('a', 'تعزيز التنسيق القضائي')));
    const changes = result.blocks[0]!.segments.filter((segment) => segment.op !== 'same').map((segment) => `${segment.op}:${segment.text.trim()}`);
    expect(changes).toEqual(['removed:التعاون', 'added:التنسيق']);
  });

  it('keeps each block’s direction', () => {
    const result = compareDocuments(doc(rec('a', 'Text')), doc(rec('a', 'تعزيز التعاون')));
    expect(result.blocks[0]!.dir).toBe('rtl');
  });

  it('reports identical documents as unchanged', () => {
    const same = doc(heading('Title'), rec('a', 'Text.'));
    const result = compareDocuments(same, same);
    expect(result.recommendations).toEqual([]);
    expect(result.blocks.every((block) => block.change === 'same')).toBe(true);
  });
});
