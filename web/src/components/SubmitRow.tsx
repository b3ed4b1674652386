import type { ReactNode } from 'react';

/** A form's submit button in its actions row, disabled while the form is busy. */
export function SubmitRow({
  busy,
  children,
  secondary = false,
}: {
  busy: boolean;
  children: ReactNode;
  secondary?: boolean;
}) {
  return (
    <div className="form-actions">
      <button
        type="submit"
        className={secondary ? 'button-secondary' : 'button-primary'}
        disabled={busy}
      >
        {children}
      </button>
    </div>
  );
}
