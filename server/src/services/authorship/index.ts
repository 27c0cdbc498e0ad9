// The authorship domain as the rest of the server sees it: who wrote which part of a document.
export * from './authorshipService.ts';
