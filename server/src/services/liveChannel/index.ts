// The live channel as the rest of the server sees it: document events published to open streams.
export * from './documentEvents.ts';
