import type * as Y from 'yjs';
import { type DeadlineBoundAction, openUnderDeadline } from '../../../../shared/domain/deadline.ts';
import type { Role } from '../../../../shared/domain/roles.ts';
import { CloseCode } from '../../../../shared/protocol/closeCodes.ts';
import { AppError } from '../../errors.ts';
import { changesDocument } from '../documents/index.ts';

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

  /**
   * For the relay, at each update: refuses a delegate's change to the text after the deadline, on sockets opened before
   * it too. Refused, not dropped: the delegate must learn that the words were not saved (they stay on their device).
   * A sync that only repeats what the server holds passes, so a delegate keeps following the text.
   */
  lateChange(documentId: string, role: Role, update: Uint8Array, doc: Y.Doc): { code: number; reason: string } | undefined {
    if (this.isOpen(documentId, role, 'text.edit') || !changesDocument(update, doc)) return undefined;
    return { code: CloseCode.deadlinePassed, reason: 'deadline for proposals passed: the text is read-only for delegations' };
  }

  private isOpen(documentId: string, role: Role, action: DeadlineBoundAction): boolean {
    return openUnderDeadline(role, action, this.deadlines.deadlineOf(documentId)?.at ?? null, this.now());
  }
}
