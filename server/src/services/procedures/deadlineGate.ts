import type * as Y from 'yjs';
import { type DeadlineBoundAction, openUnderDeadline } from '../../../../shared/domain/deadline.ts';
import type { Role } from '../../../../shared/domain/roles.ts';
import { CloseCode } from '../../../../shared/protocol/closeCodes.ts';
import { AppError } from '../../errors.ts';
import { opensProposal } from './newProposals.ts';

/** Where the deadline of a document is kept (the procedure repository). */
export interface DeadlineSource {
  deadlineOf(documentId: string): { at: string } | undefined;
}

/**
 * The deadline for proposals and comments, enforced where they arrive: REST (opening a thread) and the live channel
 * (an update carrying a new proposal). The clock is read at each request, so no timer has to fire for it to hold.
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

  /** For the relay: refuses a delegate's update that opens a proposal after the deadline. */
  liveRefusal(documentId: string, role: Role, update: Uint8Array, doc: Y.Doc): { code: number; reason: string } | undefined {
    if (this.isOpen(documentId, role, 'suggestion.propose') || !opensProposal(update, doc)) return undefined;
    return { code: CloseCode.deadlinePassed, reason: 'deadline for proposals passed' };
  }

  private isOpen(documentId: string, role: Role, action: DeadlineBoundAction): boolean {
    return openUnderDeadline(role, action, this.deadlines.deadlineOf(documentId)?.at ?? null, this.now());
  }
}
