import {
  ALTERNATIVE_EVENTS,
  type JustifyAlternativeBody,
  type ProposeAlternativeBody,
  type RecommendationAlternatives,
} from '../../../../shared/api/alternatives.ts';
import { AppError } from '../../errors.ts';
import { newId } from '../../infrastructure/tokens.ts';
import { loadEditorKit } from '../../infrastructure/editorKit/loadEditorKit.ts';
import type { AlternativeRepository, StoredAlternative } from '../../storage/alternativeRepository.ts';
import type { AuditEntry } from '../../storage/auditLogRepository.ts';
import { auditEntry, authorOf, type Principal } from '../access/index.ts';
import type { DocumentService } from '../documents/index.ts';
import type { LiveChannel, LivePublish } from '../liveChannel/index.ts';
import type { DeadlineGate } from '../procedures/index.ts';
import type { LiveDocumentChanges } from '../suggestions/index.ts';

export interface AlternativeServiceDeps {
  documents: DocumentService;
  alternatives: AlternativeRepository;
  channel: LiveChannel;
  /** The relay: retaining an alternative rewrites the recommendation in the live document. */
  live: LiveDocumentChanges;
  deadline: DeadlineGate;
  now?: () => Date;
}

/** Audit details keep the first words only: the audit log is a record, not a second copy of the text. */
const excerpt = (text: string) => (text.length > 200 ? `${text.slice(0, 199)}…` : text);

/**
 * Alternative formulations of recommendations (docs/decisions/0009-alternatives.md). A delegation proposes one (a
 * delegate, before the deadline), others support it, and a rapporteur or organiser retains one: its wording replaces
 * the recommendation's in the live document, through the relay, and every other open alternative is closed as not
 * retained. Alt 0 is the recommendation's current text; retaining it closes them all and leaves the text as it is.
 */
export class AlternativeService {
  private readonly now: () => Date;
  private readonly publish: LivePublish<RecommendationAlternatives>;

  constructor(private readonly deps: AlternativeServiceDeps) {
    this.now = deps.now ?? (() => new Date());
    // Alternatives are public to everyone in the document, like the statuses; the channel has checked that much.
    this.publish = deps.channel.register<RecommendationAlternatives>({
      snapshotEvent: ALTERNATIVE_EVENTS.snapshot,
      changeEvent: ALTERNATIVE_EVENTS.changed,
      snapshot: (principal, documentId) => ({ recommendations: this.list(principal, documentId) }),
      mayReceive: () => true,
    });
  }

  list(principal: Principal, documentId: string): RecommendationAlternatives[] {
    this.deps.documents.authorize(principal, documentId, 'document.read');
    return this.deps.alternatives.ofDocument(documentId);
  }

  propose(principal: Principal, documentId: string, recommendationId: string, body: ProposeAlternativeBody): RecommendationAlternatives {
    const { role } = this.authorizeDelegation(principal, documentId);
    this.deps.deadline.assertOpen(documentId, role, 'suggestion.propose');
    const actor = authorOf(principal);
    const at = this.now().toISOString();
    const justification = body.justification ? body.justification : null;
    this.deps.alternatives.insert(
      { id: newId(), documentId, recommendationId, text: body.text, justification, delegation: principal.delegation, color: principal.color, actorId: actor.id, actorName: actor.name, at },
      (number) => this.audit(principal, documentId, 'alternative.propose', recommendationId, { number, text: excerpt(body.text) }, at),
    );
    return this.changed(documentId, recommendationId);
  }

  /** The proposing delegation changes its justification (blank removes it); allowed after the deadline, as a reply is. */
  justify(principal: Principal, documentId: string, recommendationId: string, number: number, { justification }: JustifyAlternativeBody): RecommendationAlternatives {
    this.authorizeDelegation(principal, documentId);
    const alternative = this.find(documentId, recommendationId, number);
    if (alternative.delegation !== principal.delegation) throw new AppError('forbidden', 'Only the proposing delegation can justify an alternative.');
    const at = this.now().toISOString();
    this.deps.alternatives.justify(
      alternative.id,
      justification ? justification : null,
      this.audit(principal, documentId, 'alternative.justify', recommendationId, { number }, at),
    );
    return this.changed(documentId, recommendationId);
  }

  /** The proposing delegation withdraws its open alternative; its number is not given again. */
  withdraw(principal: Principal, documentId: string, recommendationId: string, number: number): RecommendationAlternatives {
    this.authorizeDelegation(principal, documentId);
    const alternative = this.findOpen(documentId, recommendationId, number);
    if (alternative.delegation !== principal.delegation) throw new AppError('forbidden', 'Only the proposing delegation can withdraw an alternative.');
    const at = this.now().toISOString();
    this.deps.alternatives.decide(
      [{ id: alternative.id, status: 'withdrawn' }],
      { by: { name: principal.name, delegation: principal.delegation }, at },
      this.audit(principal, documentId, 'alternative.withdraw', recommendationId, { number }, at),
    );
    return this.changed(documentId, recommendationId);
  }

