import type { RelayMetrics } from '../../src/collab/ports.ts';

/** Relay metrics that count nothing, for tests of the collab core that do not look at them. */
export const uncountedMetrics: RelayMetrics = {
  roomLoaded: () => undefined,
  roomUnloaded: () => undefined,
  connectionOpened: () => undefined,
  connectionClosed: () => undefined,
  updateStored: () => undefined,
  messageRejected: () => undefined,
};
