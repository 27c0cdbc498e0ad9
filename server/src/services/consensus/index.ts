// The consensus domain as the rest of the server sees it: recommendation statuses and reservations.
export * from './consensusService.ts';
