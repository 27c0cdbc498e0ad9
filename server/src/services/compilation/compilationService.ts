import { COMPILATION_EVENTS, type CompilationNotes, type NoChangeBody, type ProposalJustificationBody } from '../../../../shared/api/compilation.ts';
import { AppError } from '../../errors.ts';
import { loadEditorKit } from '../../infrastructure/editorKit/loadEditorKit.ts';
import type { CompilationRepository } from '../../storage/compilationRepository.ts';
import { auditEntry, authorOf, type Principal } from '../access/index.ts';
import type { DocumentService, StoredState } from '../documents/index.ts';
import type { LiveChannel, LivePublish } from '../liveChannel/index.ts';
import type { DeadlineGate } from '../procedures/index.ts';

export interface CompilationServiceDeps {
  documents: DocumentService;
  compilation: CompilationRepository;
  channel: LiveChannel;
  /** The stored text: a justification is checked against the proposal's delegation there. */
  stored: StoredState;
  deadline: DeadlineGate;
  now?: () => Date;
}

/**
 * What the compilation of proposals adds to the text, the alternatives and the reservations: a delegation's "no change"
 * (NOC) on a recommendation, and its short justification of one of its proposals. Both are a delegation speaking for
 * itself (the `alternative.propose` permission, organisers excluded). A NOC is a position taken: only delegates take
 * one (`noChange.mark`; a rapporteur's group is no delegation), and the deadline for proposals binds it, while a
 * justification explains what was already proposed and stays open. Clearing one's own NOC needs only the former.
 */
export class CompilationService {
  private readonly now: () => Date;
  private readonly publish: LivePublish<CompilationNotes>;

  constructor(private readonly deps: CompilationServiceDeps) {
    this.now = deps.now ?? (() => new Date());
    this.publish = deps.channel.register<CompilationNotes>({
      snapshotEvent: COMPILATION_EVENTS.snapshot,
      changeEvent: COMPILATION_EVENTS.changed,
      snapshot: (principal, documentId) => this.notes(principal, documentId),
      mayReceive: () => true,
    });
  }

  notes(principal: Principal, documentId: string): CompilationNotes {
    this.deps.documents.authorize(principal, documentId, 'document.read');
    return this.deps.compilation.notes(documentId);
  }

  markNoChange(principal: Principal, documentId: string, recommendationId: string, { justification }: NoChangeBody): CompilationNotes {
    const { role } = this.deps.documents.authorize(principal, documentId, 'noChange.mark');
    this.deps.deadline.assertOpen(documentId, role, 'suggestion.propose');
    const at = this.now().toISOString();
    const text = justification ? justification : null;
    this.deps.compilation.putNoChange(
      { documentId, recommendationId, delegation: principal.delegation, color: principal.color, justification: text, actorName: principal.name, at },
      auditEntry(principal, { documentId, action: 'compilation.noChange', subject: recommendationId, at, details: { delegation: principal.delegation } }),
    );
    return this.changed(documentId);
  }

  clearNoChange(principal: Principal, documentId: string, recommendationId: string): CompilationNotes {
    this.authorizeDelegation(principal, documentId);
    const at = this.now().toISOString();
    const audit = auditEntry(principal, { documentId, action: 'compilation.clearNoChange', subject: recommendationId, at, details: { delegation: principal.delegation } });
    if (!this.deps.compilation.deleteNoChange(documentId, recommendationId, principal.delegation, audit)) {
      throw new AppError('not_found', 'Your delegation marked no change on this recommendation.');
    }
    return this.changed(documentId);
  }

  /** The proposing delegation justifies one of its proposals in the text (blank removes the justification). */
  async justify(principal: Principal, documentId: string, suggestionId: string, { text }: ProposalJustificationBody): Promise<CompilationNotes> {
    this.authorizeDelegation(principal, documentId);
    const kit = await loadEditorKit();
    const suggestion = kit.listSuggestions(kit.proseMirrorOf(this.deps.stored.storedState(documentId))).find((candidate) => candidate.id === suggestionId);
    if (!suggestion) throw new AppError('not_found', 'No such proposal in this document.');
    if (suggestion.delegation !== principal.delegation) throw new AppError('forbidden', 'Only the proposing delegation can justify a proposal.');
    const at = this.now().toISOString();
    this.deps.compilation.justify(
      documentId,
      suggestionId,
      { delegation: principal.delegation, text, actorName: authorOf(principal).name, at },
      auditEntry(principal, { documentId, action: 'compilation.justify', subject: suggestionId, at, details: { delegation: principal.delegation } }),
    );
    return this.changed(documentId);
  }

  private authorizeDelegation(principal: Principal, documentId: string) {
    const authorized = this.deps.documents.authorize(principal, documentId, 'alternative.propose');
    if (principal.kind === 'organiser') throw new AppError('forbidden', 'Organisers speak for no delegation.');
    return authorized;
  }

  private changed(documentId: string): CompilationNotes {
    const notes = this.deps.compilation.notes(documentId);
    this.publish(documentId, notes);
    return notes;
  }
}
