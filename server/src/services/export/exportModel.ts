import type { DocumentMetadata } from '../../../../shared/api/documentMetadata.ts';
import type { ThreadStatus } from '../../../../shared/api/threads.ts';
import type { VersionKind } from '../../../../shared/api/versions.ts';
import type { ConsensusStatus } from '../../../../shared/domain/consensus.ts';
import type { LanguageCode } from '../../../../shared/domain/languages.ts';
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
  /** In a review copy only, with `change`: who proposed it and when, as the proposal's marks say. */
  proposal?: ProposalAuthor;
  /** Inside square brackets (text not yet agreed): a review copy highlights it. */
  bracketed?: boolean;
}

export interface ProposalAuthor {
  name: string | null;
  delegation: string | null;
  /** ISO 8601, or null when the mark has none. */
  time: string | null;
}

export interface LineBreak {
  kind: 'break';
}

/**
 * In a review copy only: where a comment thread's words start or end (`thread` indexes `ExportDocument.review`). A
 * thread may start in one block and end in another.
 */
export interface CommentBoundary {
  kind: 'commentStart' | 'commentEnd';
  thread: number;
}

export type Inline = TextRun | LineBreak | CommentBoundary;

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
  /**
   * The same number the editor shows, written in the export's language: its position until the numbering is locked,
   * then its stable number ("4bis", ADR 0008).
   */
  number: string;
  /** A review copy's place holder for a recommendation deleted after the lock: "4 [deleted]", without text. */
  deleted?: boolean;
  /** The stable id the editor gave it (the same across exports and versions); undefined only in hand-made states. */
  id: string | undefined;
  dir: TextDirection;
  blocks: Block[];
  /** Reservations entered on it, as the footnotes of its label, numbered through the whole document. */
  footnotes: Footnote[];
}

/** A reservation printed as a footnote, as in UN practice: "¹ Spain: pending consultation with capital". */
export interface Footnote {
  number: number;
  delegation: string;
  note: string | null;
}

/**
 * One block of the source beside its translations, a row of a parallel text: one cell per language, the source's first.
 * Only ever at the top of a parallel document.
 */
export interface ParallelBlock {
  kind: 'parallel';
  /** The source language's: the source's column comes first in its reading order (on the right for Arabic). */
  dir: TextDirection;
  cells: ParallelCell[];
}

export interface ParallelCell {
  language: LanguageCode;
  /** The direction of the language's script (an Arabic cell is right-to-left whatever it holds). */
  dir: TextDirection;
  blocks: Block[];
  /** The words around this column's text: its own language's, unless the export asked for one language (`lang`). */
  labels: ExportLabels;
}

export type Block = ParagraphBlock | HeadingBlock | ListBlock | QuoteBlock | RecommendationBlock | ParallelBlock;

/** One comment thread of the annex (and of the review copy), as the comment service provides it. */
export interface AnnexThread {
  /** Where its words are: encoded Yjs relative positions (shared/editor/threadAnchorEncoding.ts). */
  anchorStart: string;
  anchorEnd: string;
  /** The language version whose text the thread is on, or null for the source: each text's annex has its own threads. */
  language: LanguageCode | null;
  /** The text the thread is anchored to. */
  quote: string;
  status: ThreadStatus;
  /** The agreed outcome, if any. */
  outcome: string | null;
  comments: AnnexComment[];
  /** Who resolved it and when, for a resolved thread. */
  resolvedBy: { name: string; delegation: string } | null;
  resolvedAt: string | null;
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
  /** As the text numbers it ("4bis"). */
  number: string;
  /** The first words of the recommendation, so the line can be recognised. */
  excerpt: string;
  status: ConsensusStatus;
  reservations: { delegation: string; note: string | null }[];
  /** Its decided alternatives: "Alt 2 (Morocco, Jordan) not retained". */
  alternatives: string[];
}

/** What is known about the text exported, for the title block, the running header and footer and the file's properties. */
export interface Publication {
  /** The document's id: the Akoma Ntoso work's number. */
  documentId: string;
  metadata: DocumentMetadata;
  /** The text exported: the current text (at the time of export) or a saved version. */
  version: { kind: 'current' | VersionKind; name: string | null; at: string };
  /** When the document was frozen as final, if it is frozen now. */
  adoptedAt: string | null;
}

/** The title block and running lines, as text in the export's language: every format prints the same words. */
export interface TitleBlock {
  /** ["CT JUST regional workshop", "Málaga", "4–6 November 2024"]: the parts the organiser gave, printed with " · ". */
  event: string[];
  /** "Current text · 2 December 2026 at 05:40", or a version's name and date. */
  version: string;
  /** The version line's parts: ["Current text", "2 December 2026 at 05:40"]. */
  versionParts: string[];
  /** "Draft", "Agreed text", or "Adopted on 2 December 2026". */
  status: string;
  /** The running header: the organiser's short title, else the title. */
  shortTitle: string;
  /** The files' author (DOCX core properties, PDF author); undefined when not given. */
  organisation: string | undefined;
}

export interface ExportDocument {
  title: string;
  titleBlock: TitleBlock;
  /** The language of the words the export adds (see `labels`). */
  language: LanguageCode;
  /** The language of the text exported (the first column's, in a parallel text). */
  textLanguage: LanguageCode;
  /** The facts behind the title block (dates as ISO, the document's id), for formats that record them as data. */
  publication: Publication;
  /** The fixed words around the text (labels, annex headings), in the language the export was asked in. */
  labels: ExportLabels;
  /** Printed under the title: how the text stands ("Adopted under silence procedure on …"); none for a working text. */
  statusLine?: string;
  blocks: Block[];
  /**
   * A parallel text's languages, in column order (source first); its blocks are then all `parallel`. DOCX, PDF and HTML
   * head the columns with them; Markdown names the language of each block instead.
   */
  columns?: LanguageCode[];
  /** Present for the "with annex" kind (possibly empty: the annex then says so); absent for the clean text. */
  annex: AnnexThread[] | undefined;
  /** The consensus status of each recommendation, in the "with annex" kind. */
  statuses?: AnnexStatusRow[];
  /** After a renumbering, in the annex kinds: the correspondence table, one line per old number ("4bis becomes 5"). */
  renumbering?: string[];
  /**
   * A review copy's comment threads, those the exporter may see; the blocks carry their boundaries. `anchored` is false
   * for a thread whose words are all gone.
   */
  review?: { thread: AnnexThread; anchored: boolean }[];
}
