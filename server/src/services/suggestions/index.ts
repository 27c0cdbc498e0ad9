// The suggestions domain as the rest of the server sees it: deciding proposals and removing brackets.
export * from './suggestionService.ts';
