import type { Thread, ThreadAuthor, ThreadComment, ThreadStatus } from '../../../shared/api/threads.ts';
import type { LanguageCode } from '../../../shared/domain/languages.ts';
import type { ThreadVisibility } from '../../../shared/domain/threadVisibility.ts';
import type { AuditEntry, AuditLogRepository } from './auditLogRepository.ts';
import type { SqlDatabase } from './sql/sqlDatabase.ts';

interface RawThread {
  id: string;
  document_id: string;
  author_id: string;
  author_name: string;
  delegation: string;
  color: string;
  visibility: ThreadVisibility;
  anchor_start: string;
  anchor_end: string;
  language: LanguageCode | null;
  block_id: string | null;
  quote: string;
  status: ThreadStatus;
  resolved_by_id: string | null;
  resolved_by_name: string | null;
  resolved_by_delegation: string | null;
  resolved_by_color: string | null;
  resolved_at: string | null;
  outcome: string | null;
  created_at: string;
}

interface RawComment {
  id: string;
  thread_id: string;
  author_id: string;
  author_name: string;
  delegation: string;
  color: string;
  body: string;
  created_at: string;
  edited_at: string | null;
  deleted_at: string | null;
}

export interface NewThread {
  id: string;
  documentId: string;
  author: ThreadAuthor;
  visibility: ThreadVisibility;
  anchorStart: string;
  anchorEnd: string;
  /** The language version the thread is on and the block of it, or null for the source. */
  language: LanguageCode | null;
  blockId: string | null;
  quote: string;
  createdAt: string;
}

export interface NewComment {
  id: string;
  threadId: string;
  author: ThreadAuthor;
  body: string;
  createdAt: string;
}

const toComment = (raw: RawComment): ThreadComment => ({
  id: raw.id,
  threadId: raw.thread_id,
  author: { id: raw.author_id, name: raw.author_name, delegation: raw.delegation, color: raw.color },
  body: raw.deleted_at ? null : raw.body,
  createdAt: raw.created_at,
  editedAt: raw.edited_at,
  deletedAt: raw.deleted_at,
});

const toThread = (raw: RawThread, comments: ThreadComment[]): Thread => ({
  id: raw.id,
  documentId: raw.document_id,
  author: { id: raw.author_id, name: raw.author_name, delegation: raw.delegation, color: raw.color },
  visibility: raw.visibility,
  anchorStart: raw.anchor_start,
  anchorEnd: raw.anchor_end,
  language: raw.language,
  blockId: raw.block_id,
  quote: raw.quote,
  status: raw.status,
  resolvedBy:
    raw.resolved_by_id === null
      ? null
      : {
          id: raw.resolved_by_id,
          name: raw.resolved_by_name ?? '',
          delegation: raw.resolved_by_delegation ?? '',
          color: raw.resolved_by_color ?? '',
        },
  resolvedAt: raw.resolved_at,
  outcome: raw.outcome,
  createdAt: raw.created_at,
  comments,
});

/** Comment threads and their comments; every change that must be audited is written with its audit row. */
export class ThreadRepository {
  private readonly stmts;

