import { useState } from 'react';
import { api } from '../api/client';
import type { Receivable, Receivables } from '../api/types';
import { HeaderRow } from '../components/HeaderRow';
import { LoadState } from '../components/States';
import { formatMoney } from '../format';
import { useApi } from '../hooks/useApi';
import { Link } from '../router/router';

// Accounts receivable (issue 14 item 2): what customers still owe, by age
// (counted in the organization's time zone by the server), with the
// customer's name on every row and the totals per bucket.

const BUCKET_LABEL: Record<string, string> = {
  current: 'Current',
  '1-30': '1–30 days',
  '31-60': '31–60 days',
  '61-90': '61–90 days',
  '90+': 'Over 90 days',
};

export function ReceivablesPage() {
  const [cursor, setCursor] = useState<string | null>(null);
  const page = useApi(
    (signal) => api.get<Receivables>('/receivables', cursor ? { cursor } : undefined, signal),
    [cursor],
  );
  return (
    <section>
      <div className="page-head">
        <h1>Receivables</h1>
        <div className="actions">
          {/* A plain link: the browser downloads the file with the session cookie. */}
          <a className="button-secondary" href="/api/v1/receivables.csv" download>
            Download CSV
          </a>
        </div>
      </div>
      <LoadState loaded={page} what="Loading receivables">
        {(r) => (
          <>
            <dl className="facts panel" aria-label="Totals by age">
              {r.buckets.map((b) => (
                <div key={b.bucket}>
                  <dt>{BUCKET_LABEL[b.bucket] ?? b.bucket}</dt>
                  <dd>
                    {formatMoney(b.balance_cents)} ({b.count})
                  </dd>
                </div>
              ))}
              <div>
                <dt>Total due</dt>
                <dd>
                  <strong>{formatMoney(r.total_balance_cents)}</strong>
                </dd>
              </div>
            </dl>
            {r.items.length === 0 ? (
              <p className="empty">Nothing is owed.</p>
            ) : (
              <div className="table-wrap">
                <table className="data-table">
                  <HeaderRow
                    headers={['Invoice', 'Customer', 'Due', 'Days late', 'Age', 'Balance']}
                  />
                  <tbody>
                    {r.items.map((row: Receivable) => (
                      <tr key={row.invoice_id}>
                        <td>
                          <Link to={`/invoices/${row.invoice_id}`}>{row.number}</Link>
                        </td>
                        <td>{row.customer_name}</td>
                        <td>{row.due_on}</td>
                        <td className="num">{row.days_overdue}</td>
                        <td>{BUCKET_LABEL[row.bucket] ?? row.bucket}</td>
                        <td className="num">{formatMoney(row.balance_cents, row.currency)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
            {r.next_cursor ? (
              <button
                type="button"
                className="button-secondary"
                onClick={() => setCursor(r.next_cursor ?? null)}
              >
                More
              </button>
            ) : null}
          </>
        )}
      </LoadState>
    </section>
  );
}
