import { useState } from 'react';
import { api } from '../../api/client';
import type { Customer, InvoiceDetail } from '../../api/types';
import type { InvoiceSent } from '../../api/types.gen';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useAction } from '../../hooks/useAction';
import { useApi } from '../../hooks/useApi';

// "Send" (issue 14 item 2): POST /invoices/{id}/send opens a draft, makes a
// new customer link (the old one stops working) and emails the invoice PDF
// with the link and/or texts the link. The checkboxes show where each goes;
// the server answers what was queued, or that the customer opted out of texts.
// Kept out of InvoiceDetailPage so the draft editor there can change freely.

export function SendInvoiceDialog({
  invoice,
  onSent,
}: {
  invoice: InvoiceDetail;
  onSent: (updated: InvoiceDetail) => void;
}) {
  const [open, setOpen] = useState(false);
  const [byEmail, setByEmail] = useState(true);
  const [bySms, setBySms] = useState(false);
  const [to, setTo] = useState('');
  const [result, setResult] = useState<InvoiceSent | null>(null);
  const customer = useApi(
    (signal) =>
      invoice.customer_id && open
        ? api.get<Customer>(`/customers/${invoice.customer_id}`, undefined, signal)
        : Promise.resolve(null),
    [invoice.customer_id, open],
  );
  const send = useAction(async () => {
    const sent = await api.post<InvoiceSent>(`/invoices/${invoice.id}/send`, {
      email: byEmail,
      sms: bySms,
      ...(byEmail && to.trim() ? { to: to.trim() } : {}),
    });
    setResult(sent);
    onSent(sent.invoice as InvoiceDetail);
  });
  if (invoice.status !== 'draft' && invoice.status !== 'open') return null;
  const email = customer.data?.email ?? null;
  const phone = customer.data?.phone ?? null;
  return (
    <section className="panel" aria-labelledby="send-invoice-h">
      <h2 id="send-invoice-h">Send to the customer</h2>
      {!open ? (
        <button type="button" onClick={() => setOpen(true)}>
          {invoice.status === 'draft' ? 'Send…' : 'Send again…'}
        </button>
      ) : (
        <div role="dialog" aria-labelledby="send-invoice-h">
          <p className="hint">
            {invoice.status === 'draft' ? 'Sending opens the invoice. ' : ''}
            The customer gets a new link to view and pay it; an earlier link stops working.
          </p>
          <p>
            <label>
              <input
                type="checkbox"
                checked={byEmail}
                onChange={(e) => setByEmail(e.target.checked)}
              />{' '}
              Email the invoice PDF and the link to{' '}
              <strong>{to.trim() || email || 'no email address on file'}</strong>
            </label>
          </p>
          {byEmail ? (
            <p>
              <label htmlFor="send-invoice-to">Another address (optional)</label>{' '}
              <input
                id="send-invoice-to"
                type="email"
                value={to}
                placeholder={email ?? 'billing@example.com'}
                onChange={(e) => setTo(e.target.value)}
              />
            </p>
          ) : null}
          <p>
            <label>
              <input type="checkbox" checked={bySms} onChange={(e) => setBySms(e.target.checked)} />{' '}
              Text the link to <strong>{phone ?? 'no phone number on file'}</strong>
            </label>
          </p>
          <div className="button-row">
            <button
              type="button"
              disabled={send.busy || (!byEmail && !bySms)}
              onClick={() => void send.run()}
            >
              Send
            </button>
            <button type="button" className="button-secondary" onClick={() => setOpen(false)}>
              Close
            </button>
          </div>
          <ErrorMessage error={send.error} />
          {result ? (
            <p role="status">
              {result.email === 'queued' ? 'The email is on its way. ' : ''}
              {result.sms === 'queued' ? 'The text is on its way. ' : ''}
              {result.sms === 'suppressed'
                ? 'No text was sent: the customer has opted out of texts.'
                : ''}
            </p>
          ) : null}
        </div>
      )}
    </section>
  );
}
