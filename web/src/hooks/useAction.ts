import { useCallback, useState } from 'react';
import type { FieldErrors } from '../api/errors';
import { ApiError } from '../api/errors';

export interface Action<A extends unknown[]> {
  run: (...args: A) => Promise<boolean>;
  busy: boolean;
  error: unknown;
  fieldErrors: FieldErrors;
  clear: () => void;
}

/** Wraps a mutation: busy flag, the error to show, and per-field validation messages. */
export function useAction<A extends unknown[]>(
  perform: (...args: A) => Promise<unknown>,
): Action<A> {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  const run = useCallback(
    async (...args: A) => {
      setBusy(true);
      setError(undefined);
      try {
        await perform(...args);
        return true;
      } catch (err) {
        setError(err);
        return false;
      } finally {
        setBusy(false);
      }
    },
    [perform],
  );
  const fieldErrors = error instanceof ApiError ? error.fields : {};
  return { run, busy, error, fieldErrors, clear: () => setError(undefined) };
}
