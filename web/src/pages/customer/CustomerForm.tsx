import { useState } from 'react';
import type { Customer, NewCustomer } from '../../api/types';
import { ErrorMessage } from '../../components/ErrorMessage';
import { CheckboxField, TextArea, TextField } from '../../components/Field';
import { SubmitRow } from '../../components/SubmitRow';
import { ApiError } from '../../api/errors';
import { optOutSentence, START_ONLY, stoppedByCustomer } from '../../domain/consent';
import { useForm } from '../../hooks/useForm';

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
  const [optOut, setOptOut] = useState(initial?.sms_opt_out ?? false);
  const stopped = initial ? stoppedByCustomer(initial) : false;
  const form = useForm(
    {
      name: initial?.name ?? '',
      phone: initial?.phone ?? '',
      email: initial?.email ?? '',
      billing_address: initial?.billing_address ?? '',
      notes: initial?.notes ?? '',
    },
    async ({ name, phone, email, billing_address, notes }) => {
      // Empty phone/email: omit on create, clear (null) on edit. The opt-out
      // is sent on edit only when the office changed it, so a new phone number
      // takes that number's own consent.
      const body: NewCustomer = { name, billing_address, notes };
      if (!initial || optOut !== initial.sms_opt_out) body.sms_opt_out = optOut;
      if (phone.trim()) body.phone = phone.trim();
      else if (initial?.phone) body.phone = null;
      if (email.trim()) body.email = email.trim();
      else if (initial?.email) body.email = null;
      await onSubmit(body);
    },
  );
  const save = form.action;
  const optOutError =
    save.error instanceof ApiError && save.error.reason === 'opted_out_by_customer'
      ? `This number texted STOP: ${START_ONLY}.`
      : save.fieldErrors.sms_opt_out;
  return (
    <form onSubmit={form.submit} className="form-grid" noValidate>
      <TextField label="Name" required maxLength={200} autoComplete="off" {...form.field('name')} />
      <TextField
        label="Phone"
        type="tel"
        maxLength={40}
        autoComplete="off"
        {...form.field('phone')}
      />
      <TextField
        label="Email"
        type="email"
        maxLength={254}
        autoComplete="off"
        {...form.field('email')}
      />
      <TextArea label="Billing address" maxLength={500} {...form.field('billing_address')} />
      <TextArea label="Notes" maxLength={5000} {...form.field('notes')} />
      <CheckboxField
        label="Opted out of SMS"
        checked={optOut || stopped}
        disabled={stopped}
        onChange={(e) => setOptOut(e.target.checked)}
        error={optOutError}
        hint={
          stopped && initial
            ? (optOutSentence(initial) ?? undefined)
            : 'The office’s choice for this phone number; a customer’s STOP always wins.'
        }
      />
      <SubmitRow busy={save.busy}>{submitLabel}</SubmitRow>
      <ErrorMessage error={save.error} />
    </form>
  );
}
