import { describeError } from '../api/errors';

/** An error for a person to read; announced by screen readers as it appears. */
export function ErrorMessage({ error, id }: { error: unknown; id?: string }) {
  return (
    <div className="error-slot" aria-live="assertive" id={id}>
      {error !== undefined && error !== null ? (
        <p className="error" role="alert">
          {typeof error === 'string' ? error : describeError(error)}
        </p>
      ) : null}
    </div>
  );
}

/** A short success note, politely announced. */
export function Notice({ text }: { text: string | null | undefined }) {
  return (
    <div className="notice-slot" aria-live="polite">
      {text ? <p className="notice">{text}</p> : null}
    </div>
  );
}
