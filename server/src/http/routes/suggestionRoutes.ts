import { Router } from 'express';
import { BracketParams, BulkSuggestionBody, SuggestionParams } from '../../../../shared/api/suggestions.ts';
import type { SuggestionService } from '../../services/suggestions/index.ts';
import { principalOf } from '../authenticate.ts';
import { parse } from '../validate.ts';

/** Decisions on proposals (one, or all of a delegation or recommendation) and removing brackets. */
export function suggestionRoutes({ suggestions }: { suggestions: SuggestionService }): Router {
  const router = Router();

  for (const decision of ['accept', 'reject'] as const) {
    router.post(`/api/documents/:id/suggestions/${decision}`, async (req, res) => {
      const principal = principalOf(req, res);
      const filter = parse(BulkSuggestionBody, req.body ?? {});
      res.json(await suggestions.decideAll(principal, req.params.id, decision, filter));
    });
  }

  router.post('/api/documents/:id/suggestions/:suggestionId/:decision', async (req, res) => {
    const principal = principalOf(req, res);
    const { suggestionId, decision } = parse(SuggestionParams, req.params);
    res.json(await suggestions.decide(principal, req.params.id, suggestionId, decision));
  });

  router.post('/api/documents/:id/brackets/:bracketId/remove', async (req, res) => {
    const principal = principalOf(req, res);
    const { bracketId } = parse(BracketParams, req.params);
    await suggestions.removeBracket(principal, req.params.id, bracketId);
    res.json({ bracketId });
  });

  return router;
}
