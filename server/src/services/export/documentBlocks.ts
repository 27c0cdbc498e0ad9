import type { Mark, Node as ProseMirrorNode } from '@tiptap/pm/model';
import { BRACKET_MARK } from '../../../../shared/editor/bracket.ts';
import { blockDirections } from '../../../../shared/editor/blockDirections.ts';
import { type StableNumber, compareStableNumbers } from '../../../../shared/domain/stableNumbers.ts';
import { RECOMMENDATION_NODE, type ShownNumber, recommendationNumbers } from '../../../../shared/editor/recommendationNumbers.ts';
import { withoutSuggestions } from '../../../../shared/editor/suggestionChanges.ts';
import { DELETION_MARK, INSERTION_MARK } from '../../../../shared/editor/suggestionKinds.ts';
import { type TextDirection, textDirection } from '../../../../shared/editor/textDirection.ts';
import type { ThreadRange } from '../../../../shared/editor/threadRange.ts';
import type { Block, CommentBoundary, Footnote, HeadingLevel, Inline, LineBreak, TextRun } from './exportModel.ts';
import type { AlternativeLines } from './alternativeLines.ts';
import { safeHref } from './safeHref.ts';

/**
 * Walks a document (already reduced to the shared schema) into the neutral block model, with the numbers and block
 * directions the editor shows (computed by the same shared functions). Nodes are recognised by name; anything else
 * is kept by shape (a text block becomes a paragraph, a container gives its children), so a node added to the schema
 * later still exports its text. The Yjs conversion checks the content of every element but not of the top level, so
 * a client can put text or list items straight into the document: nothing here assumes valid nesting.
 */
export function documentBlocks(
  doc: ProseMirrorNode,
  { review = false, reservations = new Map(), alternatives = new Map(), threadRanges = [], numbering = UNLOCKED }: BlockOptions = {},
): Block[] {
  // Clean: the text as if every proposal were rejected. Review: proposals kept and marked on their runs.
  const text = review ? doc : withoutSuggestions(doc);
  const threads = new ThreadBoundaries(review ? threadRanges : []);
  const numbers = recommendationNumbers(text, numbering.locked);
  const walker = new BlockWalker(numbers, numbering.format, blockDirections(text), reservations, alternatives, threads);
  const walked = walker.children(text, 0, 'ltr');
  const blocks = review && numbering.locked ? withDeleted(walked, [...numbers.values()].map(({ number }) => number), numbering) : walked;
  // A thread still open at the end of the text (its end anchor past the last text) ends with the last block.
  const last = lastInlines(blocks);
  last?.push(...threads.endsAt(Infinity));
  return blocks;
}

/** A document's locked numbers (ADR 0008), and how the export's language writes a number. */
export interface BlockNumbering {
  locked: ReadonlyMap<string, StableNumber> | null;
  format: (number: StableNumber) => string;
  /** The words after a deleted recommendation's number in a review copy ("[deleted]"): its line takes their direction. */
  deletedText: string;
}

const UNLOCKED: BlockNumbering = { locked: null, format: ({ base }) => String(base), deletedText: '' };

/**
 * A review copy keeps the place of each recommendation deleted after the lock, after the recommendation numbered just
 * before it: a label without text, printed as the one line "4 [deleted]". The clean text leaves it out and no other
 * number changes.
 */
function withDeleted(blocks: Block[], present: readonly StableNumber[], numbering: BlockNumbering): Block[] {
  const shown = new Set(present.map((number) => numbering.format(number)));
  const deleted = [...numbering.locked!.values()].filter((number) => !shown.has(numbering.format(number))).sort(compareStableNumbers);
  const result = [...blocks];
  for (const number of deleted) {
    const label = numbering.format(number);
    const before = present.filter((other) => compareStableNumbers(other, number) < 0).sort(compareStableNumbers).at(-1);
    const beforeLabel = before && numbering.format(before);
    const index = beforeLabel === undefined ? result.findIndex((block) => block.kind === 'recommendation') : result.findIndex((block) => block.kind === 'recommendation' && block.number === beforeLabel) + 1;
    const placeholder: Block = {
      kind: 'recommendation',
      number: label,
      id: undefined,
      dir: textDirection(numbering.deletedText),
      deleted: true,
      blocks: [],
      footnotes: [],
    };
    result.splice(index < 0 ? result.length : index, 0, placeholder);
    present = [...present, number];
  }
  return result;
}

