import { useEffect, useState, type FormEvent } from 'react';
import { api } from '../api/client';
import { ApiError, retryText } from '../api/errors';
import type { SsoStarted } from '../api/types.gen';
import { useSession } from '../auth/session';
import { TextField } from '../components/Field';
import { ErrorMessage, Notice } from '../components/ErrorMessage';
import { FactorFields, RecoveryCodesPanel, TotpEnrollmentForm } from '../components/TwoStep';
import { mfaApi, type Factor } from '../auth/mfa';

// One generic message for every failed sign-in: the server does not say
// whether the email exists, and neither do we.
const GENERIC_FAILURE = 'The email or password is incorrect.';

/** Where the sign-in is: the password, a second step, or a forced enrolment. */
type Step =
  | { kind: 'password' }
  | { kind: 'code'; challenge: string }
  | { kind: 'enroll'; challenge: string }
  | { kind: 'codes'; codes: string[] };

export function LoginPage({ notice }: { notice: string | null }) {
  const [step, setStep] = useState<Step>({ kind: 'password' });
  // The second step's challenge lasts five minutes and dies after five wrong codes.
  const [expired, setExpired] = useState(false);
  useEffect(() => {
    document.title = 'Sign in · Bulwark';
  }, []);
  return (
    <main id="main" className="login-page">
      <div className="login-card">
        <h1>Sign in to Bulwark</h1>
        {step.kind === 'password' ? (
          <PasswordStep
            notice={expired ? 'That sign-in expired. Please sign in again.' : notice}
            onNext={setStep}
          />
        ) : null}
        {step.kind === 'code' ? (
          <CodeStep
            challenge={step.challenge}
            onRestart={() => {
              setExpired(true);
              setStep({ kind: 'password' });
            }}
          />
        ) : null}
        {step.kind === 'enroll' ? (
          <EnrollStep
            challenge={step.challenge}
            onCodes={(codes) => setStep({ kind: 'codes', codes })}
          />
        ) : null}
        {step.kind === 'codes' ? <CodesStep codes={step.codes} /> : null}
      </div>
    </main>
  );
}

function PasswordStep({ notice, onNext }: { notice: string | null; onNext: (step: Step) => void }) {
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
      const outcome = await login(email, password);
      // Signed in: App sees the session and leaves /login for ?next=.
      if (outcome.next !== 'done') {
        setPassword('');
        onNext({ kind: outcome.next, challenge: outcome.challenge });
      }
    } catch (err) {
      setPassword('');
      setError(messageFor(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
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
      <SsoSignIn email={email} />
    </>
  );
}

/** The second step: a code from the app, or a recovery code. */
function CodeStep({ challenge, onRestart }: { challenge: string; onRestart: () => void }) {
  const { finishSignIn } = useSession();
  const [factor, setFactor] = useState<Factor>({ code: '' });
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const sent = 'code' in factor ? { code: factor.code.replace(/\s/g, '') } : factor;
      await mfaApi.verify(challenge, sent);
      await finishSignIn();
    } catch (err) {
      if (err instanceof ApiError && err.reason === 'mfa_challenge_invalid') {
        onRestart();
        return;
      }
      setFactor('code' in factor ? { code: '' } : { recovery_code: '' });
      setError(
        err instanceof ApiError && err.reason === 'invalid_code'
          ? 'That code is not right, or was already used. Try the next one.'
          : messageFor(err),
      );
    } finally {
      setBusy(false);
    }
  };
  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <h2>Two-step sign-in</h2>
      <p>Enter the code your authenticator app shows for Bulwark.</p>
      <ErrorMessage error={error} />
      <FactorFields value={factor} onChange={setFactor} />
      <button type="submit" className="button-primary button-block" disabled={busy}>
        {busy ? 'Checking…' : 'Continue'}
      </button>
    </form>
  );
}

/** The organization requires two-step sign-in of this role: set it up before anything else. */
function EnrollStep({
  challenge,
  onCodes,
}: {
  challenge: string;
  onCodes: (codes: string[]) => void;
}) {
  return (
    <div>
      <h2>Set up two-step sign-in</h2>
      <p>Your organization requires two-step sign-in for your role.</p>
      <TotpEnrollmentForm challenge={challenge} onConfirmed={onCodes} />
    </div>
  );
}

/** The session is open (the confirmation set it); the codes are shown once before going on. */
function CodesStep({ codes }: { codes: string[] }) {
  const { finishSignIn } = useSession();
  return (
    <RecoveryCodesPanel codes={codes} doneLabel="Continue" onDone={() => void finishSignIn()} />
  );
}

// Single sign-on (issue 15 item 4): the work email's domain names the
// organization and its provider; the server answers where to go. The
// provider sends the browser back to the server, which sets the session and
// continues to the app: nothing is kept here.
function SsoSignIn({ email }: { email: string }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const start = async () => {
    setBusy(true);
    setError(null);
    try {
      const started = await api.post<SsoStarted>('/auth/sso/start', { email });
      window.location.assign(started.redirect_url);
    } catch (err) {
      setBusy(false);
      setError(ssoMessageFor(err));
    }
  };
  return (
    <div className="sso-sign-in">
      <ErrorMessage error={error} />
      <button
        type="button"
        className="button-secondary button-block"
        disabled={busy || email.trim() === ''}
        onClick={() => void start()}
      >
        {busy ? 'Going to your sign-in provider…' : 'Sign in with SSO'}
      </button>
      <p className="hint">Enter your work email above, then sign in with your organization.</p>
    </div>
  );
}

function ssoMessageFor(err: unknown): string {
  if (err instanceof ApiError) {
    if (err.reason === 'sso_not_configured')
      return 'Single sign-on is not set up for this email address. Sign in with your password.';
    if (err.status === 429) return `Too many sign-in attempts. ${retryText(err.retryAfterSeconds)}`;
    if (err.status === 400) return 'Enter a valid email address.';
    return "Your organization's sign-in provider cannot be reached right now. Try again later.";
  }
  return 'Cannot reach the server. Check your connection and try again.';
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
