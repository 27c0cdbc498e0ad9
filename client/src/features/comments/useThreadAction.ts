import type { Thread } from '../../../../shared/api/threads.ts';
import { usePendingAction } from '../../lib/usePendingAction.ts';

/** Runs one thread request at a time for a form or button, handing the updated thread to `onDone`. */
export function useThreadAction(onDone: (thread: Thread) => void) {
  const { busy, error, run } = usePendingAction();
  return {
    run: (call: () => Promise<Thread>) => run(async () => onDone(await call())),
    pending: busy,
    error,
  };
}
