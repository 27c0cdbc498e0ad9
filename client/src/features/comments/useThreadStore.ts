import { useSyncExternalStore } from 'react';
import type { Thread } from '../../../../shared/api/threads.ts';
import type { LiveChannel } from '../../lib/liveChannel.ts';
import type { ThreadStore } from './threadStore.ts';

/** The store's threads, and whether the live channel is open, re-rendering as either changes. */
export function useThreadStore(store: ThreadStore, channel: LiveChannel): { threads: readonly Thread[]; live: boolean } {
  const threads = useSyncExternalStore(store.subscribe, store.getThreads);
  const live = useSyncExternalStore(channel.subscribe, channel.isLive);
  return { threads, live };
}
