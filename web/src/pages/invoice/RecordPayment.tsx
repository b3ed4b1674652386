import { useState } from 'react';
import { api } from '../../api/client';
import type { InvoiceDetail, PaymentMethod } from '../../api/types';
import { ApiError } from '../../api/errors';
import { ErrorMessage } from '../../components/ErrorMessage';
import { SelectField, TextField } from '../../components/Field';
import { formatMoney } from '../../format';
import { useAction } from '../../hooks/useAction';
import { centsText, toCents } from './money';

// "Record payment": money the office received by hand (cash, a check, a
// card taken outside Stripe). Partial payments are fine; more than the
// balance due is refused (422 overpayment); the last one makes it paid.

const METHODS: { value: PaymentMethod; label: string }[] = [
  { value: 'cash', label: 'Cash' },
  { value: 'check', label: 'Check' },
  { value: 'card_external', label: 'Card (outside Stripe)' },
];

export function RecordPayment({
  invoice,
  onChanged,
}: {
  invoice: InvoiceDetail;
  onChanged: (inv: InvoiceDetail) => void;
}) {
  const [open, setOpen] = useState(false);
  const [method, setMethod] = useState<PaymentMethod>('cash');
  const [amount, setAmount] = useState(centsText(invoice.balance_cents ?? 0));
  const [reference, setReference] = useState('');
  const [received, setReceived] = useState('');
  const record = useAction(async () => {
    const amount_cents = toCents(amount);
    if (!amount_cents) throw new Error('Type the amount received in dollars, e.g. 50.00');
    const body: Record<string, unknown> = { method, amount_cents };
    if (method === 'check' && reference.trim()) body.reference = reference.trim();
    if (received) body.received_on = received;
    try {
      onChanged(await api.post<InvoiceDetail>(`/invoices/${invoice.id}/payments`, body));
      setOpen(false);
    } catch (err) {
      if (err instanceof ApiError && err.reason === 'overpayment')
        throw new Error(
          `That is more than the balance due (${formatMoney(invoice.balance_cents ?? 0, invoice.currency)}).`,
          { cause: err },
        );
      throw err;
    }
  });
  if (!open)
    return (
      <button type="button" className="button-primary" onClick={() => setOpen(true)}>
        Record payment
      </button>
    );
  return (
    <div role="dialog" aria-labelledby="record-payment-h" className="panel dialog">
      <h3 id="record-payment-h">Record payment</h3>
      <form
        className="stack"
        onSubmit={(e) => {
          e.preventDefault();
          void record.run();
        }}
      >
        <SelectField
          label="Method"
          options={METHODS}
          value={method}
          onChange={(e) => setMethod(e.target.value as PaymentMethod)}
        />
        <TextField
          label="Amount ($)"
          inputMode="decimal"
          value={amount}
          required
          onChange={(e) => setAmount(e.target.value)}
        />
        {method === 'check' ? (
          <TextField
            label="Check number"
            maxLength={100}
            value={reference}
            onChange={(e) => setReference(e.target.value)}
          />
        ) : null}
        <TextField
          label="Received on"
          type="date"
          value={received}
          hint="Today when left empty"
          onChange={(e) => setReceived(e.target.value)}
        />
        <div className="button-row">
          <button type="submit" className="button-primary" disabled={record.busy}>
            Save payment
          </button>
          <button type="button" className="button-secondary" onClick={() => setOpen(false)}>
            Cancel
          </button>
        </div>
        <ErrorMessage error={record.error} />
      </form>
    </div>
  );
}
