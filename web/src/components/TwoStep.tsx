import { useState, type FormEvent } from 'react';
import { mfaApi, svgDataUrl, type Factor, type TotpEnrollment } from '../auth/mfa';
import { ErrorMessage, Notice } from './ErrorMessage';
import { TextField } from './Field';

// The pieces of two-step sign-in the login page, the account page and the
// step-up dialog share (issue 15 item 1).

/** A six-digit code from an authenticator app: the phone offers its keypad and autofill. */
export function CodeField(props: {
  label?: string;
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
}) {
  return (
    <TextField
      label={props.label ?? 'Code from your authenticator app'}
      name="one-time-code"
      autoComplete="one-time-code"
      inputMode="numeric"
      pattern="[0-9 ]*"
      maxLength={8}
      required
      value={props.value}
      onChange={(e) => props.onChange(e.target.value)}
      error={props.error}
    />
  );
}

/** A code, or a recovery code behind a switch: what a second step or a step-up asks for. */
export function FactorFields({
  value,
  onChange,
}: {
  value: Factor;
  onChange: (factor: Factor) => void;
}) {
  const recovery = 'recovery_code' in value;
  return (
    <>
      {recovery ? (
        <TextField
          label="Recovery code"
          name="recovery-code"
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          required
          value={value.recovery_code}
          onChange={(e) => onChange({ recovery_code: e.target.value })}
        />
      ) : (
        <CodeField value={value.code} onChange={(code) => onChange({ code })} />
      )}
      <button
        type="button"
        className="button-link"
        onClick={() => onChange(recovery ? { code: '' } : { recovery_code: '' })}
      >
        {recovery ? 'Use a code from the app instead' : 'Use a recovery code'}
      </button>
    </>
  );
}

/** The recovery codes, shown once, with a copy button. */
export function RecoveryCodesPanel({
  codes,
  onDone,
  doneLabel,
}: {
  codes: string[];
  onDone: () => void;
  doneLabel: string;
}) {
  const [copied, setCopied] = useState<string | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(codes.join('\n'));
      setCopied('Copied.');
    } catch {
      setCopied('Copying is not allowed here: select the codes and copy them.');
    }
  };
  return (
    <div className="recovery-codes">
      <h3>Your recovery codes</h3>
      <p>
        Each code signs you in once if you lose your phone. Keep them somewhere safe: they are not
        shown again.
      </p>
      <ul className="recovery-code-list" aria-label="Recovery codes">
        {codes.map((c) => (
          <li key={c}>
            <code>{c}</code>
          </li>
        ))}
      </ul>
      <button type="button" onClick={() => void copy()}>
        Copy the codes
      </button>
      <Notice text={copied} />
      <button type="button" className="button-primary" onClick={onDone}>
        {doneLabel}
      </button>
    </div>
  );
}

/**
 * Enrolment: a new secret as a QR code and as text, then a code to confirm
 * it. `challenge` when the organization requires MFA at sign-in (no session
 * yet); the confirmation then opens the session.
 */
export function TotpEnrollmentForm({
  challenge,
  onConfirmed,
  onCancel,
}: {
  challenge?: string;
  onConfirmed: (codes: string[]) => void;
  onCancel?: () => void;
}) {
  const [enrollment, setEnrollment] = useState<TotpEnrollment | null>(null);
  const [code, setCode] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const start = async () => {
    setBusy(true);
    setError(null);
    try {
      setEnrollment(await mfaApi.enroll(challenge));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const confirm = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const res = await mfaApi.confirm(code.replace(/\s/g, ''), challenge);
      onConfirmed(res.recovery_codes);
    } catch (e) {
      setCode('');
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  if (!enrollment) {
    return (
      <div>
        <p>
          Use an authenticator app (on your phone) to make a new code every 30 seconds. Signing in
          then needs your password and a code.
        </p>
        <button
          type="button"
          className="button-primary"
          disabled={busy}
          onClick={() => void start()}
        >
          Set up two-step sign-in
        </button>
        {onCancel ? (
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
        ) : null}
        <ErrorMessage error={error} />
      </div>
    );
  }
  return (
    <form onSubmit={(e) => void confirm(e)} noValidate className="narrow-form totp-enrollment">
      <p>Scan this code with your authenticator app:</p>
      <img
        className="totp-qr"
        src={svgDataUrl(enrollment.qr_svg)}
        alt="QR code for your authenticator app"
        width={200}
        height={200}
      />
      <p>
        Or type this key into the app: <code className="totp-secret">{enrollment.secret}</code>
      </p>
      <CodeField label="Code the app shows now" value={code} onChange={setCode} />
      <button type="submit" className="button-primary" disabled={busy}>
        Turn on two-step sign-in
      </button>
      <ErrorMessage error={error} />
    </form>
  );
}
