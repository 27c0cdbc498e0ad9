import fs from 'node:fs';
import path from 'node:path';
import express from 'express';
import expressStaticGzip from 'express-static-gzip';
import helmet from 'helmet';
import type { Logger } from 'pino';
import type { Metrics } from './metrics.ts';
import type { AccessService } from './services/access/index.ts';
import type { AuthorshipService } from './services/authorship/index.ts';
import type { ConsensusService } from './services/consensus/index.ts';
import type { AlternativeService } from './services/alternatives/index.ts';
import type { CompilationService } from './services/compilation/index.ts';
import type { DocumentService } from './services/documents/index.ts';
import type { ProcedureService } from './services/procedures/index.ts';
import type { NumberingService } from './services/numbering/index.ts';
import type { ExportService } from './services/export/index.ts';
import type { DocumentMetadataService } from './services/documents/index.ts';
import type { LiveChannel } from './services/liveChannel/index.ts';
import type { SuggestionService } from './services/suggestions/index.ts';
import type { ThreadService } from './services/threads/index.ts';
import type { VersionService } from './services/versions/index.ts';
import type { LanguageService } from './services/languages/index.ts';
import type { AuthFailureLimiter } from './http/authFailureLimiter.ts';
import { authenticate } from './http/authenticate.ts';
import { refuseChangesWhenDatabaseLost } from './http/refuseChangesWhenDatabaseLost.ts';
import { errorHandler, notFoundHandler } from './http/errorHandler.ts';
import { requestLogger } from './http/requestLogger.ts';
import { adminRoutes, type DatabaseBackup } from './http/routes/adminRoutes.ts';
import { alternativeRoutes } from './http/routes/alternativeRoutes.ts';
import { compilationRoutes } from './http/routes/compilationRoutes.ts';
import { authorRoutes } from './http/routes/authorRoutes.ts';
import { consensusRoutes } from './http/routes/consensusRoutes.ts';
import { documentRoutes } from './http/routes/documentRoutes.ts';
import { exportRoutes } from './http/routes/exportRoutes.ts';
import { metadataRoutes } from './http/routes/metadataRoutes.ts';
import { eventRoutes } from './http/routes/eventRoutes.ts';
import { type Dependencies, healthRoutes } from './http/routes/healthRoutes.ts';
import { languageRoutes } from './http/routes/languageRoutes.ts';
import { procedureRoutes } from './http/routes/procedureRoutes.ts';
import { numberingRoutes } from './http/routes/numberingRoutes.ts';
import { sessionRoutes } from './http/routes/sessionRoutes.ts';
import { suggestionRoutes } from './http/routes/suggestionRoutes.ts';
import { threadRoutes } from './http/routes/threadRoutes.ts';
import { versionRoutes } from './http/routes/versionRoutes.ts';

export interface AppDeps {
  logger: Logger;
  metrics: Metrics;
  access: AccessService;
  documents: DocumentService;
  threads: ThreadService;
  versions: VersionService;
  languages: LanguageService;
  suggestions: SuggestionService;
  consensus: ConsensusService;
  alternatives: AlternativeService;
  compilation: CompilationService;
  authorship: AuthorshipService;
  procedures: ProcedureService;
  numbering: NumberingService;
  /** Shared with the websocket upgrade, so failed credentials count the same over HTTP and websockets. */
  failures: AuthFailureLimiter;
  exports: ExportService;
  metadata: DocumentMetadataService;
  liveChannel: LiveChannel;
  /** The address invite links point at; read at each request (in LAN mode it is known only once listening). */
  publicUrl: () => string | undefined;
  /** Why the database file is no longer the one opened at start, once it is: every change is refused from then on. */
  databaseLost: () => string | undefined;
  /** Which of the server's dependencies answer now, for /healthz (asked at each request). */
  dependencies: () => Dependencies;
  /** The organiser's download of all data. */
  backup: DatabaseBackup | undefined;
  lan: boolean;
  /** Served over TLS: cookies are Secure, and headers only honoured on secure origins are sent. */
  secureCookies: boolean;
  /** The built client (vite build output); served with an index.html fallback for client-side routes. */
  clientDir: string;
}

