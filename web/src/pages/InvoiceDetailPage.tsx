import { useState } from 'react';
import { api } from '../api/client';
import { ApiError } from '../api/errors';
import type { InvoiceDetail, InvoiceStatus, PaymentMismatch } from '../api/types';
import { Badge } from '../components/Badge';
import { ErrorMessage } from '../components/ErrorMessage';
import { LoadState } from '../components/States';
import { formatDateTime, formatMoney, humanize } from '../format';
import { useAction } from '../hooks/useAction';
import { useApi } from '../hooks/useApi';
import { Link } from '../router/router';
import { HeaderRow } from '../components/HeaderRow';
import { ActionButton } from '../components/ActionButton';
import { Breadcrumb } from '../components/Breadcrumb';
import { DraftEditor } from './invoice/DraftEditor';
import { percentText } from './invoice/money';
import { RecordPayment } from './invoice/RecordPayment';
import { SendInvoiceDialog } from './invoice/SendInvoiceDialog';

// The moves the server allows (invoice_handlers.cpp): draft -> open/void,
// open -> paid/void, paid -> refunded.
const NEXT: Record<InvoiceStatus, InvoiceStatus[]> = {
  draft: ['open', 'void'],
  open: ['paid', 'void'],
  paid: ['refunded'],
  refunded: [],
  void: [],
};
const LABEL: Record<InvoiceStatus, string> = {
  draft: 'Draft',
  open: 'Send (mark open)',
  paid: 'Mark paid',
  refunded: 'Mark refunded',
  void: 'Void',
};

