import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';

export type AsyncState<T> =
  | { status: 'loading' }
  | { status: 'done'; value: T }
  | { status: 'error'; error: unknown };

interface Settled<T> {
  key: string;
  version: number;
  state: AsyncState<T>;
}

/**
 * Loads `load(key)` and re-renders with its outcome; a new `key` or `reload()` loads again, and an outcome that
 * arrives for an older key is dropped. While `reload()` runs, the last value for the same key stays, so a refresh
 * does not blank the page.
 */
export function useAsync<T>(key: string, load: (key: string) => Promise<T>): { state: AsyncState<T>; reload: () => void } {
  const [version, setVersion] = useState(0);
  const [settled, setSettled] = useState<Settled<T>>();
  const loadRef = useRef(load);
  useLayoutEffect(() => {
    loadRef.current = load;
  });

  useEffect(() => {
    let live = true;
    loadRef.current(key).then(
      (value) => live && setSettled({ key, version, state: { status: 'done', value } }),
      (error: unknown) => live && setSettled({ key, version, state: { status: 'error', error } }),
    );
    return () => {
      live = false;
    };
  }, [key, version]);

  const reload = useCallback(() => setVersion((current) => current + 1), []);
  const current = settled?.key === key && (settled.version === version || settled.state.status === 'done') ? settled.state : undefined;
  return { state: current ?? { status: 'loading' }, reload };
}
