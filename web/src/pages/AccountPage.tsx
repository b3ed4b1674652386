import { useState, type FormEvent } from 'react';
import { api } from '../api/client';
import { useMe } from '../auth/session';
import { ErrorMessage, Notice } from '../components/ErrorMessage';
import { TextField } from '../components/Field';
import { useAction } from '../hooks/useAction';

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
    </section>
  );
}

/** The server checks strength and ends the user's other sessions; this one gets a fresh cookie. */
function ChangePassword() {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [mismatch, setMismatch] = useState<string | undefined>(undefined);
  const [done, setDone] = useState<string | null>(null);
  const change = useAction(async () => {
    const res = await api.post<{ other_sessions_ended: number }>('/auth/password', {
      current_password: current,
      new_password: next,
    });
    setCurrent('');
    setNext('');
    setConfirm('');
    setDone(`Password changed. ${res.other_sessions_ended} other session(s) were signed out.`);
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setDone(null);
    if (next !== confirm) {
      setMismatch('does not match the new password');
      return;
    }
    setMismatch(undefined);
    void change.run();
  };
  const errors = change.fieldErrors;
  return (
    <section className="panel" aria-labelledby="pw-h">
      <h2 id="pw-h">Change password</h2>
      <form onSubmit={submit} noValidate className="narrow-form">
        <TextField
          label="Current password"
          type="password"
          autoComplete="current-password"
          required
          value={current}
          onChange={(e) => setCurrent(e.target.value)}
          error={errors.current_password}
        />
        <TextField
          label="New password"
          type="password"
          autoComplete="new-password"
          required
          value={next}
          onChange={(e) => setNext(e.target.value)}
          error={errors.new_password}
          hint="A long passphrase of several unrelated words works well."
        />
        <TextField
          label="Repeat new password"
          type="password"
          autoComplete="new-password"
          required
          value={confirm}
          onChange={(e) => setConfirm(e.target.value)}
          error={mismatch}
        />
        <button type="submit" className="button-primary" disabled={change.busy}>
          Change password
        </button>
        <ErrorMessage error={change.error} />
        <Notice text={done} />
      </form>
    </section>
  );
}
