import { useEffect, useState } from 'react';
import { request } from '../api/client';
import { ApiError, retryText } from '../api/errors';
import type { UnsubscribeView } from '../api/types.gen';
import { ErrorMessage } from '../components/ErrorMessage';

// The page a service-reminder email's "Unsubscribe" link opens (/u/{token}).
// Opening it changes nothing (mail scanners fetch links); the button posts
// the same one-click request a mailbox provider sends (RFC 8058).

function messageFor(err: unknown): string {
  if (err instanceof ApiError) {
    if (err.status === 404) return 'This link no longer works: it may have expired.';
    if (err.status === 429) return `Too many tries. ${retryText(err.retryAfterSeconds)}`;
    return 'The server could not do this right now. Please try again.';
  }
  return 'Cannot reach the server. Check your connection and try again.';
}

export function UnsubscribePage({ token }: { token: string }) {
  const [state, setState] = useState<UnsubscribeView | null>(null);
  const [done, setDone] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    document.title = 'Service reminder emails · Bulwark';
    request<UnsubscribeView>('GET', `/public/unsubscribe/${token}`, { isLogin: true })
      .then(setState)
      .catch((err: unknown) => setError(messageFor(err)));
  }, [token]);
  const unsubscribe = async () => {
    setBusy(true);
    setError(null);
    try {
      setState(
        await request<UnsubscribeView>('POST', `/public/unsubscribe/${token}`, { isLogin: true }),
      );
      setDone(true);
    } catch (err) {
      setError(messageFor(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <main id="main" className="login-page">
      <div className="login-card">
        <h1>Service reminder emails</h1>
        <ErrorMessage error={error} />
        {state === null ? (
          error ? null : (
            <p role="status">Loading…</p>
          )
        ) : state.subscribed ? (
          <>
            <p>
              Stop the service reminder emails from <strong>{state.organization}</strong>?
            </p>
            <button
              type="button"
              className="button-primary button-block"
              disabled={busy}
              onClick={() => void unsubscribe()}
            >
              {busy ? 'Unsubscribing…' : 'Unsubscribe'}
            </button>
          </>
        ) : (
          <p role="status">
            {done ? 'You are unsubscribed. ' : ''}
            <strong>{state.organization}</strong> will not send you service reminders by email. To
            get them again, ask {state.organization}.
          </p>
        )}
      </div>
    </main>
  );
}
