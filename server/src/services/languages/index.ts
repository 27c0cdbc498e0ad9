// The languages domain as the rest of the server sees it: language versions, their confirmations and statuses.
export * from './languageService.ts';
