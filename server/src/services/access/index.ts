// The access domain as other domains and the transport see it: tokens become principals, principals become authors.
export * from './accessService.ts';
export * from './authorOf.ts';
export * from './auditEntry.ts';
export * from './principal.ts';
