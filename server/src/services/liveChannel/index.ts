// The live channel as the rest of the server sees it: domains register their kinds of event and publish changes.
export * from './liveChannel.ts';
