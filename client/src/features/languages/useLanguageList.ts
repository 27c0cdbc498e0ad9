import { useSyncExternalStore } from 'react';
import type { LanguageList } from '../../../../shared/api/languages.ts';
import type { LanguageStore } from './languageStore.ts';

/** The document's languages and counts, re-rendering whenever the live channel brings new ones. */
export function useLanguageList(store: LanguageStore): LanguageList | undefined {
  return useSyncExternalStore(store.subscribe, store.get);
}
