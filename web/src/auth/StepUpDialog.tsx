import { useEffect, useRef, useState, type FormEvent } from 'react';
import { setStepUpHandler } from '../api/client';
import { ErrorMessage } from '../components/ErrorMessage';
import { TextField } from '../components/Field';
import { FactorFields } from '../components/TwoStep';
import { mfaApi, type Factor } from './mfa';
import { useSession } from './session';

// Routes declared step_up (role changes, exports, erasure, security policy)
// answer 403 step_up_required unless this session proved a fresh factor in
// the last 15 minutes. Any call that meets that answer waits here: the dialog
// asks for a code (or the password, for people without two-step sign-in),
// steps up, and the API client retries the call once.

export function StepUpDialog() {
  const { state } = useSession();
  const mfa = state.status === 'signed-in' && state.me.mfa_enabled;
  const dialog = useRef<HTMLDialogElement>(null);
  const pending = useRef<((ok: boolean) => void) | null>(null);
  const [open, setOpen] = useState(false);
  const [factor, setFactor] = useState<Factor>({ code: '' });
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    setStepUpHandler(
      () =>
        new Promise<boolean>((resolve) => {
          pending.current?.(false);
          pending.current = resolve;
          setFactor({ code: '' });
          setPassword('');
          setError(null);
          setOpen(true);
        }),
    );
    return () => setStepUpHandler(null);
  }, []);

  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);

  const finish = (ok: boolean) => {
    pending.current?.(ok);
    pending.current = null;
    setOpen(false);
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      if (mfa)
        await mfaApi.stepUp('code' in factor ? { code: factor.code.replace(/\s/g, '') } : factor);
      else await mfaApi.stepUp({ password });
      finish(true);
    } catch (err) {
      setPassword('');
      setFactor('code' in factor ? { code: '' } : { recovery_code: '' });
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <dialog
      ref={dialog}
      className="step-up-dialog"
      aria-labelledby="step-up-h"
      onCancel={(e) => {
        e.preventDefault();
        finish(false);
      }}
    >
      {open ? (
        <form onSubmit={(e) => void submit(e)} noValidate>
          <h2 id="step-up-h">Confirm it is you</h2>
          <p>
            {mfa
              ? 'This action needs a fresh code from your authenticator app.'
              : 'This action needs your password again.'}
          </p>
          {mfa ? (
            <FactorFields value={factor} onChange={setFactor} />
          ) : (
            <TextField
              label="Password"
              type="password"
              name="password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
          )}
          <ErrorMessage error={error} />
          <div className="dialog-actions">
            <button type="submit" className="button-primary" disabled={busy}>
              Confirm
            </button>
            <button type="button" onClick={() => finish(false)}>
              Cancel
            </button>
          </div>
        </form>
      ) : null}
    </dialog>
  );
}
