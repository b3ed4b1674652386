import { useState } from 'react';
import { api } from '../api/client';
import type { User } from '../api/types';
import { can } from '../auth/permissions';
import { useMe } from '../auth/session';
import { ErrorMessage, Notice } from '../components/ErrorMessage';
import { LoadState } from '../components/States';
import { useAction } from '../hooks/useAction';
import { useApi } from '../hooks/useApi';
import { InviteForm } from './admin/InviteForm';
import { Invitations } from './admin/Invitations';
import type { InvitationItem } from '../api/types.gen';
import { UserRow } from './admin/UserRow';
import { HeaderRow } from '../components/HeaderRow';
import { ActionButton } from '../components/ActionButton';

export function UsersPage() {
  const me = useMe();
  const users = useApi(
    (signal) =>
      api.get<{ items: User[]; next_after: number | null }>('/users', { limit: 200 }, signal),
    [],
  );
  const invitations = useApi(
    (signal) => api.get<{ items: InvitationItem[] }>('/invitations', undefined, signal),
    [],
  );
  const replace = (u: User) =>
    users.data &&
    users.setData({ ...users.data, items: users.data.items.map((x) => (x.id === u.id ? u : x)) });
  return (
    <section>
      <h1>Users and roles</h1>
      <LoadState loaded={users} what="Loading users">
        {(list) => (
          <div className="table-wrap">
            <table className="data-table">
              <caption className="visually-hidden">Users</caption>
              <HeaderRow headers={['User', 'Role', 'State', 'Actions']} />
              <tbody>
                {list.items.map((u) => (
                  <UserRow key={u.id} user={u} isMe={u.id === me.user.id} onChanged={replace} />
                ))}
              </tbody>
            </table>
          </div>
        )}
      </LoadState>
      <details className="panel add-form">
        <summary>Invite someone</summary>
        <InviteForm onInvited={invitations.reload} />
      </details>
      <section aria-labelledby="invitations-h">
        <h2 id="invitations-h">Invitations</h2>
        <Invitations list={invitations} />
      </section>
      {can(me, 'settings.manage') ? <RevokeEverything /> : null}
    </section>
  );
}

/** Incident response: end every session in the organization, this one included. */
function RevokeEverything() {
  const [confirming, setConfirming] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const revoke = useAction(async () => {
    const res = await api.post<{ sessions_ended: number }>('/org/revoke-sessions');
    setNotice(`${res.sessions_ended} session(s) ended.`);
  });
  return (
    <section className="panel danger-zone" aria-labelledby="danger-h">
      <h2 id="danger-h">Sign everyone out</h2>
      <p>
        Ends every session in the organization, including yours. Use it if an account may be
        compromised.
      </p>
      {confirming ? (
        <div className="button-row">
          <ActionButton action={revoke} className="button-danger">
            Yes, end all sessions
          </ActionButton>
          <button type="button" className="button-secondary" onClick={() => setConfirming(false)}>
            Keep them
          </button>
        </div>
      ) : (
        <button type="button" className="button-danger" onClick={() => setConfirming(true)}>
          End all sessions…
        </button>
      )}
      <ErrorMessage error={revoke.error} />
      <Notice text={notice} />
    </section>
  );
}
