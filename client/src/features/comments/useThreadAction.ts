import { useState } from 'react';
import type { Thread } from '../../../../shared/api/threads.ts';

/** Runs one thread request at a time for a form or button, keeping its pending state and its last error. */
export function useThreadAction(onDone: (thread: Thread) => void) {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>();
  const run = async (call: () => Promise<Thread>): Promise<boolean> => {
    setPending(true);
    setError(undefined);
    try {
      onDone(await call());
      return true;
    } catch (caught) {
      setError(caught);
      return false;
    } finally {
      setPending(false);
    }
  };
  return { run, pending, error };
}
