import { Router } from 'express';
import { NoChangeBody, ProposalJustificationBody } from '../../../../shared/api/compilation.ts';
import { RecommendationId } from '../../../../shared/api/consensus.ts';
import { SuggestionIdParams } from '../../../../shared/api/suggestions.ts';
import type { CompilationService } from '../../services/compilation/index.ts';
import { principalOf } from '../authenticate.ts';
import { parse } from '../validate.ts';

/** The compilation of proposals' own records: NOC marks on recommendations and justifications of proposals. */
export function compilationRoutes({ compilation }: { compilation: CompilationService }): Router {
  const router = Router();
  const noChange = '/api/documents/:id/recommendations/:recommendationId/no-change';

  router.get('/api/documents/:id/compilation-notes', (req, res) => {
    res.json(compilation.notes(principalOf(req, res), String(req.params.id)));
  });

  router.put(noChange, (req, res) => {
    const principal = principalOf(req, res);
    const recommendationId = parse(RecommendationId, req.params.recommendationId);
    res.json(compilation.markNoChange(principal, String(req.params.id), recommendationId, parse(NoChangeBody, req.body ?? {})));
  });

  router.delete(noChange, (req, res) => {
    const principal = principalOf(req, res);
    res.json(compilation.clearNoChange(principal, String(req.params.id), parse(RecommendationId, req.params.recommendationId)));
  });

  router.put('/api/documents/:id/suggestions/:suggestionId/justification', async (req, res) => {
    const principal = principalOf(req, res);
    const { suggestionId } = parse(SuggestionIdParams, req.params);
    res.json(await compilation.justify(principal, String(req.params.id), suggestionId, parse(ProposalJustificationBody, req.body ?? {})));
  });

  return router;
}
