import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { request } from '../api/client';
import { ApiError, retryText } from '../api/errors';
import type { InvitationPage } from '../api/types.gen';
import { useSession } from '../auth/session';
import { ErrorMessage, Notice } from '../components/ErrorMessage';
import { TextField } from '../components/Field';
import { humanize } from '../format';
import { navigate } from '../router/router';
import { UnsubscribePage } from './UnsubscribePage';

// The pages reached from an emailed link or from the sign-in page, outside
// the signed-in app: accept an invitation (/invite/{token}), ask for a
// password reset (/forgot) and set a new password (/reset/{token}).
// Opening a link changes nothing (mail scanners fetch links too); the
// action is the form's POST.

export type PublicPage =
  | { kind: 'invite'; token: string }
  | { kind: 'reset'; token: string }
  | { kind: 'unsubscribe'; token: string }
  | { kind: 'forgot' };

/** Which public page a path is, or null for any other path. */
export function publicPage(path: string): PublicPage | null {
  if (path === '/forgot') return { kind: 'forgot' };
  const m = /^\/(invite|reset|u)\/([A-Za-z0-9_-]{1,128})$/.exec(path);
  if (!m) return null;
  const token = m[2] ?? '';
  if (m[1] === 'u') return { kind: 'unsubscribe', token }; // a reminder email's unsubscribe link
  return { kind: m[1] === 'invite' ? 'invite' : 'reset', token };
}

export function PublicTokenPage({ page }: { page: PublicPage }) {
  if (page.kind === 'invite') return <InvitePage token={page.token} />;
  if (page.kind === 'reset') return <ResetPage token={page.token} />;
  if (page.kind === 'unsubscribe') return <UnsubscribePage token={page.token} />;
  return <ForgotPage />;
}

function Card({ title, children }: { title: string; children: ReactNode }) {
  useEffect(() => {
    document.title = `${title} · Bulwark`;
  }, [title]);
  return (
    <main id="main" className="login-page">
      <div className="login-card">
        <h1>{title}</h1>
        {children}
      </div>
    </main>
  );
}

function messageFor(err: unknown): string {
  if (err instanceof ApiError) {
    if (err.status === 404) return 'This link no longer works: it may have expired or been used.';
    if (err.status === 429) return `Too many tries. ${retryText(err.retryAfterSeconds)}`;
    if ([400, 401, 409, 422].includes(err.status)) return err.message;
    return 'The server could not do this right now. Please try again.';
  }
  return 'Cannot reach the server. Check your connection and try again.';
}

function InvitePage({ token }: { token: string }) {
  const { refresh } = useSession();
  const [invitation, setInvitation] = useState<InvitationPage | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    request<InvitationPage>('GET', `/invitations/link/${token}`, { isLogin: true })
      .then((inv) => {
        setInvitation(inv);
        setName(inv.name);
      })
      .catch((err: unknown) => setError(messageFor(err)));
  }, [token]);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await request('POST', '/invitations/accept', {
        body: { token, name, password },
        isLogin: true,
      });
      await refresh();
      navigate('/', { replace: true });
    } catch (err) {
      setError(messageFor(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card title="Join your team on Bulwark">
      <ErrorMessage error={error} />
      {invitation ? (
        <>
          <p>
            <strong>{invitation.org_name}</strong> invited <strong>{invitation.email}</strong> as{' '}
            {humanize(invitation.role)}.
          </p>
          {invitation.has_account ? (
            <p>
              This address already signs in to Bulwark. Enter that password to add{' '}
              {invitation.org_name} to your account; you can then switch between your organizations
              at the top of every page.
            </p>
          ) : null}
          <form onSubmit={(e) => void submit(e)} noValidate>
            <TextField
              label="Your name"
              name="name"
              autoComplete="name"
              required
              value={name}
              onChange={(e) => setName(e.target.value)}
            />
            <TextField
              type="password"
              name="password"
              required
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              {...(invitation.has_account
                ? { label: 'Your Bulwark password', autoComplete: 'current-password' }
                : {
                    label: 'Choose a password',
                    autoComplete: 'new-password',
                    hint: 'A long phrase is best; common passwords are refused.',
                  })}
            />
            <button type="submit" className="button-primary button-block" disabled={busy}>
              {busy
                ? 'Joining…'
                : invitation.has_account
                  ? 'Join with my account'
                  : 'Join and sign in'}
            </button>
          </form>
        </>
      ) : error ? null : (
        <p role="status">Loading…</p>
      )}
    </Card>
  );
}

function ForgotPage() {
  const [email, setEmail] = useState('');
  const [sent, setSent] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await request('POST', '/auth/password-reset', { body: { email }, isLogin: true });
      setSent(true);
    } catch (err) {
      setError(messageFor(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card title="Forgot your password?">
      <ErrorMessage error={error} />
      {sent ? (
        <Notice text="If this address has a Bulwark account, an email with a link is on its way. The link works once, for 30 minutes." />
      ) : (
        <form onSubmit={(e) => void submit(e)} noValidate>
          <TextField
            label="Email"
            type="email"
            name="email"
            autoComplete="username"
            required
            value={email}
            onChange={(e) => setEmail(e.target.value)}
          />
          <button type="submit" className="button-primary button-block" disabled={busy}>
            {busy ? 'Sending…' : 'Email me a link'}
          </button>
        </form>
      )}
      <p>
        <a href="/login">Back to sign in</a>
      </p>
    </Card>
  );
}

function ResetPage({ token }: { token: string }) {
  const [password, setPassword] = useState('');
  const [done, setDone] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await request('POST', '/auth/password-reset/confirm', {
        body: { token, password },
        isLogin: true,
      });
      setDone(true);
    } catch (err) {
      setError(messageFor(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card title="Choose a new password">
      <ErrorMessage error={error} />
      {done ? (
        <>
          <Notice text="Your password is changed, and every session of your account was signed out." />
          <p>
            <a href="/login">Sign in</a>
          </p>
        </>
      ) : (
        <form onSubmit={(e) => void submit(e)} noValidate>
          <TextField
            label="New password"
            type="password"
            name="password"
            autoComplete="new-password"
            hint="A long phrase is best; common passwords are refused."
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
          <button type="submit" className="button-primary button-block" disabled={busy}>
            {busy ? 'Saving…' : 'Set the new password'}
          </button>
        </form>
      )}
    </Card>
  );
}
