import { Router } from 'express';
import { CommentBody, CreateThreadBody, ResolveThreadBody } from '../../../../shared/api/threads.ts';
import type { ThreadService } from '../../services/threads/index.ts';
import { principalOf } from '../authenticate.ts';
import { parse } from '../validate.ts';

export interface ThreadRoutesDeps {
  threads: ThreadService;
}

/** Comment threads: listed and opened per document, then addressed by their own id. */
export function threadRoutes({ threads }: ThreadRoutesDeps): Router {
  const router = Router();

  router.get('/api/documents/:id/threads', (req, res) => {
    res.json({ threads: threads.list(principalOf(req, res), req.params.id) });
  });

  router.post('/api/documents/:id/threads', (req, res) => {
    const principal = principalOf(req, res);
    res.status(201).json(threads.create(principal, req.params.id, parse(CreateThreadBody, req.body)));
  });

  router.get('/api/threads/:threadId', (req, res) => {
    res.json(threads.get(principalOf(req, res), req.params.threadId));
  });

  router.post('/api/threads/:threadId/comments', (req, res) => {
    const principal = principalOf(req, res);
    res.status(201).json(threads.reply(principal, req.params.threadId, parse(CommentBody, req.body)));
  });

  router.patch('/api/threads/:threadId/comments/:commentId', (req, res) => {
    const principal = principalOf(req, res);
    const body = parse(CommentBody, req.body);
    res.json(threads.editComment(principal, req.params.threadId, req.params.commentId, body));
  });

  router.delete('/api/threads/:threadId/comments/:commentId', (req, res) => {
    res.json(threads.deleteComment(principalOf(req, res), req.params.threadId, req.params.commentId));
  });

  router.post('/api/threads/:threadId/resolve', (req, res) => {
    const principal = principalOf(req, res);
    res.json(threads.resolve(principal, req.params.threadId, parse(ResolveThreadBody, req.body ?? {})));
  });

  router.post('/api/threads/:threadId/reopen', (req, res) => {
    res.json(threads.reopen(principalOf(req, res), req.params.threadId));
  });

  return router;
}
