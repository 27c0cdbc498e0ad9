// The versions domain as the rest of the server sees it: snapshots, comparison, restore and freeze.
export * from './versionService.ts';
