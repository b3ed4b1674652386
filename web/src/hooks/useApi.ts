import { useCallback, useEffect, useEffectEvent, useState } from 'react';

export interface Loaded<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  reload: () => void;
  setData: (value: T) => void;
}

/** The last answer, and which request (the deps and the reload count) it answers. */
interface Answer<T> {
  request: string;
  data: T | undefined;
  error: unknown;
}

/**
 * Runs `load` when `deps` change and keeps loading/error/data state.
 * Late answers from an earlier request are dropped (they would overwrite
 * newer data when filters change quickly). `deps` are compared by value
 * (ids, strings, numbers), so callers pass an inline array and an inline
 * `load` that reads the same values.
 */
export function useApi<T>(load: (signal: AbortSignal) => Promise<T>, deps: unknown[]): Loaded<T> {
  const [answer, setAnswer] = useState<Answer<T>>({
    request: '',
    data: undefined,
    error: undefined,
  });
  const [tick, setTick] = useState(0);
  const request = JSON.stringify([deps, tick]);
  // An effect event: always this render's `load`, and not a reason to load again.
  const start = useEffectEvent((signal: AbortSignal) => load(signal));

  useEffect(() => {
    const controller = new AbortController();
    start(controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) setAnswer({ request, data, error: undefined });
      },
      (error: unknown) => {
        // What was shown stays; the error is shown instead of it.
        if (!controller.signal.aborted) setAnswer((a) => ({ ...a, request, error }));
      },
    );
    return () => controller.abort();
  }, [request]);

  const current = answer.request === request;
  const reload = useCallback(() => setTick((t) => t + 1), []);
  const setData = useCallback((data: T) => setAnswer((a) => ({ ...a, data })), []);
  return {
    data: answer.data,
    error: current ? answer.error : undefined,
    loading: !current,
    reload,
    setData,
  };
}