/** JSON bodies are small (titles, names, comments); documents travel over the websocket. */
const JSON_LIMIT = '256kb';

/** The Express application: API, health, metrics and the built client. It does not listen; tests and main do. */
export function createApp(deps: AppDeps): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', false);
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          'default-src': ["'self'"],
          'connect-src': ["'self'", 'ws:', 'wss:'],
          'img-src': ["'self'", 'data:', 'blob:'],
          'style-src': ["'self'", "'unsafe-inline'"],
          // Venue networks serve plain http://laptop:port; upgrading requests to https would break them.
          'upgrade-insecure-requests': null,
        },
      },
      // Venues use self-signed certificates; HSTS would forbid clicking through the browser warning on later visits.
      strictTransportSecurity: false,
      // Browsers ignore COOP and Origin-Agent-Cluster on an http:// origin other than localhost (a venue's
      // http://<laptop>:port) and complain on every page (an error for COOP); they are sent only where honoured.
      crossOriginOpenerPolicy: deps.secureCookies ? { policy: 'same-origin' } : false,
      originAgentCluster: deps.secureCookies,
      referrerPolicy: { policy: 'no-referrer' },
    }),
  );
  app.use(requestLogger(deps.logger));
  app.use(healthRoutes(deps.metrics, deps.databaseLost, deps.dependencies));
  app.use('/api', refuseChangesWhenDatabaseLost(deps.databaseLost));
  app.use('/api', express.json({ limit: JSON_LIMIT }));
  app.use('/api', authenticate(deps.access, deps.failures));
  app.use(sessionRoutes({ access: deps.access, secureCookies: deps.secureCookies }));
  app.use(documentRoutes({ documents: deps.documents, access: deps.access, languages: deps.languages, publicUrl: deps.publicUrl }));
  app.use(languageRoutes(deps.languages));
  app.use(adminRoutes({ backup: deps.backup, publicUrl: deps.publicUrl, lan: deps.lan, tls: deps.secureCookies }));
  app.use(threadRoutes({ threads: deps.threads }));
  app.use(consensusRoutes({ consensus: deps.consensus }));
  app.use(alternativeRoutes({ alternatives: deps.alternatives }));
  app.use(compilationRoutes({ compilation: deps.compilation }));
  app.use(authorRoutes(deps.authorship));
  app.use(eventRoutes({ live: deps.liveChannel, access: deps.access }));
  app.use(procedureRoutes(deps.procedures));
  app.use(numberingRoutes(deps.numbering));
  app.use(versionRoutes(deps.versions));
  app.use(suggestionRoutes({ suggestions: deps.suggestions }));
  app.use(exportRoutes({ exports: deps.exports }));
  app.use(metadataRoutes(deps.metadata));
  app.use('/api', notFoundHandler);
  app.use(clientRoutes(deps.clientDir));
  app.use(notFoundHandler);
  app.use(errorHandler(deps.logger));
  return app;
}

const IMMUTABLE = 'public, max-age=31536000, immutable';

function clientRoutes(clientDir: string): express.Router {
  const router = express.Router();
  const index = path.join(clientDir, 'index.html');
  // Brotli or gzip copies made at build time, when the browser accepts them. Files under assets/ carry a content hash
  // in their name, so a browser may keep them for good; index.html and sw.js keep their names and must be asked again.
  router.use(
    expressStaticGzip(clientDir, {
      index: false,
      enableBrotli: true,
      orderPreference: ['br', 'gzip'],
      serveStatic: {
        setHeaders: (res, filePath) => {
          const hashed = path.relative(clientDir, filePath).startsWith(`assets${path.sep}`);
          res.setHeader('Cache-Control', hashed ? IMMUTABLE : 'no-cache');
        },
      },
    }),
  );
  router.get('/{*splat}', (_req, res) => {
    if (!fs.existsSync(index)) {
      res.status(503).type('text/plain').send('The Accord client is not built. Run `npm run build`, or start with `npm start`.');
      return;
    }
    res.set('Cache-Control', 'no-cache').sendFile(index);
  });
  return router;
}
