import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import type * as Y from 'yjs';
import type { BulkSuggestionBody, SuggestionDecisionName, SuggestionDecisionResult } from '../../../../shared/api/suggestions.ts';
import type { BracketSummary, SuggestionSummary } from '../../../../shared/editor/suggestionChanges.ts';
import { AppError } from '../../errors.ts';
import type { AuditEntry } from '../../storage/auditLogRepository.ts';
import type { DocumentService } from '../documents/index.ts';
import { type EditorKit, loadEditorKit } from '../../infrastructure/editorKit/loadEditorKit.ts';
import type { Principal } from '../access/index.ts';
import { auditEntry } from '../access/index.ts';

/** The open editors of documents (the collab relay): a server-made change is stored, then relayed to every editor. */
export interface LiveDocumentChanges {
  applyServerChange(documentId: string, change: (doc: Y.Doc) => void): void;
}

export interface AuditLog {
  append(entry: AuditEntry): void;
}

export interface SuggestionServiceDeps {
  documents: DocumentService;
  live: LiveDocumentChanges;
  audit: AuditLog;
  now?: () => Date;
}

/** Audit details keep the words decided on, shortened: the audit log is a record, not a second copy of the text. */
const excerpt = (text: string) => (text.length > 200 ? `${text.slice(0, 199)}…` : text);

/**
 * Decisions on proposals (accept, reject, withdraw) and removing brackets. Each is applied by the server to the live
 * document (read with the shared schema, changed by the shared pure functions, written back as a minimal Yjs change),
 * so every open editor follows through the relay; each is audited. The permission checks live here, not in the client.
 */
export class SuggestionService {
  private readonly now: () => Date;

  constructor(private readonly deps: SuggestionServiceDeps) {
    this.now = deps.now ?? (() => new Date());
  }

  /** Accepts or rejects (rapporteurs, organisers) or withdraws (own delegation only) one proposal. */
  async decide(
    principal: Principal,
    documentId: string,
    suggestionId: string,
    decision: SuggestionDecisionName,
  ): Promise<SuggestionDecisionResult> {
    const action = decision === 'withdraw' ? 'suggestion.withdraw' : 'suggestion.decide';
    this.deps.documents.authorize(principal, documentId, action);
    const kit = await loadEditorKit();
    let refusal: AppError | undefined;
    let decided: SuggestionSummary | undefined;
    this.change(kit, documentId, (doc) => {
      const suggestion = kit.listSuggestions(doc).find((candidate) => candidate.id === suggestionId);
      if (!suggestion) {
        refusal = new AppError('not_found', 'No such proposal in this document.');
        return undefined;
      }
      if (decision === 'withdraw' && suggestion.delegation !== principal.delegation) {
        refusal = new AppError('forbidden', 'Only a proposal of your own delegation can be withdrawn.');
        return undefined;
      }
      decided = suggestion;
      return kit.decideSuggestions(doc, [suggestionId], decision === 'accept' ? 'accept' : 'reject');
    });
    if (refusal) throw refusal;
    this.audit(principal, documentId, `suggestion.${decision}`, [decided!]);
    return { decision, suggestionIds: [suggestionId] };
  }

  /** Accepts or rejects every proposal of a delegation, of a recommendation, or both (none given: all of them). */
  async decideAll(
    principal: Principal,
    documentId: string,
    decision: 'accept' | 'reject',
    filter: BulkSuggestionBody,
  ): Promise<SuggestionDecisionResult> {
    this.deps.documents.authorize(principal, documentId, 'suggestion.decide');
    const kit = await loadEditorKit();
    let decided: SuggestionSummary[] = [];
    this.change(kit, documentId, (doc) => {
      decided = kit.listSuggestions(doc).filter(
        (suggestion) =>
          (filter.delegation === undefined || suggestion.delegation === filter.delegation) &&
          (filter.recommendationId === undefined || suggestion.recommendationId === filter.recommendationId),
      );
      if (decided.length === 0) return undefined;
      return kit.decideSuggestions(
        doc,
        decided.map((suggestion) => suggestion.id),
        decision,
      );
    });
    this.audit(principal, documentId, `suggestion.${decision}`, decided);
    return { decision, suggestionIds: decided.map((suggestion) => suggestion.id) };
  }

  /** Removes one pair of brackets (the words stay): one action by a rapporteur or organiser. */
  async removeBracket(principal: Principal, documentId: string, bracketId: string): Promise<void> {
    this.deps.documents.authorize(principal, documentId, 'bracket.remove');
    const kit = await loadEditorKit();
    let removed: BracketSummary | undefined;
    this.change(kit, documentId, (doc) => {
      removed = kit.listBrackets(doc).find((bracket) => bracket.id === bracketId);
      return removed ? kit.removeBracket(doc, bracketId).doc : undefined;
    });
    if (!removed) throw new AppError('not_found', 'No such bracketed text in this document.');
    this.deps.audit.append(
      auditEntry(principal, {
        documentId,
        action: 'bracket.remove',
        subject: bracketId,
        at: this.now().toISOString(),
        details: { delegation: removed.delegation, text: excerpt(removed.text), recommendationId: removed.recommendationId },
      }),
    );
  }

  /**
   * Runs `edit` on the live document as ProseMirror and writes its result back (nothing when it returns undefined).
   * `edit` must not throw: a failure inside a server change evicts the room, so refusals are reported by the caller.
   */
  private change(kit: EditorKit, documentId: string, edit: (doc: ProseMirrorNode) => ProseMirrorNode | undefined): void {
    this.deps.live.applyServerChange(documentId, (ydoc) => {
      const fragment = ydoc.getXmlFragment(kit.EDITOR_FRAGMENT);
      const next = edit(kit.yXmlFragmentToProseMirrorRootNode(fragment, kit.editorSchema()));
      if (next) kit.updateYFragment(ydoc, fragment, next, { mapping: new Map(), isOMark: new Map() });
    });
  }

  private audit(principal: Principal, documentId: string, action: string, suggestions: readonly SuggestionSummary[]): void {
    const at = this.now().toISOString();
    for (const suggestion of suggestions) {
      this.deps.audit.append(
        auditEntry(principal, {
          documentId,
          action,
          subject: suggestion.id,
          at,
          details: {
            kinds: suggestion.kinds,
            author: suggestion.author,
            delegation: suggestion.delegation,
            inserted: excerpt(suggestion.inserted),
            deleted: excerpt(suggestion.deleted),
            recommendationId: suggestion.recommendationId,
          },
        }),
      );
    }
  }
}

