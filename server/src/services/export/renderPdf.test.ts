import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { prosemirrorJSONToYDoc } from '@tiptap/y-tiptap';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { DEMO_CONTENT, DEMO_TITLE } from '../../infrastructure/demo/demoContent.ts';
import { editorSchema, proseMirrorOf } from '../../infrastructure/editorKit/editorSchema.ts';
import { documentBlocks, plainText } from './documentBlocks.ts';
import type { Block } from './exportModel.ts';
import { createExportRenderer } from './renderExport.ts';
import { CURRENT_TEXT } from '../../../test/exportFixture.ts';

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

/** The text pdftotext reads from a PDF, in logical order. */
function pdfText(pdf: Buffer): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'accord-pdf-')), 'text.pdf');
  fs.writeFileSync(file, pdf);
  try {
    return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  } finally {
    fs.rmSync(path.dirname(file), { recursive: true });
  }
}

/**
 * The words of a text, without the punctuation and bidi marks pdftotext moves or adds (a right-to-left line's final
 * full stop comes out first): two words run together, or one split, still differ.
 */
function words(text: string): string[] {
  return text
    .replace(/[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '')
    .split(/\s+/)
    .map((word) => word.replace(/\p{P}/gu, ''))
    .filter(Boolean);
}

/** Every paragraph of the block model whose text reads right to left, nested ones included. */
function rightToLeftParagraphs(blocks: readonly Block[]): string[] {
  return blocks.flatMap((block): string[] => {
    switch (block.kind) {
      case 'paragraph':
      case 'heading':
        return block.dir === 'rtl' ? [plainText(block.inlines)] : [];
      case 'list':
        return block.items.flatMap(rightToLeftParagraphs);
      case 'quote':
      case 'recommendation':
        return rightToLeftParagraphs(block.blocks);
      case 'parallel':
        return block.cells.flatMap((cell) => rightToLeftParagraphs(cell.blocks));
    }
  });
}

const paragraph = (text: string) => ({ type: 'paragraph', content: [{ type: 'text', text }] });

describe('PDF layout', () => {
  it('starts a right-to-left paragraph on the right even when it opens with a bracket or a quotation mark', async () => {
    const doc = prosemirrorJSONToYDoc(
      editorSchema(),
      { type: 'doc', content: [paragraph('(أ) تعزيز التعاون القضائي'), paragraph('«التعاون» بين الدول'), paragraph('(a) English stays left.')] },
      'default',
    );
    const { body } = await createExportRenderer()({ title: 'T', state: Y.encodeStateAsUpdate(doc), format: 'pdf', language: 'ar', annex: undefined, publication: CURRENT_TEXT });
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

describe('PDF text', () => {
  it('keeps every word of every Arabic paragraph of the demo, in order, in every export language', async () => {
    const state = Y.encodeStateAsUpdate(prosemirrorJSONToYDoc(editorSchema(), DEMO_CONTENT, 'default'));
    const arabic = rightToLeftParagraphs(documentBlocks(proseMirrorOf(state)));
    expect(arabic.length).toBeGreaterThanOrEqual(2);
    const render = createExportRenderer();
    for (const language of ['en', 'fr', 'ar'] as const) {
      const { body } = await render({ title: DEMO_TITLE, state, format: 'pdf', language, annex: undefined, publication: CURRENT_TEXT });
      // Lines are joined: a paragraph's words must come out as one run of words, wherever its lines break.
      const printed = ` ${words(pdfText(body)).join(' ')} `;
      for (const text of arabic) expect(printed, `${language}: ${text}`).toContain(` ${words(text).join(' ')} `);
    }
  });
});
