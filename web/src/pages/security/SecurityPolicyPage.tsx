import { useState, type FormEvent } from 'react';
import { api } from '../../api/client';
import type { SecurityPolicy } from '../../api/types.gen';
import { ROLES } from '../../api/types';
import { useMe } from '../../auth/session';
import { ErrorMessage, Notice } from '../../components/ErrorMessage';
import { CheckboxField, TextArea, TextField } from '../../components/Field';
import { LoadState } from '../../components/States';
import { useAction } from '../../hooks/useAction';
import { useApi } from '../../hooks/useApi';

// The organization's security policy (issue 15 items 2 and 5): owners set
// how long sessions last, which networks may sign in and which email domains
// new members may have; admins see it. The server refuses an allowlist that
// leaves out the owner's own address, and asks for a fresh second factor.

const lines = (text: string) =>
  text
    .split(/[\n,]/)
    .map((s) => s.trim())
    .filter((s) => s !== '');

export function SecurityPolicyPage() {
  const policy = useApi(
    (signal) => api.get<SecurityPolicy>('/org/security', undefined, signal),
    [],
  );
  return (
    <section>
      <h1>Security</h1>
      <LoadState loaded={policy} what="Loading the security policy">
        {(p) => <PolicyForm policy={p} onSaved={policy.setData} />}
      </LoadState>
    </section>
  );
}

function minutesText(v: number | null) {
  return v === null ? '' : String(v);
}

function PolicyForm({
  policy,
  onSaved,
}: {
  policy: SecurityPolicy;
  onSaved: (p: SecurityPolicy) => void;
}) {
  const me = useMe();
  const owner = me.role === 'owner';
  const [draft, setDraft] = useState(() => ({
    idle: minutesText(policy.session_idle_minutes),
    lifetime: minutesText(policy.session_lifetime_minutes),
    ips: policy.ip_allowlist.join('\n'),
    domains: policy.allowed_email_domains.join('\n'),
  }));
  const [mfaRoles, setMfaRoles] = useState<string[]>(policy.mfa_required_roles);
  const toggleRole = (role: string) =>
    setMfaRoles((r) => (r.includes(role) ? r.filter((x) => x !== role) : [...r, role]));
  const [done, setDone] = useState<string | null>(null);
  const save = useAction(async () => {
    setDone(null);
    const minutes = (text: string) => (text.trim() === '' ? null : Number(text));
    onSaved(
      await api.put<SecurityPolicy>('/org/security', {
        session_idle_minutes: minutes(draft.idle),
        session_lifetime_minutes: minutes(draft.lifetime),
        ip_allowlist: lines(draft.ips),
        allowed_email_domains: lines(draft.domains),
        mfa_required_roles: mfaRoles,
      }),
    );
    setDone('Security policy saved. It applies to every session at its next request.');
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void save.run();
  };
  const set = (key: keyof typeof draft) => (e: { target: { value: string } }) =>
    setDraft((d) => ({ ...d, [key]: e.target.value }));
  return (
    <form onSubmit={submit} noValidate>
      <fieldset className="panel" disabled={!owner}>
        <legend>Sessions</legend>
        <p className="hint">
          Empty uses the server’s limit: {policy.server_idle_minutes} minutes idle,{' '}
          {policy.server_lifetime_minutes} minutes in all. You can only shorten them.
        </p>
        <TextField
          label="Sign out after this many idle minutes"
          type="number"
          inputMode="numeric"
          min={5}
          max={policy.server_idle_minutes}
          value={draft.idle}
          onChange={set('idle')}
          error={save.fieldErrors.session_idle_minutes}
        />
        <TextField
          label="Sign out after this many minutes in all"
          type="number"
          inputMode="numeric"
          min={15}
          max={policy.server_lifetime_minutes}
          value={draft.lifetime}
          onChange={set('lifetime')}
          error={save.fieldErrors.session_lifetime_minutes}
        />
        <button
          type="button"
          className="button-secondary"
          onClick={() => setDraft((d) => ({ ...d, idle: '30', lifetime: '720' }))}
        >
          Use the OWASP ASVS level 2 preset (30 minutes idle, 12 hours)
        </button>
      </fieldset>
      <fieldset className="panel" disabled={!owner}>
        <legend>Two-step sign-in required for</legend>
        <p className="hint">
          People in these roles set up an authenticator app at their next sign-in before they can do
          anything else.
        </p>
        {ROLES.map((role) => (
          <CheckboxField
            key={role}
            label={role}
            checked={mfaRoles.includes(role)}
            onChange={() => toggleRole(role)}
          />
        ))}
        {save.fieldErrors.mfa_required_roles && (
          <p className="field-error">{save.fieldErrors.mfa_required_roles}</p>
        )}
      </fieldset>
      <fieldset className="panel" disabled={!owner}>
        <legend>Networks allowed to sign in</legend>
        <TextArea
          label="IP addresses or ranges, one per line"
          hint={`Empty allows every network. Your address is ${policy.your_ip}; it must be in the list. Example: 203.0.113.0/24 or 2001:db8::/48.`}
          rows={4}
          value={draft.ips}
          onChange={set('ips')}
          error={save.fieldErrors.ip_allowlist}
          spellCheck={false}
          autoCapitalize="none"
        />
      </fieldset>
      <fieldset className="panel" disabled={!owner}>
        <legend>New members’ email addresses</legend>
        <TextArea
          label="Allowed email domains, one per line"
          hint="Empty allows any address. Invitations to other domains are refused."
          rows={3}
          value={draft.domains}
          onChange={set('domains')}
          error={save.fieldErrors.allowed_email_domains}
          spellCheck={false}
          autoCapitalize="none"
        />
      </fieldset>
      {owner ? (
        <div className="form-actions">
          <button type="submit" className="button-primary" disabled={save.busy}>
            Save security policy
          </button>
        </div>
      ) : (
        <p className="hint">Only an owner changes the security policy.</p>
      )}
      <ErrorMessage error={save.error} />
      <Notice text={done} />
    </form>
  );
}
