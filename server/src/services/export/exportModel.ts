import type { ThreadStatus } from '../../../../shared/api/threads.ts';
import type { ConsensusStatus } from '../../../../shared/domain/consensus.ts';
import type { TextDirection } from '../../../../shared/editor/textDirection.ts';
import type { ExportLabels } from './exportLabels.ts';

/**
 * The neutral model every export format renders: the document walked once (numbers, directions, allowed links
 * decided there), so DOCX, PDF, Markdown and HTML cannot disagree on them.
 */

export interface TextRun {
  kind: 'text';
  text: string;
  bold: boolean;
  italic: boolean;
  underline: boolean;
  /** Only ever an http, https or mailto URL: other links are reduced to their text by the walker. */
  href: string | undefined;
  /** In a review copy only: text a proposal would add or remove. */
  change?: 'inserted' | 'deleted';
}

export interface LineBreak {
  kind: 'break';
}

export type Inline = TextRun | LineBreak;

export type HeadingLevel = 1 | 2 | 3 | 4 | 5 | 6;

export interface ParagraphBlock {
  kind: 'paragraph';
  dir: TextDirection;
  inlines: Inline[];
}

export interface HeadingBlock {
  kind: 'heading';
  level: HeadingLevel;
  dir: TextDirection;
  inlines: Inline[];
}

export interface ListBlock {
  kind: 'list';
  ordered: boolean;
  /** The number of the first item of an ordered list. */
  start: number;
  dir: TextDirection;
  /** Each item is a sequence of blocks (its paragraphs and nested lists). */
  items: Block[][];
}

export interface QuoteBlock {
  kind: 'quote';
  dir: TextDirection;
  blocks: Block[];
}

export interface RecommendationBlock {
  kind: 'recommendation';
  /** The same number the editor shows: the recommendation's position among all recommendations. */
  number: number;
  dir: TextDirection;
  blocks: Block[];
}

export type Block = ParagraphBlock | HeadingBlock | ListBlock | QuoteBlock | RecommendationBlock;

/** One comment thread of the annex, as the comment service will provide it. */
export interface AnnexThread {
  /** The text the thread is anchored to. */
  quote: string;
  status: ThreadStatus;
  /** The agreed outcome, if any. */
  outcome: string | null;
  comments: AnnexComment[];
}

export interface AnnexComment {
  author: string;
  delegation: string;
  /** Null for a comment its author deleted. */
  body: string | null;
  /** ISO 8601. */
  createdAt: string;
}

/** The consensus status and reservations of one recommendation, as the annex lists it (keyed by the stable id). */
export interface AnnexConsensus {
  recommendationId: string;
  status: ConsensusStatus;
  reservations: { delegation: string; note: string | null }[];
}

/** One line of the annex's consensus table: every recommendation of the text, in order. */
export interface AnnexStatusRow {
  number: number;
  /** The first words of the recommendation, so the line can be recognised. */
  excerpt: string;
  status: ConsensusStatus;
  reservations: { delegation: string; note: string | null }[];
}

export interface ExportDocument {
  title: string;
  /** The fixed words around the text (labels, annex headings), in the language the export was asked in. */
  labels: ExportLabels;
  /** Printed under the title: how the text stands ("Adopted under silence procedure on …"); none for a working text. */
  statusLine?: string;
  blocks: Block[];
  /** Present for the "with annex" kind (possibly empty: the annex then says so); absent for the clean text. */
  annex: AnnexThread[] | undefined;
  /** The consensus status of each recommendation, in the "with annex" kind. */
  statuses?: AnnexStatusRow[];
}
