// The documents domain as the rest of the server sees it: documents and the permission check every request makes.
export * from './documentService.ts';
export * from './storedState.ts';
export * from './documentMetadataService.ts';
export * from './updateNovelty.ts';
