import { useEffect, useState, useSyncExternalStore } from 'react';
import type { DocumentProcedures } from '../../../../shared/api/procedures.ts';
import type { ProceduresStore } from './proceduresStore.ts';

/** The store's deadline and silence procedure (undefined until the first event), re-rendering as it changes. */
export function useProcedures(store: ProceduresStore): DocumentProcedures | undefined {
  return useSyncExternalStore(store.subscribe, store.get);
}

/** The current time, renewed every second while mounted: countdowns, and the moment a deadline passes. */
export function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

/** setTimeout's longest wait is about 24.8 days; a later deadline is reached by waking up and looking again. */
const MAX_WAIT_MS = 2 ** 31 - 1;

/**
 * Whether the deadline `at` (ISO 8601; null: none) is still ahead: re-renders once, when it passes, rather than every
 * second, so the whole editor does not redraw for a countdown. A deadline already past shows as passed after one tick.
 */
export function useBeforeDeadline(at: string | null): boolean {
  const [passed, setPassed] = useState<string | null>(null);
  useEffect(() => {
    if (at === null) return;
    let timer: ReturnType<typeof setTimeout>;
    const arm = () => {
      const wait = Date.parse(at) - Date.now();
      if (wait <= 0) setPassed(at);
      else timer = setTimeout(arm, Math.min(wait + 50, MAX_WAIT_MS));
    };
    timer = setTimeout(arm, 0);
    return () => clearTimeout(timer);
  }, [at]);
  return at === null || passed !== at;
}