export function InvoiceDetailPage({ id }: { id: number }) {
  const invoice = useApi(
    (signal) => api.get<InvoiceDetail>(`/invoices/${id}`, undefined, signal),
    [id],
  );
  const move = useAction(async (inv: InvoiceDetail, to: InvoiceStatus) => {
    invoice.setData(
      await api.post<InvoiceDetail>(`/invoices/${inv.id}/status`, { to, version: inv.version }),
    );
  });
  return (
    <LoadState loaded={invoice} what="Loading the invoice">
      {(inv) => (
        <article>
          <Breadcrumb to="/invoices" list="Invoices" here={inv.number} />
          <h1>
            Invoice {inv.number} <Badge kind="invoice" value={inv.status} />
          </h1>
          <dl className="facts panel">
            <dt>Subtotal</dt>
            <dd>{formatMoney(inv.subtotal_cents, inv.currency)}</dd>
            {inv.discount_total_cents > 0 ? (
              <>
                <dt>Discount{inv.discount_bp ? ` (${percentText(inv.discount_bp)}%)` : ''}</dt>
                <dd>−{formatMoney(inv.discount_total_cents, inv.currency)}</dd>
              </>
            ) : null}
            {(inv.taxes ?? []).map((t) => (
              <div key={`${t.name}-${t.rate_bp}`}>
                <dt>
                  {t.name} {percentText(t.rate_bp)}%
                </dt>
                <dd>{formatMoney(t.tax_cents, inv.currency)}</dd>
              </div>
            ))}
            <dt>Total</dt>
            <dd>{formatMoney(inv.total_cents, inv.currency)}</dd>
            <dt>Balance due</dt>
            <dd>
              <strong>{formatMoney(inv.balance_cents ?? 0, inv.currency)}</strong>
            </dd>
            {inv.due_on ? (
              <>
                <dt>Due</dt>
                <dd>{inv.due_on}</dd>
              </>
            ) : null}
            {inv.terms ? (
              <>
                <dt>Terms</dt>
                <dd>{inv.terms}</dd>
              </>
            ) : null}
            {inv.notes ? (
              <>
                <dt>Notes</dt>
                <dd>{inv.notes}</dd>
              </>
            ) : null}
            <dt>Work order</dt>
            <dd>
              <Link to={`/work-orders/${inv.work_order_id}`}>
                {inv.work_order_number || 'Work order'}
              </Link>
            </dd>
            <dt>Customer</dt>
            <dd>
              {inv.customer_id ? (
                <Link to={`/customers/${inv.customer_id}`}>{inv.customer_name ?? 'Customer'}</Link>
              ) : (
                '—'
              )}
            </dd>
            {inv.billing_snapshot ? (
              <>
                <dt>Billed to (as frozen when issued)</dt>
                <dd>
                  {inv.billing_snapshot.name}
                  {inv.billing_snapshot.billing_address
                    ? `, ${inv.billing_snapshot.billing_address}`
                    : ''}
                  {inv.billing_snapshot.email ? `, ${inv.billing_snapshot.email}` : ''}
                </dd>
              </>
            ) : null}
            <dt>Created</dt>
            <dd>{formatDateTime(inv.created_at)}</dd>
            <dt>Paid</dt>
            <dd>{formatDateTime(inv.paid_at)}</dd>
            {inv.payment_state ? (
              <>
                <dt>Payment</dt>
                <dd>
                  {humanize(inv.payment_state)}: {formatMoney(inv.paid_cents ?? 0, inv.currency)}{' '}
                  paid
                  {inv.refunded_cents
                    ? `, ${formatMoney(inv.refunded_cents, inv.currency)} refunded`
                    : ''}
                  {`, balance ${formatMoney(inv.balance_cents ?? 0, inv.currency)}`}
                </dd>
              </>
            ) : null}
          </dl>
          {(inv.mismatches ?? []).length > 0 ? (
            <Mismatches items={inv.mismatches ?? []} currency={inv.currency} />
          ) : null}
          <section className="panel" aria-labelledby="lines-h">
            <h2 id="lines-h">Lines</h2>
            {(inv.lines ?? []).length === 0 ? (
              <p className="empty">No lines.</p>
            ) : (
              <div className="table-wrap">
                <table className="data-table">
                  <HeaderRow headers={['Description', 'Quantity', 'Unit', 'Amount']} />
                  <tbody>
                    {(inv.lines ?? []).map((l) => (
                      <tr key={l.id}>
                        <td>
                          {l.description}
                          {l.tax_name ? ` (${l.tax_name})` : ''}
                        </td>
                        <td className="num">{l.quantity}</td>
                        <td className="num">{formatMoney(l.unit_cents, inv.currency)}</td>
                        <td className="num">{formatMoney(l.amount_cents, inv.currency)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </section>
          {inv.status === 'draft' ? (
            <DraftEditor invoice={inv} onChanged={invoice.setData} />
          ) : null}
          {(inv.payments ?? []).length > 0 ? (
            <section className="panel" aria-labelledby="payments-h">
              <h2 id="payments-h">Payments</h2>
              <ul>
                {(inv.payments ?? []).map((p) => (
                  <li key={p.id}>
                    {p.kind === 'refund' ? 'Refund' : humanize(p.method ?? p.source)}
                    {p.reference ? ` #${p.reference}` : ''}:{' '}
                    {formatMoney(p.amount_cents, inv.currency)},{' '}
                    {p.received_on ?? formatDateTime(p.at)}
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
          <section className="panel" aria-labelledby="inv-actions-h">
            <h2 id="inv-actions-h">Actions</h2>
            <div className="button-row">
              {NEXT[inv.status].map((to) => (
                <button
                  key={to}
                  type="button"
                  className={to === 'void' ? 'button-danger' : 'button-secondary'}
                  disabled={move.busy}
                  onClick={() => void move.run(inv, to)}
                >
                  {LABEL[to]} <span className="visually-hidden">({humanize(to)})</span>
                </button>
              ))}
              <a className="button-secondary" href={`/api/v1/invoices/${inv.id}/pdf`} download>
                Download PDF
              </a>
            </div>
            <ErrorMessage error={move.error} />
            {inv.status === 'open' ? (
              <RecordPayment key={inv.version} invoice={inv} onChanged={invoice.setData} />
            ) : null}
            {inv.status === 'open' ? (
              <PaymentLink invoiceId={inv.id} existing={inv.payment_link ?? null} />
            ) : inv.status === 'draft' ? (
              <p className="hint">
                Send the invoice (mark it open) to get a payment link for the customer.
              </p>
            ) : null}
          </section>
          <SendInvoiceDialog invoice={inv} onSent={(updated) => invoice.setData(updated)} />
        </article>
      )}
    </LoadState>
  );
}

const MISMATCH_TEXT: Record<string, string> = {
  amount_mismatch: 'The amount paid differs from the invoice',
  currency_mismatch: 'Paid in another currency',
  invoice_not_open: 'Paid while the invoice was not open',
  payment_not_completed: 'Checkout finished without the money (a delayed payment method)',
  no_checkout_session: 'No payment link of this invoice was used',
  stale_checkout_session: 'An older payment link of this invoice was used',
  amount_missing: 'The payment named no amount',
  refund_without_payment: 'A refund for a payment not on record',
};

/** Payments that did not count: the office decides (often: refund at Stripe). */
function Mismatches({ items, currency }: { items: PaymentMismatch[]; currency: string }) {
  // The currency comes from the provider's event: an unknown code is shown as text, not formatted.
  const money = (cents: number | null, cur: string | null) => {
    if (cents === null) return '—';
    const code = (cur ?? currency).toUpperCase();
    try {
      return formatMoney(cents, code);
    } catch {
      return `${cents / 100} ${code}`;
    }
  };
  return (
    <section className="panel" aria-labelledby="mismatch-h">
      <h2 id="mismatch-h">Payment problems</h2>
      <p className="hint">These payment events did not change the invoice.</p>
      <div className="table-wrap">
        <table className="data-table">
          <HeaderRow headers={['What', 'Expected', 'Received', 'Event', 'When', 'Action']} />
          <tbody>
            {items.map((m, i) => (
              <tr key={i}>
                <td>{MISMATCH_TEXT[m.kind] ?? humanize(m.kind)}</td>
                <td className="num">{money(m.expected_cents, m.expected_currency)}</td>
                <td className="num">{money(m.received_cents, m.currency)}</td>
                <td>{m.event_type}</td>
                <td>{formatDateTime(m.at)}</td>
                <td>{m.needs_refund ? <strong>Needs refund</strong> : 'Review'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** Only web links: never render a javascript: or data: URL as a link. */
function isWebLink(url: string): boolean {
  return /^https?:\/\//i.test(url);
}

/** Asks the server for a hosted payment page; shows the link, or why there is none. */
function PaymentLink({ invoiceId, existing }: { invoiceId: number; existing: string | null }) {
  const [url, setUrl] = useState<string | null>(existing && isWebLink(existing) ? existing : null);
  const [problem, setProblem] = useState<unknown>(undefined);
  const create = useAction(async () => {
    setProblem(undefined);
    try {
      const res = await api.post<{ url?: string }>(`/invoices/${invoiceId}/payment-link`);
      const link = res?.url ?? null;
      // Only show web links: never render a javascript: or data: URL as a link.
      setUrl(link && isWebLink(link) ? link : null);
      if (!link) setProblem('The server did not return a payment link.');
    } catch (err) {
      if (err instanceof ApiError && err.status === 409 && err.reason === 'payments_not_configured')
        setProblem(
          'Online payment is not set up on this server yet (an administrator needs to add the Stripe key), so there is no payment link.',
        );
      else if (err instanceof ApiError && err.status === 409 && err.reason === 'invoice_not_open')
        setProblem('Only an open (sent) invoice can get a payment link.');
      else if (err instanceof ApiError && (err.status === 404 || err.status === 405))
        setProblem('Payment links are not available on this server yet.');
      else if (err instanceof ApiError && err.status === 503)
        setProblem('The payment provider is not reachable. Please try again later.');
      else throw err;
    }
  });
  return (
    <div className="payment-link">
      <ActionButton action={create} className="button-primary">
        Payment link
      </ActionButton>
      <ErrorMessage error={create.error ?? problem} />
      {url ? (
        <p>
          Payment link:{' '}
          <a href={url} target="_blank" rel="noopener noreferrer">
            {url}
          </a>
        </p>
      ) : null}
    </div>
  );
}
