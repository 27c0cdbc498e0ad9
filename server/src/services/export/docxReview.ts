import { CommentRangeEnd, CommentRangeStart, CommentReference, type ICommentOptions, Paragraph, type ParagraphChild, TextRun } from 'docx';
import { textDirection } from '../../../../shared/editor/textDirection.ts';
import { type ExportLabels, personName } from './exportLabels.ts';
import type { AnnexThread, CommentBoundary, ExportDocument, ProposalAuthor } from './exportModel.ts';

/** Word's language of a run: the export's language, and Arabic for complex-script (right-to-left) text. */
export type RunLanguage = { value: string; bidirectional: string };

/** The revision marks Word reads from `w:ins` and `w:del`: who, when, and an id unique in the document. */
export interface Revision {
  id: number;
  author: string;
  date: string;
}

/**
 * The Word side of a review copy: each comment thread as native comments (the first comment anchored on the thread's
 * words, the replies threaded under it, a resolved thread ending with a reply saying so, all marked done), and each
 * proposal's runs as tracked changes by their delegation. Comment and revision ids share one sequence, as Word writes
 * them.
 */
export class DocxReview {
  /** The comment ids of each thread, its first comment first. */
  private readonly commentIds: number[][];
  private readonly commentOptions: ICommentOptions[] = [];
  private nextId = 0;

  constructor(
    review: NonNullable<ExportDocument['review']>,
    private readonly labels: ExportLabels,
    private readonly language: RunLanguage,
    /** The export's time: the date of a proposal whose marks carry none. */
    private readonly exportedAt: string,
  ) {
    this.commentIds = review.map(({ thread, anchored }) => this.addThread(thread, anchored));
  }

  /** Every comment, for the document's comments part. */
  get comments(): ICommentOptions[] {
    return this.commentOptions;
  }

  /** Where a thread's words start or end: every comment of the thread is anchored on the same words. */
  boundary({ kind, thread }: CommentBoundary): ParagraphChild[] {
    const ids = this.commentIds[thread] ?? [];
    if (kind === 'commentStart') return ids.map((id) => new CommentRangeStart(id));
    return ids.flatMap((id) => [new CommentRangeEnd(id), new TextRun({ children: [new CommentReference(id)], language: this.language })]);
  }

  /**
   * The references of the threads whose words are all gone: Word shows them as comments on the point where they are
   * put (the title), their first paragraph quoting the words they were about.
   */
  unanchoredReferences(review: NonNullable<ExportDocument['review']>): ParagraphChild[] {
    return review.flatMap(({ anchored }, thread) =>
      anchored ? [] : (this.commentIds[thread] ?? []).map((id) => new TextRun({ children: [new CommentReference(id)], language: this.language })),
    );
  }

  /** The revision marks of a proposal's run: "Name (Delegation)" and the time it was proposed. */
  revision(proposal: ProposalAuthor | undefined): Revision {
    const author = proposal?.name ? (proposal.delegation ? personName(proposal.name, proposal.delegation) : proposal.name) : (proposal?.delegation ?? '?');
    return { id: this.nextId++, author, date: proposal?.time ?? this.exportedAt };
  }

  private addThread(thread: AnnexThread, anchored: boolean): number[] {
    const done = thread.status === 'resolved';
    const ids: number[] = [];
    const add = (author: { name: string; delegation: string }, createdAt: string, lines: { text: string; italic?: boolean }[]) => {
      const id = this.nextId++;
      this.commentOptions.push({
        id,
        author: personName(author.name, author.delegation),
        initials: initials(author.name),
        date: new Date(createdAt),
        ...(ids.length > 0 ? { parentId: ids[0] } : {}),
        ...(done ? { resolved: true } : {}),
        children: lines.map((line) => this.paragraph(line.text, line.italic)),
      });
      ids.push(id);
    };
    thread.comments.forEach((comment, index) => {
      const body = comment.body ?? this.labels.deletedComment;
      const quote = index === 0 && !anchored ? [{ text: `“${thread.quote}” (${this.labels.textRemoved})`, italic: true }] : [];
      add({ name: comment.author, delegation: comment.delegation }, comment.createdAt, [...quote, ...body.split('\n').map((text) => ({ text }))]);
    });
    if (done && thread.resolvedBy && thread.resolvedAt) {
      const outcome = thread.outcome ? [{ text: this.labels.field(this.labels.outcome, thread.outcome) }] : [];
      add(thread.resolvedBy, thread.resolvedAt, [{ text: this.labels.threadStatus.resolved }, ...outcome]);
    }
    return ids;
  }

  private paragraph(text: string, italic = false): Paragraph {
    const rtl = textDirection(text) === 'rtl';
    return new Paragraph({
      ...(rtl ? { bidirectional: true } : {}),
      children: [new TextRun({ text, language: this.language, ...(italic ? { italics: true } : {}), ...(rtl ? { rightToLeft: true } : {}) })],
    });
  }
}

/** "Ana García" → "AG": Word shows a comment's initials where there is no room for the name. */
function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 3)
    .map((word) => [...word][0]!.toUpperCase())
    .join('');
}
