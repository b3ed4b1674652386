import { useState } from 'react';
import { api } from '../../api/client';
import type { InvitationItem } from '../../api/types.gen';
import { ActionButton } from '../../components/ActionButton';
import { ErrorMessage, Notice } from '../../components/ErrorMessage';
import { HeaderRow } from '../../components/HeaderRow';
import { LoadState } from '../../components/States';
import { formatDateTime, humanize } from '../../format';
import { useAction } from '../../hooks/useAction';
import type { Loaded } from '../../hooks/useApi';

/** The organization's invitations: pending ones can be sent again or revoked. */
export function Invitations({ list }: { list: Loaded<{ items: InvitationItem[] }> }) {
  return (
    <LoadState loaded={list} what="Loading invitations">
      {(data) =>
        data.items.length === 0 ? (
          <p>No invitations yet.</p>
        ) : (
          <div className="table-wrap">
            <table className="data-table">
              <caption className="visually-hidden">Invitations</caption>
              <HeaderRow headers={['Invited', 'Role', 'State', 'Actions']} />
              <tbody>
                {data.items.map((i) => (
                  <InvitationRow key={i.id} invitation={i} onChanged={list.reload} />
                ))}
              </tbody>
            </table>
          </div>
        )
      }
    </LoadState>
  );
}

function InvitationRow({
  invitation,
  onChanged,
}: {
  invitation: InvitationItem;
  onChanged: () => void;
}) {
  const [notice, setNotice] = useState<string | null>(null);
  const resend = useAction(async () => {
    await api.post(`/invitations/${invitation.id}/resend`);
    setNotice('Sent again with a new link.');
    onChanged();
  });
  const revoke = useAction(async () => {
    await api.post(`/invitations/${invitation.id}/revoke`);
    onChanged();
  });
  const pending = invitation.status === 'pending';
  return (
    <tr>
      <th scope="row">
        {invitation.email}
        <span className="hint block">
          {invitation.name ? `${invitation.name} · ` : ''}
          {invitation.invited_by_name ? `by ${invitation.invited_by_name}` : ''}
        </span>
      </th>
      <td>{humanize(invitation.role)}</td>
      <td>
        {humanize(invitation.status)}
        {pending ? (
          <span className="hint block">until {formatDateTime(invitation.expires_at)}</span>
        ) : null}
      </td>
      <td>
        <div className="button-row">
          {pending || invitation.status === 'expired' ? (
            <ActionButton action={resend} className="button-secondary">
              Send again
            </ActionButton>
          ) : null}
          {pending ? (
            <ActionButton action={revoke} className="button-danger">
              Revoke
            </ActionButton>
          ) : null}
        </div>
        <ErrorMessage error={resend.error ?? revoke.error} />
        <Notice text={notice} />
      </td>
    </tr>
  );
}
