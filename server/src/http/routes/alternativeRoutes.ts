import { Router, type Request } from 'express';
import { AlternativeNumber, JustifyAlternativeBody, ProposeAlternativeBody, RetainAlternativeBody } from '../../../../shared/api/alternatives.ts';
import { RecommendationId } from '../../../../shared/api/consensus.ts';
import type { AlternativeService } from '../../services/alternatives/index.ts';
import { principalOf } from '../authenticate.ts';
import { parse } from '../validate.ts';

/** Alternatives of a recommendation, addressed by its stable id and their "Alt N" number. */
export function alternativeRoutes({ alternatives }: { alternatives: AlternativeService }): Router {
  const router = Router();
  const base = '/api/documents/:id/recommendations/:recommendationId';
  const recommendationOf = (req: Request) => parse(RecommendationId, req.params.recommendationId);
  const numberOf = (req: Request) => parse(AlternativeNumber, req.params.number);

  router.get('/api/documents/:id/alternatives', (req, res) => {
    res.json({ recommendations: alternatives.list(principalOf(req, res), String(req.params.id)) });
  });

  router.post(`${base}/alternatives`, (req, res) => {
    const principal = principalOf(req, res);
    res.status(201).json(alternatives.propose(principal, String(req.params.id), recommendationOf(req), parse(ProposeAlternativeBody, req.body ?? {})));
  });

  router.patch(`${base}/alternatives/:number`, (req, res) => {
    const principal = principalOf(req, res);
    res.json(alternatives.justify(principal, String(req.params.id), recommendationOf(req), numberOf(req), parse(JustifyAlternativeBody, req.body ?? {})));
  });

  router.delete(`${base}/alternatives/:number`, (req, res) => {
    const principal = principalOf(req, res);
    res.json(alternatives.withdraw(principal, String(req.params.id), recommendationOf(req), numberOf(req)));
  });

  router.put(`${base}/alternatives/:number/support`, (req, res) => {
    const principal = principalOf(req, res);
    res.json(alternatives.support(principal, String(req.params.id), recommendationOf(req), numberOf(req)));
  });

  router.delete(`${base}/alternatives/:number/support`, (req, res) => {
    const principal = principalOf(req, res);
    res.json(alternatives.unsupport(principal, String(req.params.id), recommendationOf(req), numberOf(req)));
  });

  router.post(`${base}/retain`, async (req, res) => {
    const principal = principalOf(req, res);
    const { alternative } = parse(RetainAlternativeBody, req.body ?? {});
    res.json(await alternatives.retain(principal, String(req.params.id), recommendationOf(req), alternative));
  });

  return router;
}
