import { useState } from 'react';
import { api } from '../../api/client';
import type { Role, User } from '../../api/types';
import { ROLES } from '../../api/types';
import { ErrorMessage, Notice } from '../../components/ErrorMessage';
import { humanize } from '../../format';
import { useAction } from '../../hooks/useAction';

/** One user: change role, deactivate/reactivate, end their sessions. */
export function UserRow({
  user,
  isMe,
  onChanged,
}: {
  user: User;
  isMe: boolean;
  onChanged: (u: User) => void;
}) {
  const [notice, setNotice] = useState<string | null>(null);
  const update = useAction(async (body: { role?: Role; active?: boolean }) => {
    setNotice(null);
    onChanged(await api.patch<User>(`/users/${user.id}`, body));
    setNotice('Saved.');
  });
  const revoke = useAction(async () => {
    setNotice(null);
    const res = await api.post<{ sessions_ended: number }>(`/users/${user.id}/revoke-sessions`);
    setNotice(`${res.sessions_ended} session(s) ended.`);
  });
  const roleId = `role-${user.id}`;
  return (
    <tr>
      <th scope="row">
        {user.name || '—'}
        <span className="hint block">{user.email}</span>
      </th>
      <td>
        <label htmlFor={roleId} className="visually-hidden">
          Role of {user.email}
        </label>
        <select
          id={roleId}
          value={user.role}
          disabled={isMe || update.busy}
          onChange={(e) => void update.run({ role: e.target.value as Role })}
        >
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {humanize(r)}
            </option>
          ))}
        </select>
      </td>
      <td>{user.active ? 'Active' : 'Deactivated'}</td>
      <td>
        <div className="button-row">
          {!isMe ? (
            <button
              type="button"
              className={user.active ? 'button-danger' : 'button-secondary'}
              disabled={update.busy}
              onClick={() => void update.run({ active: !user.active })}
            >
              {user.active ? 'Deactivate' : 'Reactivate'}{' '}
              <span className="visually-hidden">{user.email}</span>
            </button>
          ) : null}
          <button
            type="button"
            className="button-secondary"
            disabled={revoke.busy}
            onClick={() => void revoke.run()}
          >
            Revoke sessions <span className="visually-hidden">of {user.email}</span>
          </button>
        </div>
        <ErrorMessage error={update.error ?? revoke.error} />
        <Notice text={notice} />
      </td>
    </tr>
  );
}
