import type { ReactNode } from 'react';
import { ErrorMessage } from './ErrorMessage';

export function Loading({ what = 'Loading' }: { what?: string }) {
  return (
    <p className="loading" role="status" aria-live="polite">
      {what}…
    </p>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return <p className="empty">{children}</p>;
}

/** Loading, error or content: the three states every data view has. */
export function LoadState<T>({
  loaded,
  children,
  what,
}: {
  loaded: { data: T | undefined; error: unknown; loading: boolean };
  children: (data: T) => ReactNode;
  what?: string;
}) {
  if (loaded.error !== undefined) return <ErrorMessage error={loaded.error} />;
  if (loaded.data === undefined) return <Loading {...(what ? { what } : {})} />;
  return <>{children(loaded.data)}</>;
}