export interface BlockOptions {
  /** The locked numbering; default: numbers are positions. */
  numbering?: BlockNumbering;
  review?: boolean;
  /** The reservations entered on each recommendation, by its stable id: footnotes on it. */
  reservations?: ReadonlyMap<string, readonly Reservation[]>;
  /** The open alternatives of each recommendation, by its stable id: printed under its text, in order. */
  alternatives?: ReadonlyMap<string, readonly AlternativeLines[]>;
  /**
   * In a review copy: each comment thread's words in `doc` (null when they are gone), in the order of the document's
   * `review` threads. Their boundaries are placed among the runs.
   */
  threadRanges?: readonly (ThreadRange | null)[];
}

/** Where comment threads start and end, handed out in document order as the walker passes their positions. */
class ThreadBoundaries {
  private readonly started = new Set<number>();
  private readonly ended = new Set<number>();

  constructor(private readonly ranges: readonly (ThreadRange | null)[]) {}

  /** Boundaries at position `pos`, before the text there: threads that ended close, then threads that start open. */
  at(pos: number): CommentBoundary[] {
    const starts: CommentBoundary[] = [];
    this.ranges.forEach((range, thread) => {
      if (range && !this.started.has(thread) && range.from <= pos && pos < range.to) {
        this.started.add(thread);
        starts.push({ kind: 'commentStart', thread });
      }
    });
    return [...this.endsAt(pos), ...starts];
  }

  /** The ends of the open threads whose words end at or before `pos`. */
  endsAt(pos: number): CommentBoundary[] {
    const ends: CommentBoundary[] = [];
    this.ranges.forEach((range, thread) => {
      if (range && this.started.has(thread) && !this.ended.has(thread) && range.to <= pos) {
        this.ended.add(thread);
        ends.push({ kind: 'commentEnd', thread });
      }
    });
    return ends;
  }

  /** The offsets inside a text from `from` to `to` where a thread starts or ends: the text is split there. */
  cuts(from: number, to: number): number[] {
    const inside = this.ranges.flatMap((range) => (range ? [range.from, range.to] : [])).filter((pos) => from < pos && pos < to);
    return [...new Set(inside)].sort((a, b) => a - b).map((pos) => pos - from);
  }
}

export interface Reservation {
  delegation: string;
  note: string | null;
}

class BlockWalker {
  private footnotes = 0;

