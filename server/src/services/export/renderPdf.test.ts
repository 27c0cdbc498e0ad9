import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { prosemirrorJSONToYDoc } from '@tiptap/y-tiptap';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { editorSchema } from '../documentState.ts';
import { createExportRenderer } from './renderExport.ts';

interface PlacedWord {
  text: string;
  xMin: number;
  yMin: number;
}

/** Every word of the first page where pdftotext finds it, so the test sees the layout, not only the text. */
function placedWords(pdf: Buffer): PlacedWord[] {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'accord-pdf-')), 'layout.pdf');
  fs.writeFileSync(file, pdf);
  try {
    const xhtml = execFileSync('pdftotext', ['-bbox', '-f', '1', '-l', '1', file, '-'], { encoding: 'utf8' });
    return [...xhtml.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>([^<]*)<\/word>/g)].map((match) => ({
      xMin: Number(match[1]),
      yMin: Number(match[2]),
      text: match[3]!,
    }));
  } finally {
    fs.rmSync(path.dirname(file), { recursive: true });
  }
}

const paragraph = (text: string) => ({ type: 'paragraph', content: [{ type: 'text', text }] });

describe('PDF layout', () => {
  it('starts a right-to-left paragraph on the right even when it opens with a bracket or a quotation mark', async () => {
    const doc = prosemirrorJSONToYDoc(
      editorSchema(),
      { type: 'doc', content: [paragraph('(أ) تعزيز التعاون القضائي'), paragraph('«التعاون» بين الدول'), paragraph('(a) English stays left.')] },
      'default',
    );
    const { body } = await createExportRenderer()({ title: 'T', state: Y.encodeStateAsUpdate(doc), format: 'pdf', language: 'ar', annex: undefined });
    const words = placedWords(body);
    const line = (word: PlacedWord) => words.filter((other) => other.yMin === word.yMin);
    const rightmost = (word: PlacedWord) => Math.max(...line(word).map((other) => other.xMin)) === word.xMin;
    const leftmost = (word: PlacedWord) => Math.min(...line(word).map((other) => other.xMin)) === word.xMin;

    const item = words.find((word) => word.text === '(أ)')!;
    expect(line(item).length).toBeGreaterThan(1);
    expect(rightmost(item)).toBe(true);
    expect(rightmost(words.find((word) => word.text.startsWith('«'))!)).toBe(true);
    expect(leftmost(words.find((word) => word.text === '(a)')!)).toBe(true);
  });
});
