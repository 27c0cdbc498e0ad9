import type { CreateDocumentBody, DocumentSummary } from '../../../../shared/api/documents.ts';
import { type Action, can } from '../../../../shared/domain/policy.ts';
import type { LanguageCode } from '../../../../shared/domain/languages.ts';
import type { Role } from '../../../../shared/domain/roles.ts';
import { AppError } from '../../errors.ts';
import { newDocumentState } from '../../../../shared/protocol/documentFragment.ts';
import type { DocumentRepository, DocumentRow } from '../../storage/documentRepository.ts';
import type { YjsUpdateRepository } from '../../storage/yjsUpdateRepository.ts';
import { type Principal, roleIn } from '../access/index.ts';
import { newId } from '../../infrastructure/tokens.ts';

const summary = (row: DocumentRow, role: Role): DocumentSummary => ({ ...row, role });

/** Documents of the workshop and the permission checks on them. */
export class DocumentService {
  constructor(
    private readonly documents: DocumentRepository,
    private readonly updates: Pick<YjsUpdateRepository, 'compact'>,
    private readonly now: () => Date = () => new Date(),
  ) {}

  create(principal: Principal, body: CreateDocumentBody): DocumentSummary {
    if (principal.kind !== 'organiser') throw new AppError('forbidden', 'Only organisers create documents.');
    const row = { id: newId(), title: body.title, createdAt: this.now().toISOString(), sourceLanguage: body.sourceLanguage };
    const document = summary(this.documents.insert(row), 'organiser');
    this.updates.compact(document.id, newDocumentState(newId()));
    return document;
  }

  list(principal: Principal): DocumentSummary[] {
    return this.documents.list().flatMap((row) => {
      const role = roleIn(principal, row.id);
      return role ? [summary(row, role)] : [];
    });
  }

  get(principal: Principal, documentId: string): DocumentSummary {
    return this.authorize(principal, documentId, 'document.read').document;
  }

  /**
   * The document and the caller's role, if the caller may do `action` on it. Document ids are random UUIDs, so
   * telling a non-member (403) from an unknown id (404) reveals nothing guessable.
   */
  authorize(principal: Principal, documentId: string, action: Action): { document: DocumentSummary; role: Role } {
    const row = this.documents.get(documentId);
    if (!row) throw new AppError('not_found', 'No such document.');
    const role = roleIn(principal, documentId);
    if (!role) throw new AppError('forbidden', 'You are not a member of this document.');
    if (!can(role, action, row)) {
      throw new AppError('forbidden', row.frozen && can(role, action) ? 'The document is frozen.' : 'Your role does not allow this.');
    }
    return { document: summary(row, role), role };
  }

  /** A document's source language; undefined for an unknown document (for work nobody asked for: live counts). */
  sourceLanguageOf(documentId: string): LanguageCode | undefined {
    return this.documents.get(documentId)?.sourceLanguage;
  }

  isFrozen(documentId: string): boolean {
    return this.documents.get(documentId)?.frozen ?? false;
  }
}
