import { useSyncExternalStore } from 'react';
import { ALTERNATIVE_EVENTS, AlternativesList, openAlternatives, RecommendationAlternatives } from '../../../../shared/api/alternatives.ts';
import type { LiveChannel } from '../../lib/liveChannel.ts';
import { LiveRecordStore } from '../../lib/liveRecordStore.ts';

/** The alternatives of one document's recommendations, by recommendation id, following the live channel. */
export class AlternativesStore extends LiveRecordStore<RecommendationAlternatives> {
  constructor(channel: LiveChannel) {
    super(channel, {
      snapshotEvent: ALTERNATIVE_EVENTS.snapshot,
      changeEvent: ALTERNATIVE_EVENTS.changed,
      snapshot: AlternativesList,
      record: RecommendationAlternatives,
      recommendationIdOf: (entry) => entry.recommendationId,
    });
  }
}

/** The store's alternatives by recommendation id, re-rendering as they change. */
export function useAlternatives(store: AlternativesStore): ReadonlyMap<string, RecommendationAlternatives> {
  return useSyncExternalStore(store.subscribe, store.getAll);
}

/** The ids of the recommendations that have open alternatives (the status board counts those in the text). */
export function withOpenAlternatives(byId: ReadonlyMap<string, RecommendationAlternatives>): ReadonlySet<string> {
  return new Set([...byId.values()].filter((entry) => openAlternatives(entry).length > 0).map((entry) => entry.recommendationId));
}
