import { useState } from 'react';
import { api } from '../../api/client';
import type { CustomerLinkSummary, IssuedCustomerLink } from '../../api/types.gen';
import { ErrorMessage } from '../../components/ErrorMessage';
import { formatDateTime, humanize } from '../../format';
import { useAction } from '../../hooks/useAction';
import { useApi } from '../../hooks/useApi';

// "Customer link": the office makes a link the customer opens without
// signing in (see and confirm the visit, see and pay the invoice, download
// the report), copies it into a text or an email, and revokes it. The URL is
// shown once, when it is made: the server keeps only its hash.

const PURPOSES = [
  { value: 'appointment', label: 'Appointment (view and confirm)' },
  { value: 'invoice', label: 'Invoice (view and pay)' },
  { value: 'report', label: 'Service report (download)' },
];

const SEND_BY = [
  { value: '', label: 'Copy it myself' },
  { value: 'sms', label: 'Text it to the customer' },
  { value: 'email', label: 'Email it to the customer' },
];

export function CustomerLinksPanel({ woId }: { woId: number }) {
  const links = useApi(
    (signal) =>
      api.get<{ items: CustomerLinkSummary[] }>(`/work-orders/${woId}/links`, undefined, signal),
    [woId],
  );
  const [purpose, setPurpose] = useState('appointment');
  const [sendBy, setSendBy] = useState('');
  const [url, setUrl] = useState<string | null>(null);
  const [sent, setSent] = useState<string | null>(null);
  const create = useAction(async () => {
    const issued = await api.post<IssuedCustomerLink>(`/work-orders/${woId}/links`, {
      purpose,
      ...(sendBy ? { send_by: sendBy } : {}),
    });
    setUrl(issued.url.startsWith('/') ? window.location.origin + issued.url : issued.url);
    setSent(issued.sent);
    links.reload();
  });
  const revoke = useAction(async (id: number) => {
    await api.post(`/links/${id}/revoke`);
    links.reload();
  });
  return (
    <section className="panel" aria-labelledby="customer-links-h">
      <h2 id="customer-links-h">Customer link</h2>
      <div className="inline-form">
        <label htmlFor="customer-link-purpose">Link for</label>
        <select
          id="customer-link-purpose"
          value={purpose}
          onChange={(e) => setPurpose(e.target.value)}
        >
          {PURPOSES.map((p) => (
            <option key={p.value} value={p.value}>
              {p.label}
            </option>
          ))}
        </select>
        <label htmlFor="customer-link-send">Send</label>
        <select id="customer-link-send" value={sendBy} onChange={(e) => setSendBy(e.target.value)}>
          {SEND_BY.map((p) => (
            <option key={p.value} value={p.value}>
              {p.label}
            </option>
          ))}
        </select>
        <button type="button" disabled={create.busy} onClick={() => void create.run()}>
          Create link
        </button>
      </div>
      <ErrorMessage error={create.error} />
      {sent ? (
        <p role="status">
          {sent === 'queued'
            ? 'The link is on its way to the customer.'
            : 'Not sent: the customer has opted out of texts.'}
        </p>
      ) : null}
      {url ? (
        <p>
          <label htmlFor="customer-link-url">
            Send this link to the customer (shown only now):
          </label>{' '}
          <input id="customer-link-url" readOnly value={url} onFocus={(e) => e.target.select()} />
        </p>
      ) : null}
      <ErrorMessage error={links.error ?? revoke.error} />
      {links.data && links.data.items.length > 0 ? (
        <ul className="plain-list">
          {links.data.items.map((l) => (
            <li key={l.id}>
              {humanize(l.purpose)}: {humanize(l.state)}, made {formatDateTime(l.created_at)}
              {l.created_by_name ? ` by ${l.created_by_name}` : ''}, until{' '}
              {formatDateTime(l.expires_at)}{' '}
              {l.state === 'active' ? (
                <button type="button" disabled={revoke.busy} onClick={() => void revoke.run(l.id)}>
                  Revoke
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <p className="empty">No customer links yet.</p>
      )}
    </section>
  );
}
