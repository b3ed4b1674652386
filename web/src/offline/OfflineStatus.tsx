import { useEffect, useState } from 'react';
import { clearFailures, SAVED_OFFLINE_MESSAGE } from './outbox';
import { useOutbox } from './useOutbox';

function useOnline(): boolean {
  const [online, setOnline] = useState(() => navigator.onLine);
  useEffect(() => {
    const on = () => setOnline(true);
    const off = () => setOnline(false);
    window.addEventListener('online', on);
    window.addEventListener('offline', off);
    return () => {
      window.removeEventListener('online', on);
      window.removeEventListener('offline', off);
    };
  }, []);
  return online;
}

/**
 * What waits to be sent, and what the server refused when it finally got
 * it. Shown on the work order (and wherever a field change can be made);
 * renders nothing when online with nothing queued.
 */
export function OfflineStatus() {
  const online = useOnline();
  const { pending, failed } = useOutbox();
  if (online && pending.length === 0 && failed.length === 0) return null;
  const count = pending.length;
  return (
    <section className="panel offline-status" aria-label="Offline changes">
      {!online ? <p className="warning">You are offline.</p> : null}
      {count > 0 ? (
        <div role="status">
          <p>
            <strong>
              {count} {count === 1 ? 'change' : 'changes'} waiting to send
            </strong>{' '}
            — {online ? 'sending…' : SAVED_OFFLINE_MESSAGE}
          </p>
          <ul className="plain-list">
            {pending.map((c) => (
              <li key={c.seq}>{c.label}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {failed.length > 0 ? (
        <div role="alert">
          <p className="error">The server refused changes made offline:</p>
          <ul className="plain-list">
            {failed.map((f, i) => (
              <li key={i}>
                {f.label}: {f.message}
              </li>
            ))}
          </ul>
          <button type="button" className="button-secondary" onClick={clearFailures}>
            Dismiss
          </button>
        </div>
      ) : null}
    </section>
  );
}
