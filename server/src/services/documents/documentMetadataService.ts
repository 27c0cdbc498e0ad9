import type { DocumentMetadata } from '../../../../shared/api/documentMetadata.ts';
import type { DocumentMetadataRepository } from '../../storage/documentMetadataRepository.ts';
import type { DocumentService } from './documentService.ts';
import type { Principal } from '../access/index.ts';

/**
 * A document's publication metadata (event, place, dates, organisation, short title): every member reads it, the
 * organiser sets it, frozen or not — the title block of an adopted text is still the organiser's to complete.
 */
export class DocumentMetadataService {
  constructor(
    private readonly documents: DocumentService,
    private readonly repository: DocumentMetadataRepository,
    private readonly now: () => Date = () => new Date(),
  ) {}

  get(principal: Principal, documentId: string): DocumentMetadata {
    this.documents.authorize(principal, documentId, 'document.read');
    return this.repository.metadata(documentId);
  }

  set(principal: Principal, documentId: string, metadata: DocumentMetadata): DocumentMetadata {
    this.documents.authorize(principal, documentId, 'document.manage');
    this.repository.put(documentId, metadata, this.now().toISOString());
    return this.repository.metadata(documentId);
  }
}
