import { Router } from 'express';
import { BreakSilenceBody, OpenSilenceBody, SetDeadlineBody } from '../../../../shared/api/procedures.ts';
import type { ProcedureService } from '../../services/procedures/index.ts';
import { principalOf } from '../authenticate.ts';
import { parse } from '../validate.ts';

/** The deadline for proposals and comments, and the silence procedure. Each answer is the document's procedures. */
export function procedureRoutes(procedures: ProcedureService): Router {
  const router = Router();
  const base = '/api/documents/:id';

  router.get(`${base}/procedures`, (req, res) => {
    res.json(procedures.get(principalOf(req, res), req.params.id));
  });

  router.put(`${base}/deadline`, (req, res) => {
    const principal = principalOf(req, res);
    res.json(procedures.setDeadline(principal, req.params.id, parse(SetDeadlineBody, req.body)));
  });

  router.delete(`${base}/deadline`, (req, res) => {
    res.json(procedures.clearDeadline(principalOf(req, res), req.params.id));
  });

  router.post(`${base}/silence`, (req, res) => {
    const principal = principalOf(req, res);
    res.status(201).json(procedures.openSilence(principal, req.params.id, parse(OpenSilenceBody, req.body)));
  });

  router.delete(`${base}/silence`, (req, res) => {
    res.json(procedures.withdrawSilence(principalOf(req, res), req.params.id));
  });

  router.post(`${base}/silence/break`, (req, res) => {
    const principal = principalOf(req, res);
    res.json(procedures.breakSilence(principal, req.params.id, parse(BreakSilenceBody, req.body)));
  });

  return router;
}
