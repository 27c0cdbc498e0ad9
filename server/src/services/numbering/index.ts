// The numbering domain as the rest of the server sees it: locking, numbering new recommendations, renumbering.
export * from './numberingService.ts';
export * from './numberingWrites.ts';
