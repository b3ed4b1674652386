import { useState } from 'react';
import { api } from '../api/client';
import type { ApiClientView, CreatedApiClient, OAuthScopeView } from '../api/types.gen';
import { ActionButton } from '../components/ActionButton';
import { ErrorMessage } from '../components/ErrorMessage';
import { HeaderRow } from '../components/HeaderRow';
import { LoadState } from '../components/States';
import { formatDateTime, humanize } from '../format';
import { useAction } from '../hooks/useAction';
import { useApi } from '../hooks/useApi';
import { ApiClientForm } from './admin/ApiClientForm';

/**
 * OAuth 2.0 API clients (client credentials): integrations get a client id
 * and a secret, and ask POST /oauth/token for one-hour bearer tokens.
 */
export function ApiClientsPage() {
  const clients = useApi(
    (signal) => api.get<{ items: ApiClientView[] }>('/api-clients', undefined, signal),
    [],
  );
  const scopes = useApi(
    (signal) => api.get<{ items: OAuthScopeView[] }>('/oauth-scopes', undefined, signal),
    [],
  );
  const [created, setCreated] = useState<CreatedApiClient | null>(null);
  return (
    <section>
      <h1>API clients</h1>
      {created ? <SecretOnce created={created} onDone={() => setCreated(null)} /> : null}
      <LoadState loaded={clients} what="Loading API clients">
        {(list) =>
          list.items.length === 0 ? (
            <p>No API clients yet.</p>
          ) : (
            <div className="table-wrap">
              <table className="data-table">
                <caption className="visually-hidden">API clients</caption>
                <HeaderRow
                  headers={['Name', 'Client ID', 'Role', 'Scopes', 'Last used', 'State', 'Actions']}
                />
                <tbody>
                  {list.items.map((c) => (
                    <ClientRow key={c.id} client={c} onRevoked={clients.reload} />
                  ))}
                </tbody>
              </table>
            </div>
          )
        }
      </LoadState>
      <details className="panel add-form">
        <summary>Create an API client</summary>
        <LoadState loaded={scopes} what="Loading scopes">
          {(s) => (
            <ApiClientForm
              scopes={s.items}
              onCreated={(c) => {
                setCreated(c);
                clients.reload();
              }}
            />
          )}
        </LoadState>
      </details>
    </section>
  );
}

function ClientRow({ client, onRevoked }: { client: ApiClientView; onRevoked: () => void }) {
  const revoke = useAction(async () => {
    await api.del(`/api-clients/${client.id}`);
    onRevoked();
  });
  const expired = client.expires_at && new Date(client.expires_at) <= new Date();
  const state = client.revoked_at ? 'Revoked' : expired ? 'Expired' : 'Active';
  return (
    <tr>
      <td>{client.name}</td>
      <td>
        <code>{client.client_id}</code>
      </td>
      <td>{humanize(client.role)}</td>
      <td>{client.scopes.join(', ')}</td>
      <td>{formatDateTime(client.last_used_at)}</td>
      <td>{state}</td>
      <td>
        {client.revoked_at ? null : (
          <ActionButton action={revoke} className="button-danger">
            Revoke
          </ActionButton>
        )}
        <ErrorMessage error={revoke.error} />
      </td>
    </tr>
  );
}

/** The secret, shown this once: the server keeps only its hash. */
function SecretOnce({ created, onDone }: { created: CreatedApiClient; onDone: () => void }) {
  const [copied, setCopied] = useState<boolean | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(created.client_secret);
      setCopied(true);
    } catch {
      setCopied(false); // no clipboard (an insecure context, a refused permission)
    }
  };
  return (
    <section className="panel secret-once" aria-labelledby="secret-h">
      <h2 id="secret-h">Copy the secret of “{created.name}” now</h2>
      <p>It is shown only this once. If it is lost, revoke the client and create another.</p>
      <dl>
        <dt>Client ID</dt>
        <dd>
          <code>{created.client_id}</code>
        </dd>
        <dt>Client secret</dt>
        <dd>
          <output className="client-secret">{created.client_secret}</output>
        </dd>
      </dl>
      <div className="button-row">
        <button type="button" className="button-secondary" onClick={() => void copy()}>
          Copy secret
        </button>
        <button type="button" onClick={onDone}>
          I have stored it
        </button>
      </div>
      <span aria-live="polite" className="hint">
        {copied === true ? 'Copied.' : copied === false ? 'Copy is not available here.' : ''}
      </span>
    </section>
  );
}
