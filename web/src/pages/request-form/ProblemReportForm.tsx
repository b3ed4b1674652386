import { useState, type FormEvent, type FormHTMLAttributes, type ReactNode } from 'react';
import { TextArea, TextField } from '../../components/Field';
import type { FieldErrors } from '../../api/errors';

// The form a plant operator reports a problem with, in the app (a
// requester: NewMyRequestPage) or from an asset's QR label (no sign-in:
// RequestFormPage): what is wrong and a phone to hear back on, asked in the
// same words and sent the same way; each page adds what only it asks for
// (where, their name, photos) in the slots around them.

export function useProblemReport() {
  const [description, setDescription] = useState('');
  const [phone, setPhone] = useState('');
  return {
    description,
    phone,
    setDescription,
    setPhone,
    /** The fields of the body both endpoints take: no phone when none was given. */
    body: () => ({ description, ...(phone.trim() ? { phone } : {}) }),
  };
}

export type ProblemReport = ReturnType<typeof useProblemReport>;

type FormProps = Omit<FormHTMLAttributes<HTMLFormElement>, 'onSubmit' | 'children'>;

export function ProblemReportForm({
  report,
  errors,
  busy,
  onSend,
  phoneHint,
  buttonClassName = 'button button-primary',
  before,
  between,
  after,
  error,
  ...form
}: FormProps & {
  report: ProblemReport;
  errors: FieldErrors;
  busy: boolean;
  onSend: () => void;
  phoneHint: string;
  buttonClassName?: string;
  /** Before "What is wrong?" (a heading, where). */
  before?: ReactNode;
  /** Between "What is wrong?" and the phone (their name). */
  between?: ReactNode;
  /** After the phone (photos). */
  after?: ReactNode;
  /** The error slot under the button. */
  error: ReactNode;
}) {
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSend();
  };
  return (
    <form {...form} onSubmit={submit} noValidate>
      {before}
      <TextArea
        label="What is wrong?"
        value={report.description}
        rows={5}
        required
        maxLength={4000}
        error={errors.description}
        onChange={(e) => report.setDescription(e.target.value)}
      />
      {between}
      <TextField
        label="Your phone (optional)"
        hint={phoneHint}
        value={report.phone}
        type="tel"
        autoComplete="tel"
        error={errors.phone}
        onChange={(e) => report.setPhone(e.target.value)}
      />
      {after}
      <button type="submit" className={buttonClassName} disabled={busy}>
        Send
      </button>
      {error}
    </form>
  );
}
