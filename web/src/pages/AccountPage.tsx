import { useState, type FormEvent } from 'react';
import { api } from '../api/client';
import { mfaApi, type Factor } from '../auth/mfa';
import { useMe, useSession } from '../auth/session';
import { FactorFields, RecoveryCodesPanel, TotpEnrollmentForm } from '../components/TwoStep';
import { ErrorMessage, Notice } from '../components/ErrorMessage';
import { TextField } from '../components/Field';
import { useApi } from '../hooks/useApi';
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
      <TwoStepSignIn />
      <ChangePassword />
      <SessionsPanel />
    </section>
  );
}

/** Turn TOTP two-step sign-in on (QR code, a confirming code, recovery codes once) or off. */
function TwoStepSignIn() {
  const { refresh } = useSession();
  const loaded = useApi(() => mfaApi.status(), []);
  const status = loaded.data ?? null;
  const load = loaded.reload;
  const error = loaded.error;
  const [mode, setMode] = useState<'view' | 'enrol' | 'codes'>('view');
  const [codes, setCodes] = useState<string[]>([]);

  return (
    <section className="panel" aria-labelledby="mfa-h">
      <h2 id="mfa-h">Two-step sign-in</h2>
      <ErrorMessage error={error} />
      {status === null ? null : mode === 'codes' ? (
        <RecoveryCodesPanel
          codes={codes}
          doneLabel="Done"
          onDone={() => {
            setMode('view');
            load();
            void refresh();
          }}
        />
      ) : mode === 'enrol' ? (
        <TotpEnrollmentForm
          onConfirmed={(c) => {
            setCodes(c);
            setMode('codes');
          }}
          onCancel={() => setMode('view')}
        />
      ) : status.enabled ? (
        <TurnOff
          left={status.recovery_codes_left}
          onOff={() => {
            load();
            void refresh();
          }}
        />
      ) : (
        <>
          <p>Off. Signing in needs only your password.</p>
          <button type="button" className="button-primary" onClick={() => setMode('enrol')}>
            Turn on two-step sign-in
          </button>
        </>
      )}
    </section>
  );
}

function TurnOff({ left, onOff }: { left: number; onOff: () => void }) {
  const [factor, setFactor] = useState<Factor>({ code: '' });
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await mfaApi.disable('code' in factor ? { code: factor.code.replace(/\s/g, '') } : factor);
      onOff();
    } catch (err) {
      setFactor('code' in factor ? { code: '' } : { recovery_code: '' });
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form onSubmit={(e) => void submit(e)} noValidate className="narrow-form">
      <p>
        On. Signing in needs your password and a code from your authenticator app. Recovery codes
        left: {left}.
      </p>
      <FactorFields value={factor} onChange={setFactor} />
      <button type="submit" disabled={busy}>
        Turn off two-step sign-in
      </button>
      <ErrorMessage error={error} />
    </form>
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