  constructor(
    private readonly numbers: Map<number, ShownNumber>,
    private readonly format: (number: StableNumber) => string,
    private readonly directions: Map<number, TextDirection>,
    private readonly reservations: ReadonlyMap<string, readonly Reservation[]>,
    private readonly alternatives: ReadonlyMap<string, readonly AlternativeLines[]>,
    private readonly threads: ThreadBoundaries,
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
        return [{ kind: 'heading', level: headingLevel(node.attrs.level), dir, inlines: this.inlines(node, pos + 1) }];
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
        const shown = this.numbers.get(pos);
        // Only a recommendation nested in another (never made by the editor) has no number: keep its text, unlabelled.
        if (shown === undefined) return this.children(node, pos + 1, dir);
        const number = this.format(shown.number);
        const id = typeof node.attrs.id === 'string' ? node.attrs.id : undefined;
        const footnotes = (id === undefined ? [] : (this.reservations.get(id) ?? [])).map(
          ({ delegation, note }): Footnote => ({ number: ++this.footnotes, delegation, note }),
        );
        const alternatives = (id === undefined ? [] : (this.alternatives.get(id) ?? [])).flatMap(alternativeBlocks);
        return [{ kind: 'recommendation', number, id, dir, blocks: [...this.children(node, pos + 1, dir), ...alternatives], footnotes }];
      }
      default:
        if (node.isTextblock) return [{ kind: 'paragraph', dir, inlines: this.inlines(node, pos + 1) }];
        return this.children(node, pos + 1, dir);
    }
  }

  /** A text block's content as runs, with the thread boundaries inside it and at its end. */
  private inlines(textblock: ProseMirrorNode, contentStart: number): Inline[] {
    const nodes: ProseMirrorNode[] = [];
    textblock.forEach((child) => nodes.push(child));
    return inlinesOf(nodes, { threads: this.threads, start: contentStart });
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

/**
 * Inline content as runs of equally formatted text; other inline nodes give the text they contain. With `at`, the
 * content's document position and the threads: their boundaries are placed between the runs (splitting text there).
 */
function inlinesOf(nodes: readonly ProseMirrorNode[], at?: { threads: ThreadBoundaries; start: number }): Inline[] {
  const result: Inline[] = [];
  // Bracketed text is printed in square brackets, as negotiated texts are: "[" where a bracket starts, "]" where it ends.
  let openBracket: unknown = null;
  const bracketTo = (id: unknown) => {
    if (id === openBracket) return;
    if (openBracket !== null) pushRun(result, run(']', []));
    if (id !== null) pushRun(result, run('[', []));
    openBracket = id;
  };
  const visit = (node: ProseMirrorNode, pos: number, inheritedMarks: readonly Mark[]) => {
    if (node.type.name === 'hardBreak') {
      // A line break ends bracketed text unless it is bracketed itself.
      bracketTo([...inheritedMarks, ...node.marks].find((mark) => mark.type.name === BRACKET_MARK)?.attrs.id ?? null);
      if (at) result.push(...at.threads.at(pos));
      result.push({ kind: 'break' });
    } else if (node.isText) {
      const marks = [...inheritedMarks, ...node.marks];
      const bracket = marks.find((mark) => mark.type.name === BRACKET_MARK)?.attrs.id ?? null;
      // A thread on bracketed words covers the words, not the brackets: it ends before "]" and starts after "[".
      if (at) result.push(...at.threads.endsAt(pos));
      bracketTo(bracket);
      const text = node.text ?? '';
      const cuts = at ? [0, ...at.threads.cuts(pos, pos + text.length)] : [0];
      cuts.forEach((cut, index) => {
        if (at) result.push(...at.threads.at(pos + cut));
        pushRun(result, run(text.slice(cut, cuts[index + 1]), marks, bracket !== null));
      });
    } else {
      node.forEach((child, offset) => visit(child, pos + 1 + offset, [...inheritedMarks, ...node.marks]));
    }
  };
  let pos = at?.start ?? 0;
  for (const node of nodes) {
    visit(node, pos, []);
    pos += node.nodeSize;
  }
  if (at) result.push(...at.threads.endsAt(pos));
  bracketTo(null);
  return result;
}

function run(text: string, marks: readonly Mark[], bracketed = false): TextRun {
  const has = (name: string) => marks.some((mark) => mark.type.name === name);
  const link = marks.find((mark) => mark.type.name === 'link');
  const proposal = marks.find((mark) => mark.type.name === INSERTION_MARK || mark.type.name === DELETION_MARK);
  return {
    kind: 'text',
    text,
    bold: has('bold'),
    italic: has('italic'),
    underline: has('underline'),
    href: safeHref(link?.attrs.href),
    ...(proposal
      ? {
          change: proposal.type.name === INSERTION_MARK ? 'inserted' : 'deleted',
          proposal: { name: stringOrNull(proposal.attrs.author), delegation: stringOrNull(proposal.attrs.delegation), time: stringOrNull(proposal.attrs.time) },
        }
      : {}),
    ...(bracketed ? { bracketed } : {}),
  };
}

function stringOrNull(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
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
    last.change === next.change &&
    last.bracketed === next.bracketed &&
    sameProposal(last, next)
  ) {
    last.text += next.text;
  } else {
    runs.push(next);
  }
}

function sameProposal(a: TextRun, b: TextRun): boolean {
  return a.proposal?.name === b.proposal?.name && a.proposal?.delegation === b.proposal?.delegation && a.proposal?.time === b.proposal?.time;
}

/** Whether an inline is printed (text or a line break), not a thread boundary only a review copy in Word uses. */
export function isPrinted(inline: Inline): inline is TextRun | LineBreak {
  return inline.kind === 'text' || inline.kind === 'break';
}

/** The text of inline content, for the direction rule. */
export function plainText(content: readonly Inline[]): string {
  return content.filter(isPrinted).map((inline) => (inline.kind === 'text' ? inline.text : '\n')).join('');
}

/** The inlines of the last text block of `blocks`, where boundaries still open at the end of the text go. */
function lastInlines(blocks: readonly Block[]): Inline[] | undefined {
  for (const block of [...blocks].reverse()) {
    const found = ((): Inline[] | undefined => {
      switch (block.kind) {
        case 'paragraph':
        case 'heading':
          return block.inlines;
        case 'list':
          return lastInlines(block.items.flat());
        case 'parallel':
          return lastInlines(block.cells.flatMap((cell) => cell.blocks));
        default:
          return lastInlines(block.blocks);
      }
    })();
    if (found) return found;
  }
  return undefined;
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

const plainRun = (text: string, bold = false): TextRun => ({ kind: 'text', text, bold, italic: false, underline: false, href: undefined });

/** An open alternative under its recommendation: "Alt 1 (Morocco; supported by Jordan):" in bold, then its wording. */
function alternativeBlocks({ label, paragraphs }: AlternativeLines): Block[] {
  const [first = '', ...rest] = paragraphs;
  return [
    { kind: 'paragraph', dir: textDirection(`${label} ${first}`), inlines: [plainRun(label, true), plainRun(first)] },
    ...rest.map((text): Block => ({ kind: 'paragraph', dir: textDirection(text), inlines: [plainRun(text)] })),
  ];
}
