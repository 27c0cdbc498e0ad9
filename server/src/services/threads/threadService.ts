import {
  type CommentBody,
  type CreateThreadBody,
  type ResolveThreadBody,
  THREAD_EVENTS,
  type Thread,
  type ThreadComment,
} from '../../../../shared/api/threads.ts';
import type { LanguageCode } from '../../../../shared/domain/languages.ts';
import type { Action } from '../../../../shared/domain/policy.ts';
import type { Role } from '../../../../shared/domain/roles.ts';
import { canSeeThread } from '../../../../shared/domain/threadVisibility.ts';
import { AppError } from '../../errors.ts';
import type { AuditEntry } from '../../storage/auditLogRepository.ts';
import type { ThreadRepository } from '../../storage/threadRepository.ts';
import type { LiveChannel, LivePublish } from '../liveChannel/index.ts';
import type { DocumentService } from '../documents/index.ts';
import type { DeadlineGate } from '../procedures/index.ts';
import { type Principal, auditEntry, authorOf, roleIn } from '../access/index.ts';
import { newId } from '../../infrastructure/tokens.ts';


const visibleTo = (principal: Principal, role: Role, thread: Thread): boolean =>
  canSeeThread({ role, delegation: principal.delegation }, { visibility: thread.visibility, delegation: thread.author.delegation });

const notFound = () => new AppError('not_found', 'No such thread.');

/** A document's current language versions (the language repository): a thread opens on the source or on one of them. */
export interface LanguageVersions {
  versionsOf(documentId: string): LanguageCode[];
}

/**
 * Comment threads and the rules on them. A thread the caller may not see is answered exactly like one that does not
 * exist (404), so its existence leaks through no status code.
 */
export class ThreadService {
  private readonly publishThread: LivePublish<Thread>;

  constructor(
    private readonly documents: DocumentService,
    private readonly threads: ThreadRepository,
    live: LiveChannel,
    private readonly deadline: DeadlineGate,
    private readonly languages: LanguageVersions,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.publishThread = live.register<Thread>({
      snapshotEvent: THREAD_EVENTS.snapshot,
      changeEvent: THREAD_EVENTS.changed,
      snapshot: (principal, documentId) => ({ threads: this.list(principal, documentId) }),
      mayReceive: (thread, recipient, role) => visibleTo(recipient, role, thread),
    });
  }

  list(principal: Principal, documentId: string): Thread[] {
    const { role } = this.documents.authorize(principal, documentId, 'thread.read');
    return this.threads.threadsOfDocument(documentId).filter((thread) => visibleTo(principal, role, thread));
  }

  get(principal: Principal, threadId: string): Thread {
    return this.visibleThread(principal, threadId, 'thread.read');
  }

  create(principal: Principal, documentId: string, body: CreateThreadBody): Thread {
    const { role } = this.documents.authorize(principal, documentId, 'thread.post');
    this.deadline.assertOpen(documentId, role, 'thread.open');
    // Any member who may comment may comment on any version (a translator too, a delegate too): the same rule as the source.
    if (body.language !== undefined && !this.languages.versionsOf(documentId).includes(body.language)) {
      throw new AppError('not_found', `This document has no ${body.language} version.`);
    }
    const author = authorOf(principal);
    const createdAt = this.now().toISOString();
    const id = newId();
    const thread = this.threads.insertThread(
      {
        id,
        documentId,
        author,
        visibility: body.visibility,
        anchorStart: body.anchorStart,
        anchorEnd: body.anchorEnd,
        language: body.language ?? null,
        blockId: body.blockId ?? null,
        quote: body.quote,
        createdAt,
      },
      { id: newId(), threadId: id, author, body: body.body, createdAt },
    );
    this.publish(thread);
    return thread;
  }

  reply(principal: Principal, threadId: string, { body }: CommentBody): Thread {
    this.visibleThread(principal, threadId, 'thread.post');
    this.threads.insertComment({ id: newId(), threadId, author: authorOf(principal), body, createdAt: this.now().toISOString() });
    return this.changed(threadId);
  }

  editComment(principal: Principal, threadId: string, commentId: string, { body }: CommentBody): Thread {
    this.visibleThread(principal, threadId, 'thread.post');
    this.ownComment(principal, threadId, commentId);
    this.threads.editComment(commentId, body, this.now().toISOString());
    return this.changed(threadId);
  }

  deleteComment(principal: Principal, threadId: string, commentId: string): Thread {
    const thread = this.visibleThread(principal, threadId, 'thread.post');
    this.ownComment(principal, threadId, commentId);
    this.threads.deleteComment(commentId, this.audit(principal, thread, 'comment.delete', commentId, { threadId }));
    return this.changed(threadId);
  }

  resolve(principal: Principal, threadId: string, { outcome }: ResolveThreadBody): Thread {
    const thread = this.visibleThread(principal, threadId, 'thread.resolve');
    if (thread.status === 'resolved') throw new AppError('conflict', 'The thread is already resolved.');
    const note = outcome ? outcome : null;
    this.threads.resolve(threadId, authorOf(principal), note, this.audit(principal, thread, 'thread.resolve', threadId, { outcome: note }));
    return this.changed(threadId);
  }

  reopen(principal: Principal, threadId: string): Thread {
    const thread = this.visibleThread(principal, threadId, 'thread.resolve');
    if (thread.status === 'open') throw new AppError('conflict', 'The thread is already open.');
    this.threads.reopen(threadId, this.audit(principal, thread, 'thread.reopen', threadId, { previousOutcome: thread.outcome }));
    return this.changed(threadId);
  }

  /**
   * The thread, if `principal` may see it and do `action` in its document. Not seeing it (not a member, or outside
   * its visibility) is a 404; seeing it without the right to `action` (role, frozen document) is a 403.
   */
  private visibleThread(principal: Principal, threadId: string, action: Action): Thread {
    const thread = this.threads.threadById(threadId);
    if (!thread) throw notFound();
    const role = roleIn(principal, thread.documentId);
    if (!role || !visibleTo(principal, role, thread)) throw notFound();
    this.documents.authorize(principal, thread.documentId, action);
    return thread;
  }

  private ownComment(principal: Principal, threadId: string, commentId: string): ThreadComment {
    const comment = this.threads.commentById(threadId, commentId);
    if (!comment) throw new AppError('not_found', 'No such comment in this thread.');
    if (comment.author.id !== authorOf(principal).id) throw new AppError('forbidden', 'Only its author may change a comment.');
    if (comment.deletedAt) throw new AppError('conflict', 'The comment has been deleted.');
    return comment;
  }

  private audit(principal: Principal, thread: Thread, action: string, subject: string, details: Record<string, unknown>): AuditEntry {
    return auditEntry(principal, { documentId: thread.documentId, action, subject, at: this.now().toISOString(), details });
  }

  private changed(threadId: string): Thread {
    const thread = this.threads.threadById(threadId)!;
    this.publish(thread);
    return thread;
  }

  private publish(thread: Thread): void {
    this.publishThread(thread.documentId, thread);
  }
}
