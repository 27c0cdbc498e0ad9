import { useCallback, useState } from 'react';

/**
 * An action a person started (a form submitted, a button pressed): `busy` while it runs, so its controls can be
 * disabled, and the error it failed with, for an ErrorNote. Starting it again clears the previous error.
 */
export function usePendingAction() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();

  /** Runs `action`; resolves to whether it succeeded (its error is kept, never thrown). */
  const run = useCallback(async (action: () => Promise<unknown>): Promise<boolean> => {
    setBusy(true);
    setError(undefined);
    try {
      await action();
      return true;
    } catch (caught) {
      setError(caught);
      return false;
    } finally {
      setBusy(false);
    }
  }, []);

  const clearError = useCallback(() => setError(undefined), []);

  return { busy, error, run, clearError };
}
