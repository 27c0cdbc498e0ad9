import type { Mark, Node as ProseMirrorNode } from '@tiptap/pm/model';
import { BRACKET_MARK } from '../../../../shared/editor/bracket.ts';
import { blockDirections } from '../../../../shared/editor/blockDirections.ts';
import { RECOMMENDATION_NODE, recommendationNumbers } from '../../../../shared/editor/recommendationNumbers.ts';
import { withoutSuggestions } from '../../../../shared/editor/suggestionChanges.ts';
import { DELETION_MARK, INSERTION_MARK } from '../../../../shared/editor/suggestionKinds.ts';
import { type TextDirection, textDirection } from '../../../../shared/editor/textDirection.ts';
import type { Block, Footnote, HeadingLevel, Inline, TextRun } from './exportModel.ts';
import { safeHref } from './safeHref.ts';

/**
 * Walks a document (already reduced to the shared schema) into the neutral block model, with the numbers and block
 * directions the editor shows (computed by the same shared functions). Nodes are recognised by name; anything else
 * is kept by shape (a text block becomes a paragraph, a container gives its children), so a node added to the schema
 * later still exports its text. The Yjs conversion checks the content of every element but not of the top level, so
 * a client can put text or list items straight into the document: nothing here assumes valid nesting.
 */
export function documentBlocks(doc: ProseMirrorNode, { review = false, reservations = new Map() }: BlockOptions = {}): Block[] {
  // Clean: the text as if every proposal were rejected. Review: proposals kept and marked on their runs.
  const text = review ? doc : withoutSuggestions(doc);
  return new BlockWalker(recommendationNumbers(text), blockDirections(text), reservations).children(text, 0, 'ltr');
}

export interface BlockOptions {
  review?: boolean;
  /** The reservations entered on each recommendation, by its stable id: footnotes on it. */
  reservations?: ReadonlyMap<string, readonly Reservation[]>;
}

export interface Reservation {
  delegation: string;
  note: string | null;
}

class BlockWalker {
  private footnotes = 0;

  constructor(
    private readonly numbers: Map<number, number>,
    private readonly directions: Map<number, TextDirection>,
    private readonly reservations: ReadonlyMap<string, readonly Reservation[]>,
  ) {}

  /** The blocks of `parent`'s children; `contentStart` is the document position of its first child. */
  children(parent: ProseMirrorNode, contentStart: number, parentDir: TextDirection): Block[] {
    const blocks: Block[] = [];
    let strayInlines: ProseMirrorNode[] = [];
    const flushStray = () => {
      if (strayInlines.length > 0) blocks.push(paragraph(strayInlines, parentDir));
      strayInlines = [];
    };
    parent.forEach((child, offset) => {
      if (child.isInline) {
        strayInlines.push(child);
        return;
      }
      flushStray();
      blocks.push(...this.node(child, contentStart + offset));
    });
    flushStray();
    return blocks;
  }

  private node(node: ProseMirrorNode, pos: number): Block[] {
    const dir = this.directions.get(pos) ?? textDirection(node.textContent);
    switch (node.type.name) {
      case 'heading':
        return [{ kind: 'heading', level: headingLevel(node.attrs.level), dir, inlines: inlines(node) }];
      case 'bulletList':
      case 'orderedList':
        return [
          {
            kind: 'list',
            ordered: node.type.name === 'orderedList',
            start: listStart(node.attrs.start),
            dir,
            items: this.listItems(node, pos + 1, dir),
          },
        ];
      case 'blockquote':
        return [{ kind: 'quote', dir, blocks: this.children(node, pos + 1, dir) }];
      case RECOMMENDATION_NODE: {
        const number = this.numbers.get(pos);
        // Only a recommendation nested in another (never made by the editor) has no number: keep its text, unlabelled.
        if (number === undefined) return this.children(node, pos + 1, dir);
        const id = typeof node.attrs.id === 'string' ? node.attrs.id : undefined;
        const footnotes = (id === undefined ? [] : (this.reservations.get(id) ?? [])).map(
          ({ delegation, note }): Footnote => ({ number: ++this.footnotes, delegation, note }),
        );
        return [{ kind: 'recommendation', number, id, dir, blocks: this.children(node, pos + 1, dir), footnotes }];
      }
      default:
        if (node.isTextblock) return [{ kind: 'paragraph', dir, inlines: inlines(node) }];
        return this.children(node, pos + 1, dir);
    }
  }

