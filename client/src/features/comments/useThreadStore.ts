import { useEffect, useState, useSyncExternalStore } from 'react';
import type { Thread } from '../../../../shared/api/threads.ts';
import { ThreadStore } from './threadStore.ts';

/** The live threads of a document, for as long as the component is mounted. */
export function useThreadStore(documentId: string): { store: ThreadStore; threads: readonly Thread[]; live: boolean } {
  const [store] = useState(() => new ThreadStore(documentId));
  useEffect(() => store.start(), [store]);
  const threads = useSyncExternalStore(store.subscribe, store.getThreads);
  const live = useSyncExternalStore(store.subscribe, store.isLive);
  return { store, threads, live };
}