  /** The caller's delegation supports an open alternative of another delegation. */
  support(principal: Principal, documentId: string, recommendationId: string, number: number): RecommendationAlternatives {
    this.authorizeDelegation(principal, documentId);
    const alternative = this.findOpen(documentId, recommendationId, number);
    if (alternative.delegation === principal.delegation) throw new AppError('conflict', 'Your delegation proposed this alternative.');
    const actor = authorOf(principal);
    const at = this.now().toISOString();
    this.deps.alternatives.support(
      alternative.id,
      { delegation: principal.delegation, color: principal.color, actorId: actor.id, actorName: actor.name, at },
      this.audit(principal, documentId, 'alternative.support', recommendationId, { number, delegation: principal.delegation }, at),
    );
    return this.changed(documentId, recommendationId);
  }

  /** The caller's delegation withdraws its support; 404 if it gave none. */
  unsupport(principal: Principal, documentId: string, recommendationId: string, number: number): RecommendationAlternatives {
    this.authorizeDelegation(principal, documentId);
    const alternative = this.findOpen(documentId, recommendationId, number);
    const at = this.now().toISOString();
    const audit = this.audit(principal, documentId, 'alternative.unsupport', recommendationId, { number, delegation: principal.delegation }, at);
    if (!this.deps.alternatives.unsupport(alternative.id, principal.delegation, audit)) {
      throw new AppError('not_found', 'Your delegation does not support this alternative.');
    }
    return this.changed(documentId, recommendationId);
  }

  /**
   * Retains Alt `number` (0: the current text). The retained wording replaces the recommendation's, which is kept on
   * the alternative's record; every other open alternative is closed as not retained. Refused (409) when nothing is
   * open, so two rapporteurs retaining at once cannot both rewrite the text.
   */
  async retain(principal: Principal, documentId: string, recommendationId: string, number: number): Promise<RecommendationAlternatives> {
    this.deps.documents.authorize(principal, documentId, 'alternative.retain');
    const open = this.deps.alternatives.ofRecommendation(documentId, recommendationId).filter((alternative) => alternative.status === 'open');
    if (open.length === 0) throw new AppError('conflict', 'This recommendation has no open alternatives.');
    const retained = number === 0 ? undefined : open.find((alternative) => alternative.number === number);
    if (number !== 0 && !retained) throw new AppError('not_found', `Alt ${number} is not an open alternative of this recommendation.`);
    let replacedText: string | undefined;
    if (retained) {
      const kit = await loadEditorKit();
      this.deps.live.applyServerChange(documentId, (ydoc) => {
        const fragment = ydoc.getXmlFragment(kit.EDITOR_FRAGMENT);
        const current = kit.yXmlFragmentToProseMirrorRootNode(fragment, kit.editorSchema());
        const replaced = kit.replaceRecommendationWording(current, recommendationId, retained.text, newId);
        if (!replaced) return;
        replacedText = replaced.previous;
        kit.updateYFragment(ydoc, fragment, replaced.doc, { mapping: new Map(), isOMark: new Map() });
      });
      // Reported after the change: a throw inside a server change would evict the room.
      if (replacedText === undefined) throw new AppError('not_found', 'No such recommendation in this document.');
    }
    const at = this.now().toISOString();
    const actor = authorOf(principal);
    this.deps.alternatives.decide(
      open.map((alternative) =>
        alternative === retained ? { id: alternative.id, status: 'retained' as const, replacedText } : { id: alternative.id, status: 'not_retained' as const },
      ),
      { by: { name: actor.name, delegation: actor.delegation }, at },
      this.audit(principal, documentId, 'alternative.retain', recommendationId, { number, notRetained: open.filter((a) => a !== retained).map((a) => a.number) }, at),
    );
    return this.changed(documentId, recommendationId);
  }

  /** Proposing and supporting are a delegation speaking for itself: organisers speak for none. */
  private authorizeDelegation(principal: Principal, documentId: string) {
    const authorized = this.deps.documents.authorize(principal, documentId, 'alternative.propose');
    if (principal.kind === 'organiser') throw new AppError('forbidden', 'Organisers speak for no delegation.');
    return authorized;
  }

  private find(documentId: string, recommendationId: string, number: number): StoredAlternative {
    const alternative = this.deps.alternatives.ofRecommendation(documentId, recommendationId).find((candidate) => candidate.number === number);
    if (!alternative) throw new AppError('not_found', `No Alt ${number} on this recommendation.`);
    return alternative;
  }

  private findOpen(documentId: string, recommendationId: string, number: number): StoredAlternative {
    const alternative = this.find(documentId, recommendationId, number);
    if (alternative.status !== 'open') throw new AppError('conflict', `Alt ${number} is no longer open.`);
    return alternative;
  }

  private changed(documentId: string, recommendationId: string): RecommendationAlternatives {
    const entry: RecommendationAlternatives = {
      recommendationId,
      alternatives: this.deps.alternatives.ofRecommendation(documentId, recommendationId).map(({ id: _id, recommendationId: _r, ...alternative }) => alternative),
    };
    this.publish(documentId, entry);
    return entry;
  }

  private audit(principal: Principal, documentId: string, action: string, subject: string, details: Record<string, unknown>, at: string): AuditEntry {
    return auditEntry(principal, { documentId, action, subject, at, details });
  }
}
