import { useState, type FormEvent } from 'react';
import { api } from '../api/client';
import { useMe } from '../auth/session';
import { ErrorMessage, Notice } from '../components/ErrorMessage';
import { TextField } from '../components/Field';
import { useForm } from '../hooks/useForm';
import { SessionsPanel } from './account/SessionsPanel';

export function AccountPage() {
  const me = useMe();
  return (
    <section>
      <h1>Account</h1>
      <dl className="facts panel">
        <dt>Name</dt>
        <dd>{me.user.name || '—'}</dd>
        <dt>Email</dt>
        <dd>{me.user.email}</dd>
        <dt>Role</dt>
        <dd>{me.role}</dd>
        <dt>Organization</dt>
        <dd>{me.org.name}</dd>
      </dl>
      <ChangePassword />
      <SessionsPanel />
    </section>
  );
}

/** The server checks strength and ends the user's other sessions; this one gets a fresh cookie. */
function ChangePassword() {
  const [mismatch, setMismatch] = useState<string | undefined>(undefined);
  const [done, setDone] = useState<string | null>(null);
  const form = useForm(
    { current_password: '', new_password: '', confirm: '' },
    async (v, { reset }) => {
      const res = await api.post<{ other_sessions_ended: number }>('/auth/password', {
        current_password: v.current_password,
        new_password: v.new_password,
      });
      reset();
      setDone(`Password changed. ${res.other_sessions_ended} other session(s) were signed out.`);
    },
  );
  const submit = (e: FormEvent) => {
    setDone(null);
    if (form.values.new_password !== form.values.confirm) {
      e.preventDefault();
      setMismatch('does not match the new password');
      return;
    }
    setMismatch(undefined);
    form.submit(e);
  };
  const password = { type: 'password', required: true };
  return (
    <section className="panel" aria-labelledby="pw-h">
      <h2 id="pw-h">Change password</h2>
      <form onSubmit={submit} noValidate className="narrow-form">
        <TextField
          label="Current password"
          autoComplete="current-password"
          {...password}
          {...form.field('current_password')}
        />
        <TextField
          label="New password"
          autoComplete="new-password"
          hint="A long passphrase of several unrelated words works well."
          {...password}
          {...form.field('new_password')}
        />
        <TextField
          label="Repeat new password"
          autoComplete="new-password"
          {...password}
          {...form.field('confirm')}
          error={mismatch}
        />
        <button type="submit" className="button-primary" disabled={form.action.busy}>
          Change password
        </button>
        <ErrorMessage error={form.action.error} />
        <Notice text={done} />
      </form>
    </section>
  );
}
