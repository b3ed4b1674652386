import { useState, type FormEvent } from 'react';
import { api } from '../../api/client';
import type { OrgSettings } from '../../api/types.gen';
import { ErrorMessage, Notice } from '../../components/ErrorMessage';
import { TextArea, TextField } from '../../components/Field';
import { formatMoney } from '../../format';
import { useAction } from '../../hooks/useAction';
import { dollarsToCents } from '../price-book/units';

// Owners and admins: where customers' replies to the organization's email go,
// its postal address (printed in service-reminder email: CAN-SPAM asks for
// one), and the hourly labour rate invoices bill time at (shown only to those who
// see prices: the server leaves it out for the others).

export function MailAndRatePanel({
  org,
  onSaved,
}: {
  org: OrgSettings;
  onSaved: (o: OrgSettings) => void;
}) {
  const [replyTo, setReplyTo] = useState(org.reply_to_email ?? '');
  const [postal, setPostal] = useState(org.postal_address ?? '');
  const rate = org.labour_rate_cents;
  const [dollars, setDollars] = useState(rate === undefined ? '' : (rate / 100).toFixed(2));
  const [done, setDone] = useState<string | null>(null);
  const save = useAction(async (change: Record<string, unknown>) => {
    setDone(null);
    const saved = await api.patch<OrgSettings>('/org', change);
    onSaved(saved);
    setDone('Saved.');
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const change: Record<string, unknown> = {};
    const address = replyTo.trim();
    if (address !== (org.reply_to_email ?? ''))
      change.reply_to_email = address === '' ? null : address;
    const where = postal.trim();
    if (where !== (org.postal_address ?? '')) change.postal_address = where === '' ? null : where;
    if (rate !== undefined) {
      const cents = dollarsToCents(dollars);
      if (cents !== undefined && cents !== rate) change.labour_rate_cents = cents;
    }
    void save.run(change);
  };
  return (
    <section className="panel" aria-labelledby="mail-rate-h">
      <h2 id="mail-rate-h">Email replies{rate === undefined ? '' : ' and labour rate'}</h2>
      <form onSubmit={submit} noValidate>
        <TextField
          label="Replies to our email go to"
          type="email"
          autoComplete="email"
          value={replyTo}
          placeholder="office@example.com"
          hint="Customers who answer an invoice or a link email write to this address. Empty: replies go to the sending address."
          error={save.fieldErrors.reply_to_email}
          onChange={(e) => setReplyTo(e.target.value)}
        />
        <TextArea
          label="Postal address"
          maxLength={300}
          value={postal}
          hint="Printed at the foot of service-reminder emails (the law on marketing email asks for a postal address)."
          error={save.fieldErrors.postal_address}
          onChange={(e) => setPostal(e.target.value)}
        />
        {rate === undefined ? null : (
          <TextField
            label="Labour rate per hour ($)"
            inputMode="decimal"
            value={dollars}
            hint={`Time on a job is billed at this rate (now ${formatMoney(rate)} an hour) unless the price book has a labour item.`}
            error={save.fieldErrors.labour_rate_cents}
            onChange={(e) => setDollars(e.target.value)}
          />
        )}
        <div className="form-actions">
          <button type="submit" className="button-primary" disabled={save.busy}>
            Save
          </button>
        </div>
      </form>
      <ErrorMessage error={save.error} />
      <Notice text={done} />
    </section>
  );
}
