import { useEffect, useState, type FormEvent } from 'react';
import { ApiError, retryText } from '../api/errors';
import { useSession } from '../auth/session';
import { TextField } from '../components/Field';
import { ErrorMessage, Notice } from '../components/ErrorMessage';

// One generic message for every failed sign-in: the server does not say
// whether the email exists, and neither do we.
const GENERIC_FAILURE = 'The email or password is incorrect.';

export function LoginPage({ notice }: { notice: string | null }) {
  const { login } = useSession();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await login(email, password);
      // App sees the session and leaves /login for ?next=.
    } catch (err) {
      setPassword('');
      setError(messageFor(err));
    } finally {
      setBusy(false);
    }
  };

  useEffect(() => {
    document.title = 'Sign in · Bulwark';
  }, []);
  return (
    <main id="main" className="login-page">
      <div className="login-card">
        <h1>Sign in to Bulwark</h1>
        {notice && !error ? <Notice text={notice} /> : null}
        <ErrorMessage error={error} />
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
          <TextField
            label="Password"
            type="password"
            name="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
          <button type="submit" className="button-primary button-block" disabled={busy}>
            {busy ? 'Signing in…' : 'Sign in'}
          </button>
        </form>
        <p>
          <a href="/forgot">Forgot password?</a>
        </p>
      </div>
    </main>
  );
}

function messageFor(err: unknown): string {
  if (err instanceof ApiError) {
    if (err.status === 429) return `Too many sign-in attempts. ${retryText(err.retryAfterSeconds)}`;
    if (err.status === 401 || err.status === 400) return GENERIC_FAILURE;
    if (err.status === 403)
      return 'Sign-in was refused by the server (the request did not come from this site).';
    return 'The server could not sign you in right now. Please try again.';
  }
  return 'Cannot reach the server. Check your connection and try again.';
}