  constructor(
    private readonly db: SqlDatabase,
    private readonly audit: AuditLogRepository,
  ) {
    this.stmts = {
      insertThread: db.prepare<[string, string, string, string, string, string, string, string, string, string | null, string | null, string, string]>(
        `INSERT INTO threads (id, document_id, author_id, author_name, delegation, color, visibility, anchor_start,
           anchor_end, language, block_id, quote, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      insertComment: db.prepare<[string, string, string, string, string, string, string, string]>(
        `INSERT INTO comments (id, thread_id, author_id, author_name, delegation, color, body, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      threadById: db.prepare<[string], RawThread>('SELECT * FROM threads WHERE id = ?'),
      threadsOfDocument: db.prepare<[string], RawThread>('SELECT * FROM threads WHERE document_id = ? ORDER BY created_at, rowid'),
      commentsOfThread: db.prepare<[string], RawComment>('SELECT * FROM comments WHERE thread_id = ? ORDER BY created_at, rowid'),
      commentsOfDocument: db.prepare<[string], RawComment>(
        `SELECT c.* FROM comments c JOIN threads t ON t.id = c.thread_id WHERE t.document_id = ?
         ORDER BY c.created_at, c.rowid`,
      ),
      commentById: db.prepare<[string, string], RawComment>('SELECT * FROM comments WHERE id = ? AND thread_id = ?'),
      editComment: db.prepare<[string, string, string]>('UPDATE comments SET body = ?, edited_at = ? WHERE id = ?'),
      // The text goes; the row stays so the thread shows where a comment was.
      deleteComment: db.prepare<[string, string]>("UPDATE comments SET body = '', deleted_at = ? WHERE id = ?"),
      resolve: db.prepare<[string, string, string, string, string, string | null, string]>(
        `UPDATE threads SET status = 'resolved', resolved_by_id = ?, resolved_by_name = ?, resolved_by_delegation = ?,
           resolved_by_color = ?, resolved_at = ?, outcome = ? WHERE id = ?`,
      ),
      reopen: db.prepare<[string]>(
        `UPDATE threads SET status = 'open', resolved_by_id = NULL, resolved_by_name = NULL, resolved_by_delegation = NULL,
           resolved_by_color = NULL, resolved_at = NULL, outcome = NULL WHERE id = ?`,
      ),
    };
  }

  /** Opens a thread with its first comment, both or neither. */
  insertThread(thread: NewThread, firstComment: NewComment): Thread {
    this.db.transaction(() => {
      const { author } = thread;
      this.stmts.insertThread.run(
        thread.id,
        thread.documentId,
        author.id,
        author.name,
        author.delegation,
        author.color,
        thread.visibility,
        thread.anchorStart,
        thread.anchorEnd,
        thread.language,
        thread.blockId,
        thread.quote,
        thread.createdAt,
      );
      this.insertCommentRow(firstComment);
    })();
    return this.threadById(thread.id)!;
  }

  threadById(id: string): Thread | undefined {
    const raw = this.stmts.threadById.get(id);
    return raw && toThread(raw, this.stmts.commentsOfThread.all(id).map(toComment));
  }

  /** Every thread of a document, oldest first, each with its comments: two queries, whatever the count. */
  threadsOfDocument(documentId: string): Thread[] {
    const comments = new Map<string, ThreadComment[]>();
    for (const raw of this.stmts.commentsOfDocument.all(documentId)) {
      const list = comments.get(raw.thread_id) ?? [];
      list.push(toComment(raw));
      comments.set(raw.thread_id, list);
    }
    return this.stmts.threadsOfDocument.all(documentId).map((raw) => toThread(raw, comments.get(raw.id) ?? []));
  }

  commentById(threadId: string, commentId: string): ThreadComment | undefined {
    const raw = this.stmts.commentById.get(commentId, threadId);
    return raw && toComment(raw);
  }

  insertComment(comment: NewComment): void {
    this.insertCommentRow(comment);
  }

  editComment(commentId: string, body: string, at: string): void {
    this.stmts.editComment.run(body, at, commentId);
  }

  deleteComment(commentId: string, audit: AuditEntry): void {
    this.db.transaction(() => {
      this.stmts.deleteComment.run(audit.at, commentId);
      this.audit.append(audit);
    })();
  }

  resolve(threadId: string, resolver: ThreadAuthor, outcome: string | null, audit: AuditEntry): void {
    this.db.transaction(() => {
      this.stmts.resolve.run(resolver.id, resolver.name, resolver.delegation, resolver.color, audit.at, outcome, threadId);
      this.audit.append(audit);
    })();
  }

  reopen(threadId: string, audit: AuditEntry): void {
    this.db.transaction(() => {
      this.stmts.reopen.run(threadId);
      this.audit.append(audit);
    })();
  }

  private insertCommentRow(comment: NewComment): void {
    const { author } = comment;
    this.stmts.insertComment.run(
      comment.id,
      comment.threadId,
      author.id,
      author.name,
      author.delegation,
      author.color,
      comment.body,
      comment.createdAt,
    );
  }
}
