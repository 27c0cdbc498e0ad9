// A test that reads the client's sources from disk (it runs in Node, never in the browser bundle).
// eslint-disable-next-line no-restricted-imports
import fs from 'node:fs';
// eslint-disable-next-line no-restricted-imports
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const CLIENT_SOURCE = path.resolve(import.meta.dirname, '..');
/** Attributes people read or hear; their text must come from the catalogue. */
const READ_ATTRIBUTES = new Set(['title', 'placeholder', 'aria-label', 'aria-description', 'aria-roledescription', 'aria-valuetext', 'alt', 'label']);
/** Letters of any script: a literal made only of symbols ("→", "·", "▾") is not prose. */
const LETTERS = /\p{L}{2,}/u;

function sources(directory: string): string[] {
  return fs.readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) return sources(full);
    return entry.name.endsWith('.tsx') ? [full] : [];
  });
}

/** Prose written straight into JSX: text between tags, or a literal in a read attribute. */
function hardCoded(file: string): string[] {
  const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: string[] = [];
  const where = (node: ts.Node) => `${path.relative(CLIENT_SOURCE, file)}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node) && LETTERS.test(node.text)) found.push(`${where(node)} text "${node.text.trim()}"`);
    if (ts.isJsxAttribute(node) && READ_ATTRIBUTES.has(node.name.getText(source))) {
      const value = node.initializer;
      const literal = value && ts.isStringLiteral(value) ? value.text : value && ts.isJsxExpression(value) && value.expression && ts.isStringLiteralLike(value.expression) ? value.expression.text : undefined;
      if (literal !== undefined && LETTERS.test(literal)) found.push(`${where(node)} ${node.name.getText(source)}="${literal}"`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('components', () => {
  it('hard-code no interface text: every word comes from the message catalogues', () => {
    const files = sources(CLIENT_SOURCE);
    expect(files.length).toBeGreaterThan(20);
    expect(files.flatMap(hardCoded)).toEqual([]);
  });
});
