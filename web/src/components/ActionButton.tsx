import type { ReactNode } from 'react';
import type { Action } from '../hooks/useAction';

/** A button that runs an action and is disabled while it runs. */
export function ActionButton({
  action,
  className,
  children,
}: {
  action: Action<[]>;
  className: string;
  children: ReactNode;
}) {
  return (
    <button
      type="button"
      className={className}
      disabled={action.busy}
      onClick={() => void action.run()}
    >
      {children}
    </button>
  );
}
