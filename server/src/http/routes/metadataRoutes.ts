import { Router } from 'express';
import { DocumentMetadata } from '../../../../shared/api/documentMetadata.ts';
import type { DocumentMetadataService } from '../../services/documents/index.ts';
import { principalOf } from '../authenticate.ts';
import { parse } from '../validate.ts';

/** A document's publication metadata: read by every member, replaced as a whole by the organiser. */
export function metadataRoutes(metadata: DocumentMetadataService): Router {
  const router = Router();

  router.get('/api/documents/:id/metadata', (req, res) => {
    res.json(metadata.get(principalOf(req, res), req.params.id));
  });

  router.put('/api/documents/:id/metadata', (req, res) => {
    const principal = principalOf(req, res);
    res.json(metadata.set(principal, req.params.id, parse(DocumentMetadata, req.body)));
  });

  return router;
}
