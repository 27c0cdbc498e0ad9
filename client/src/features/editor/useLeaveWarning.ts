import { useEffect } from 'react';
import type { UnsyncedChanges } from '../../lib/unsyncedChanges.ts';

/** Asks before the page is left or reloaded while some change has not reached the server. */
export function useLeaveWarning(unsynced: UnsyncedChanges): void {
  useEffect(() => {
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (!unsynced.pending) return;
      // Browsers show their own wording; the call is what makes them ask.
      event.preventDefault();
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [unsynced]);
}
