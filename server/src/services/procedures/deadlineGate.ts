import { type DeadlineBoundAction, openUnderDeadline } from '../../../../shared/domain/deadline.ts';
import type { Role } from '../../../../shared/domain/roles.ts';
import { AppError } from '../../errors.ts';

/** Where the deadline of a document is kept (the procedure repository). */
export interface DeadlineSource {
  deadlineOf(documentId: string): { at: string } | undefined;
}

/**
 * The deadline for proposals and comments, enforced where they arrive: REST (opening a thread) and the live channel
 * (a delegate's update to the text). The clock is read at each request and each update, so no timer has to fire for it
 * to hold, on sockets opened before the deadline too.
 */
export class DeadlineGate {
  constructor(
    private readonly deadlines: DeadlineSource,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Throws 403 `deadline_passed` when `role` may no longer do `action` in the document. */
  assertOpen(documentId: string, role: Role, action: DeadlineBoundAction): void {
    if (!this.isOpen(documentId, role, action)) {
      throw new AppError('deadline_passed', 'The deadline for proposals and comments on this document has passed.');
    }
  }

  /** For the relay, at each update: whether `role` may still change the text (a delegate only before the deadline). */
  mayEditText(documentId: string, role: Role): boolean {
    return this.isOpen(documentId, role, 'text.edit');
  }

  private isOpen(documentId: string, role: Role, action: DeadlineBoundAction): boolean {
    return openUnderDeadline(role, action, this.deadlines.deadlineOf(documentId)?.at ?? null, this.now());
  }
}
