import { useState, type FormEvent } from 'react';
import { api } from '../../api/client';
import type { ProviderView } from '../../api/types.gen';
import { ErrorMessage, Notice } from '../../components/ErrorMessage';
import { CheckboxField, SelectField, TextField } from '../../components/Field';
import { LoadState } from '../../components/States';
import { useAction } from '../../hooks/useAction';
import { useApi } from '../../hooks/useApi';

// Owners and admins: the organization's OpenID Connect provider (issue 15
// item 4). The client secret is write-only: the server says whether one is
// set, never what it is. Email domains are verified by the server's operator
// (`bulwark admin org verify-domain`), so they are listed here, not edited.

const JIT_OPTIONS = [
  { value: '', label: 'Off: only people who already have an account' },
  { value: 'viewer', label: 'On, as viewer' },
  { value: 'technician', label: 'On, as technician' },
  { value: 'dispatcher', label: 'On, as dispatcher' },
  { value: 'admin', label: 'On, as admin' },
];

export function SsoPanel() {
  const sso = useApi((signal) => api.get<ProviderView>('/org/sso', undefined, signal), []);
  return (
    <section className="panel" aria-labelledby="sso-h">
      <h2 id="sso-h">Single sign-on</h2>
      <p className="hint">
        People whose work email is on a verified domain can sign in through your identity provider
        (OpenID Connect).
      </p>
      <LoadState loaded={sso} what="Loading the single sign-on settings">
        {(v) => <SsoForm view={v} onSaved={sso.setData} />}
      </LoadState>
    </section>
  );
}

function SsoForm({ view, onSaved }: { view: ProviderView; onSaved: (v: ProviderView) => void }) {
  const [issuer, setIssuer] = useState(view.issuer);
  const [clientId, setClientId] = useState(view.client_id);
  const [secret, setSecret] = useState('');
  const [jit, setJit] = useState(view.jit_role ?? '');
  const [enabled, setEnabled] = useState(view.configured ? view.enabled : true);
  const [done, setDone] = useState<string | null>(null);
  const save = useAction(async () => {
    setDone(null);
    const body: Record<string, unknown> = {
      issuer,
      client_id: clientId,
      jit_role: jit === '' ? null : jit,
      enabled,
    };
    if (secret !== '') body.client_secret = secret;
    onSaved(await api.put<ProviderView>('/org/sso', body));
    setSecret('');
    setDone('Single sign-on settings saved.');
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void save.run();
  };
  return (
    <form onSubmit={submit} noValidate>
      {view.redirect_uri ? (
        <p>
          Register this redirect URI at your provider: <code>{view.redirect_uri}</code>
        </p>
      ) : null}
      <TextField
        label="Issuer URL"
        type="url"
        value={issuer}
        placeholder="https://login.example.com/realms/acme"
        onChange={(e) => setIssuer(e.target.value)}
        error={save.fieldErrors.issuer}
      />
      <TextField
        label="Client ID"
        value={clientId}
        autoComplete="off"
        onChange={(e) => setClientId(e.target.value)}
        error={save.fieldErrors.client_id}
      />
      <TextField
        label="Client secret"
        type="password"
        autoComplete="new-password"
        value={secret}
        hint={
          view.client_secret_set
            ? 'A secret is saved. Leave empty to keep it.'
            : 'Required the first time.'
        }
        onChange={(e) => setSecret(e.target.value)}
        error={save.fieldErrors.client_secret}
      />
      <SelectField
        label="Create accounts on first sign-in"
        options={JIT_OPTIONS}
        value={jit}
        onChange={(e) => setJit(e.target.value)}
      />
      <CheckboxField
        label="Single sign-on enabled"
        checked={enabled}
        onChange={(e) => setEnabled(e.target.checked)}
      />
      <h3>Verified domains</h3>
      {view.domains.length === 0 ? (
        <p className="hint">
          None yet. Ask the server&apos;s operator to verify your email domain.
        </p>
      ) : (
        <ul>
          {view.domains.map((d) => (
            <li key={d.domain}>{d.domain}</li>
          ))}
        </ul>
      )}
      <div className="form-actions">
        <button type="submit" className="button-primary" disabled={save.busy}>
          Save single sign-on
        </button>
      </div>
      <ErrorMessage error={save.error} />
      <Notice text={done} />
    </form>
  );
}
