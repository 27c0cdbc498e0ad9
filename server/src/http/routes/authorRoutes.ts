import { Router } from 'express';
import type { AuthorshipService } from '../../services/authorship/index.ts';
import { principalOf } from '../authenticate.ts';

/** Who wrote which Yjs client's text, for the authorship view; any member of the document may read it. */
export function authorRoutes(authorship: AuthorshipService): Router {
  const router = Router();
  router.get('/api/documents/:id/authors', (req, res) => {
    res.json({ authors: authorship.list(principalOf(req, res), req.params.id) });
  });
  return router;
}
