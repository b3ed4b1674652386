import { useState, type FormEvent } from 'react';
import type { Customer, NewCustomer } from '../../api/types';
import { ErrorMessage } from '../../components/ErrorMessage';
import { CheckboxField, TextArea, TextField } from '../../components/Field';
import { ApiError } from '../../api/errors';
import { optOutSentence, START_ONLY, stoppedByCustomer } from '../../domain/consent';
import { useAction } from '../../hooks/useAction';

/**
 * Create or edit a customer; server validation messages appear under their fields.
 * An opt-out the customer made by texting STOP cannot be unticked here: only
 * the number can undo it (by texting START), and the server refuses it with
 * 409 opted_out_by_customer.
 */
export function CustomerForm({
  initial,
  submitLabel,
  onSubmit,
}: {
  initial?: Customer;
  submitLabel: string;
  onSubmit: (input: NewCustomer) => Promise<void>;
}) {
  const [name, setName] = useState(initial?.name ?? '');
  const [phone, setPhone] = useState(initial?.phone ?? '');
  const [email, setEmail] = useState(initial?.email ?? '');
  const [billing, setBilling] = useState(initial?.billing_address ?? '');
  const [notes, setNotes] = useState(initial?.notes ?? '');
  const [optOut, setOptOut] = useState(initial?.sms_opt_out ?? false);
  const stopped = initial ? stoppedByCustomer(initial) : false;
  const save = useAction(async () => {
    // Empty phone/email: omit on create, clear (null) on edit. The opt-out
    // is sent on edit only when the office changed it, so a new phone number
    // takes that number's own consent.
    const body: NewCustomer = { name, billing_address: billing, notes };
    if (!initial || optOut !== initial.sms_opt_out) body.sms_opt_out = optOut;
    if (phone.trim()) body.phone = phone.trim();
    else if (initial?.phone) body.phone = null;
    if (email.trim()) body.email = email.trim();
    else if (initial?.email) body.email = null;
    await onSubmit(body);
  });
  const errors = { ...save.fieldErrors };
  if (save.error instanceof ApiError && save.error.reason === 'opted_out_by_customer')
    errors.sms_opt_out = `This number texted STOP: ${START_ONLY}.`;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void save.run();
  };
  return (
    <form onSubmit={submit} className="form-grid" noValidate>
      <TextField
        label="Name"
        required
        maxLength={200}
        value={name}
        onChange={(e) => setName(e.target.value)}
        error={errors.name}
        autoComplete="off"
      />
      <TextField
        label="Phone"
        type="tel"
        maxLength={40}
        value={phone}
        onChange={(e) => setPhone(e.target.value)}
        error={errors.phone}
        autoComplete="off"
      />
      <TextField
        label="Email"
        type="email"
        maxLength={254}
        value={email}
        onChange={(e) => setEmail(e.target.value)}
        error={errors.email}
        autoComplete="off"
      />
      <TextArea
        label="Billing address"
        maxLength={500}
        value={billing}
        onChange={(e) => setBilling(e.target.value)}
        error={errors.billing_address}
      />
      <TextArea
        label="Notes"
        maxLength={5000}
        value={notes}
        onChange={(e) => setNotes(e.target.value)}
        error={errors.notes}
      />
      <CheckboxField
        label="Opted out of SMS"
        checked={optOut || stopped}
        disabled={stopped}
        onChange={(e) => setOptOut(e.target.checked)}
        error={errors.sms_opt_out}
        hint={
          stopped && initial
            ? (optOutSentence(initial) ?? undefined)
            : 'The office’s choice for this phone number; a customer’s STOP always wins.'
        }
      />
      <div className="form-actions">
        <button type="submit" className="button-primary" disabled={save.busy}>
          {submitLabel}
        </button>
      </div>
      <ErrorMessage error={save.error} />
    </form>
  );
}
