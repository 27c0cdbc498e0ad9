// The export domain as the rest of the server sees it; the renderers stay inside (they load the editor code).
export * from './exportService.ts';
export * from './exportWorkerPool.ts';
export * from './exportFilename.ts';
export * from './consensusAnnexSource.ts';
export * from './threadAnnexSource.ts';