  private listItems(list: ProseMirrorNode, contentStart: number, listDir: TextDirection): Block[][] {
    const items: Block[][] = [];
    list.forEach((item, offset) => {
      const pos = contentStart + offset;
      const itemDir = this.directions.get(pos) ?? listDir;
      items.push(item.type.name === 'listItem' ? this.children(item, pos + 1, itemDir) : this.node(item, pos));
    });
    return items;
  }
}

/** Inline nodes found where blocks belong (never made by the editor), as a paragraph of their own. */
function paragraph(nodes: readonly ProseMirrorNode[], parentDir: TextDirection): Block {
  const content = inlinesOf(nodes);
  return { kind: 'paragraph', dir: textDirection(plainText(content), parentDir), inlines: content };
}

/** Inline content as runs of equally formatted text; other inline nodes give the text they contain. */
function inlines(textblock: ProseMirrorNode): Inline[] {
  const nodes: ProseMirrorNode[] = [];
  textblock.forEach((child) => nodes.push(child));
  return inlinesOf(nodes);
}

function inlinesOf(nodes: readonly ProseMirrorNode[]): Inline[] {
  const result: Inline[] = [];
  // Bracketed text is printed in square brackets, as negotiated texts are: "[" where a bracket starts, "]" where it ends.
  let openBracket: unknown = null;
  const bracketTo = (id: unknown) => {
    if (id === openBracket) return;
    if (openBracket !== null) pushRun(result, run(']', []));
    if (id !== null) pushRun(result, run('[', []));
    openBracket = id;
  };
  const visit = (node: ProseMirrorNode, inheritedMarks: readonly Mark[]) => {
    if (node.type.name === 'hardBreak') {
      result.push({ kind: 'break' });
    } else if (node.isText) {
      const marks = [...inheritedMarks, ...node.marks];
      bracketTo(marks.find((mark) => mark.type.name === BRACKET_MARK)?.attrs.id ?? null);
      pushRun(result, run(node.text ?? '', marks));
    } else {
      node.forEach((child) => visit(child, [...inheritedMarks, ...node.marks]));
    }
  };
  for (const node of nodes) visit(node, []);
  bracketTo(null);
  return result;
}

function run(text: string, marks: readonly Mark[]): TextRun {
  const has = (name: string) => marks.some((mark) => mark.type.name === name);
  const link = marks.find((mark) => mark.type.name === 'link');
  const change = has(INSERTION_MARK) ? 'inserted' : has(DELETION_MARK) ? 'deleted' : undefined;
  return {
    kind: 'text',
    text,
    bold: has('bold'),
    italic: has('italic'),
    underline: has('underline'),
    href: safeHref(link?.attrs.href),
    ...(change ? { change } : {}),
  };
}

function pushRun(runs: Inline[], next: TextRun): void {
  if (next.text === '') return;
  const last = runs.at(-1);
  if (
    last?.kind === 'text' &&
    last.bold === next.bold &&
    last.italic === next.italic &&
    last.underline === next.underline &&
    last.href === next.href &&
    last.change === next.change
  ) {
    last.text += next.text;
  } else {
    runs.push(next);
  }
}

/** The text of inline content, for the direction rule. */
export function plainText(content: readonly Inline[]): string {
  return content.map((inline) => (inline.kind === 'text' ? inline.text : '\n')).join('');
}

/** Attributes come from any client: only a whole number in range is trusted. */
function headingLevel(value: unknown): HeadingLevel {
  const level = Number(value);
  return Number.isInteger(level) && level >= 1 && level <= 6 ? (level as HeadingLevel) : 1;
}

function listStart(value: unknown): number {
  const start = Number(value);
  return Number.isSafeInteger(start) && start >= 0 ? start : 1;
}
