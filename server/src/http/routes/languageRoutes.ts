import { Router } from 'express';
import { LanguageCode } from '../../../../shared/api/documents.ts';
import { AddLanguageBody, BlockId, SourceLanguageBody } from '../../../../shared/api/languages.ts';
import type { LanguageService } from '../../services/languages/index.ts';
import { principalOf } from '../authenticate.ts';
import { parse } from '../validate.ts';

/** Language versions of a document (docs/api.md, "Language versions"). */
export function languageRoutes(languages: LanguageService): Router {
  const router = Router();
  const base = '/api/documents/:id/languages';

  router.get(base, async (req, res) => {
    res.json(await languages.list(principalOf(req, res), req.params.id));
  });

  router.post(base, async (req, res) => {
    const principal = principalOf(req, res);
    const { language } = parse(AddLanguageBody, req.body);
    res.status(201).json(await languages.add(principal, req.params.id, language));
  });

  router.delete(`${base}/:language`, (req, res) => {
    const principal = principalOf(req, res);
    languages.remove(principal, req.params.id, parse(LanguageCode, req.params.language));
    res.status(204).end();
  });

  router.get(`${base}/:language/blocks`, async (req, res) => {
    const principal = principalOf(req, res);
    res.json(await languages.blocks(principal, req.params.id, parse(LanguageCode, req.params.language)));
  });

  router.post(`${base}/:language/blocks/:blockId/confirmation`, async (req, res) => {
    const principal = principalOf(req, res);
    const language = parse(LanguageCode, req.params.language);
    res.status(201).json(await languages.confirm(principal, req.params.id, language, parse(BlockId, req.params.blockId)));
  });

  router.put('/api/documents/:id/source-language', (req, res) => {
    const principal = principalOf(req, res);
    languages.setSourceLanguage(principal, req.params.id, parse(SourceLanguageBody, req.body).language);
    res.status(204).end();
  });

  return router;
}
