import { useState } from 'react';
import { api } from '../../api/client';
import type { OwnSession, SessionsEnded } from '../../api/types.gen';
import { ErrorMessage, Notice } from '../../components/ErrorMessage';
import { LoadState } from '../../components/States';
import { formatDateTime } from '../../format';
import { useAction } from '../../hooks/useAction';
import { useApi } from '../../hooks/useApi';

// Where this person is signed in (issue 15 item 7): a lost phone or a shared
// computer can be signed out from here, one session or all but this one.

export function SessionsPanel() {
  const sessions = useApi(
    (signal) => api.get<{ items: OwnSession[] }>('/auth/sessions', undefined, signal),
    [],
  );
  const [done, setDone] = useState<string | null>(null);
  const endOne = useAction(async (id: number) => {
    setDone(null);
    await api.del(`/auth/sessions/${id}`);
    sessions.reload();
    setDone('That session was ended.');
  });
  const endOthers = useAction(async () => {
    setDone(null);
    const res = await api.post<SessionsEnded>('/auth/sessions/sign-out-others', {});
    sessions.reload();
    setDone(`${res.sessions_ended} other session(s) were ended.`);
  });
  return (
    <section className="panel" aria-labelledby="sessions-h">
      <h2 id="sessions-h">Where you’re signed in</h2>
      <LoadState loaded={sessions} what="Loading your sessions">
        {(s) => (
          <>
            <ul className="session-list">
              {s.items.map((item) => (
                <li key={item.id}>
                  <strong>{item.device || 'Unknown device'}</strong>
                  {item.current && <span className="badge"> This device</span>}
                  <br />
                  <span className="hint">
                    {item.ip} · signed in {formatDateTime(item.signed_in_at)} · last active{' '}
                    {formatDateTime(item.last_seen_at)}
                  </span>
                  {!item.current && (
                    <div>
                      <button
                        type="button"
                        className="button-secondary"
                        disabled={endOne.busy}
                        onClick={() => void endOne.run(item.id)}
                        aria-label={`End the session on ${item.device || 'an unknown device'} from ${item.ip}`}
                      >
                        End this session
                      </button>
                    </div>
                  )}
                </li>
              ))}
            </ul>
            {s.items.length > 1 && (
              <button
                type="button"
                className="button-secondary"
                disabled={endOthers.busy}
                onClick={() => void endOthers.run()}
              >
                End every other session
              </button>
            )}
          </>
        )}
      </LoadState>
      <ErrorMessage error={endOne.error ?? endOthers.error} />
      <Notice text={done} />
    </section>
  );
}
