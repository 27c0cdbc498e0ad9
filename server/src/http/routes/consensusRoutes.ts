import { Router } from 'express';
import { RecommendationId, ReservationBody, SetConsensusStatusBody } from '../../../../shared/api/consensus.ts';
import type { ConsensusService } from '../../services/consensus/index.ts';
import { principalOf } from '../authenticate.ts';
import { parse } from '../validate.ts';

export interface ConsensusRoutesDeps {
  consensus: ConsensusService;
}

/** Consensus status of recommendations, addressed by the recommendation's stable id. */
export function consensusRoutes({ consensus }: ConsensusRoutesDeps): Router {
  const router = Router();
  const base = '/api/documents/:id/recommendations';

  router.get(`${base}/statuses`, (req, res) => {
    res.json({ recommendations: consensus.list(principalOf(req, res), req.params.id) });
  });

  router.put(`${base}/:recommendationId/status`, (req, res) => {
    const principal = principalOf(req, res);
    const recommendationId = parse(RecommendationId, req.params.recommendationId);
    res.json(consensus.setStatus(principal, req.params.id, recommendationId, parse(SetConsensusStatusBody, req.body)));
  });

  router.put(`${base}/:recommendationId/reservation`, (req, res) => {
    const principal = principalOf(req, res);
    const recommendationId = parse(RecommendationId, req.params.recommendationId);
    res.json(consensus.reserve(principal, req.params.id, recommendationId, parse(ReservationBody, req.body ?? {})));
  });

  router.delete(`${base}/:recommendationId/reservation`, (req, res) => {
    const principal = principalOf(req, res);
    res.json(consensus.withdraw(principal, req.params.id, parse(RecommendationId, req.params.recommendationId)));
  });

  return router;
}
