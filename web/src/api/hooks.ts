import { useCallback, useEffect, useEffectEvent, useState } from 'react';

export interface Loaded<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  reload: () => void;
}

const sameDeps = (a: readonly unknown[], b: readonly unknown[]) => a.length === b.length && a.every((value, i) => Object.is(value, b[i]));

/**
 * Loads data for a page: `useLoad(() => call(api.GET(...)), [deps])`. Keeps the previous data while reloading;
 * an answer that arrives after a newer request started is dropped (the older effect was cleaned up).
 *
 * A change of `deps` starts a new generation during render (React's pattern for adjusting state to new props), so
 * `loading` is already true in the render that shows the new deps, and the effect depends on the generation alone.
 */
export function useLoad<T>(load: () => Promise<T>, deps: readonly unknown[]): Loaded<T> {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(true);
  const [generation, setGeneration] = useState(0);
  const [seenDeps, setSeenDeps] = useState(deps);
  if (!sameDeps(seenDeps, deps)) {
    setSeenDeps(deps);
    setGeneration((g) => g + 1);
    setLoading(true);
  }
  const loadNow = useEffectEvent(load);

  useEffect(() => {
    let current = true;
    loadNow().then(
      (value) => {
        if (!current) return;
        setData(value);
        setError(null);
        setLoading(false);
      },
      (failure: unknown) => {
        if (!current) return;
        setError(failure);
        setLoading(false);
      },
    );
    return () => {
      current = false;
    };
  }, [generation]);

  const reload = useCallback(() => {
    setGeneration((g) => g + 1);
    setLoading(true);
  }, []);
  return { data, error, loading, reload };
}
