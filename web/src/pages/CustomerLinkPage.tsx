import { useState, type ReactNode } from 'react';
import { api } from '../api/client';
import { ApiError } from '../api/errors';
import type {
  CustomerLinkView,
  LinkAppointment,
  LinkConfirmed,
  LinkInvoice,
  LinkReport,
} from '../api/types.gen';
import { ErrorMessage } from '../components/ErrorMessage';
import { formatMoney } from '../format';
import { useAction } from '../hooks/useAction';
import { useApi } from '../hooks/useApi';

// The page a customer opens from a text or an email (/l/{token}): no sign-in,
// no navigation, one thing to see and one big button. Opening it changes
// nothing (link previews fetch it too); confirming is the button's POST.

/** The token of /l/{token}, or null for any other path. */
export function customerLinkToken(path: string): string | null {
  const m = /^\/l\/([A-Za-z0-9_-]{1,128})$/.exec(path);
  return m?.[1] ?? null;
}

export function CustomerLinkPage({ token }: { token: string }) {
  const link = useApi(
    (signal) => api.get<CustomerLinkView>(`/links/${token}`, undefined, signal),
    [token],
  );
  if (link.error !== undefined) return <Shell org={null}>{gone(link.error)}</Shell>;
  const view = link.data;
  if (!view) {
    return (
      <Shell org={null}>
        <p role="status">Loading…</p>
      </Shell>
    );
  }
  return (
    <Shell org={view.org.name} phone={view.org.phone}>
      {view.appointment ? <Appointment token={token} visit={view.appointment} /> : null}
      {view.invoice ? <InvoiceView invoice={view.invoice} /> : null}
      {view.report ? <Report report={view.report} /> : null}
    </Shell>
  );
}

function Shell({
  org,
  phone,
  children,
}: {
  org: string | null;
  phone?: string | null;
  children: ReactNode;
}) {
  return (
    <main className="customer-link">
      {org ? <p className="customer-link-org">{org}</p> : null}
      {children}
      {phone ? (
        <p className="customer-link-contact">
          Questions? Call or text <a href={`tel:${phone}`}>{phone}</a>.
        </p>
      ) : null}
    </main>
  );
}

function gone(error: unknown) {
  if (error instanceof ApiError && error.status === 429)
    return <p role="alert">Too many tries. Please wait a minute and open the link again.</p>;
  if (error instanceof ApiError && error.status === 404) {
    return (
      <>
        <h1>This link no longer works</h1>
        <p>It may have expired or been replaced. Please contact the company that sent it.</p>
      </>
    );
  }
  return <ErrorMessage error={error} />;
}

function Appointment({ token, visit }: { token: string; visit: LinkAppointment }) {
  const [shown, setShown] = useState(visit);
  const confirm = useAction(async () => {
    const answer = await api.post<LinkConfirmed>(`/links/${token}/confirm`);
    setShown(answer.appointment);
  });
  return (
    <section aria-labelledby="visit-h">
      <h1 id="visit-h">Your appointment</h1>
      <p className="customer-link-big">{shown.date ?? 'Date to be arranged'}</p>
      {shown.window ? <p className="customer-link-big">{shown.window}</p> : null}
      {shown.address ? <p>{shown.address}</p> : null}
      <p>{shown.title}</p>
      {shown.confirmed ? (
        <p className="customer-link-done" role="status">
          Confirmed. Thank you!
        </p>
      ) : null}
      {shown.can_confirm ? (
        <button
          type="button"
          className="button button-primary customer-link-button"
          disabled={confirm.busy}
          onClick={() => void confirm.run()}
        >
          Confirm
        </button>
      ) : null}
      <ErrorMessage error={confirm.error} />
    </section>
  );
}

function InvoiceView({ invoice }: { invoice: LinkInvoice }) {
  const currency = invoice.currency.toUpperCase();
  return (
    <section aria-labelledby="invoice-h">
      <h1 id="invoice-h">Invoice {invoice.number}</h1>
      <table className="customer-link-lines">
        <tbody>
          {invoice.lines.map((l, i) => (
            <tr key={i}>
              <td>{l.description}</td>
              <td className="num">{formatMoney(l.amount_cents, currency)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>Total: {formatMoney(invoice.total_cents, currency)}</p>
      <p className="customer-link-big">
        Balance due: {formatMoney(invoice.balance_cents, currency)}
      </p>
      {invoice.payment_link && invoice.balance_cents > 0 ? (
        <a
          className="button button-primary customer-link-button"
          href={invoice.payment_link}
          rel="noopener noreferrer"
        >
          Pay
        </a>
      ) : null}
      {invoice.balance_cents === 0 ? (
        <p className="customer-link-done" role="status">
          Paid. Thank you!
        </p>
      ) : null}
    </section>
  );
}

function Report({ report }: { report: LinkReport }) {
  return (
    <section aria-labelledby="report-h">
      <h1 id="report-h">Service report {report.work_order_number}</h1>
      {report.completed_on ? <p>Completed {report.completed_on}</p> : null}
      <a
        className="button button-primary customer-link-button"
        href={report.download_path}
        download
      >
        Download the report (PDF)
      </a>
    </section>
  );
}
