import { useEffect, useState } from 'react';
import { api } from '../api/client';
import type { Invoice, Page } from '../api/types';
import { INVOICE_STATUSES } from '../api/types';
import { Badge } from '../components/Badge';
import { ErrorMessage } from '../components/ErrorMessage';
import { SelectField } from '../components/Field';
import { Empty, Loading } from '../components/States';
import { formatDateTime, formatMoney, humanize } from '../format';
import { Link } from '../router/router';

export function InvoicesPage() {
  const [status, setStatus] = useState('');
  const [rows, setRows] = useState<Invoice[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(undefined);

  const load = async (after: string | null, append: boolean, signal?: AbortSignal) => {
    setLoading(true);
    setError(undefined);
    try {
      const page = await api.get<Page<Invoice>>(
        '/invoices',
        { status, cursor: after, limit: 50 },
        signal,
      );
      setRows((prev) => (append ? [...prev, ...page.items] : page.items));
      setCursor(page.next_cursor);
    } catch (err) {
      if (!signal?.aborted) setError(err);
    } finally {
      if (!signal?.aborted) setLoading(false);
    }
  };
  useEffect(() => {
    const controller = new AbortController();
    void load(null, false, controller.signal);
    return () => controller.abort();
    // Re-run only when the inputs named here change (load reads them fresh).
  }, [status]);

  return (
    <section>
      <h1>Invoices</h1>
      <form className="filters" aria-label="Filter invoices" onSubmit={(e) => e.preventDefault()}>
        <SelectField
          label="Status"
          value={status}
          onChange={(e) => setStatus(e.target.value)}
          options={[
            { value: '', label: 'Any status' },
            ...INVOICE_STATUSES.map((s) => ({ value: s, label: humanize(s) })),
          ]}
        />
      </form>
      <ErrorMessage error={error} />
      {rows.length === 0 && !loading ? (
        <Empty>No invoices yet. Invoice a completed work order from its page.</Empty>
      ) : null}
      {rows.length > 0 ? (
        <div className="table-wrap">
          <table className="data-table">
            <caption className="visually-hidden">Invoices</caption>
            <thead>
              <tr>
                <th scope="col">Number</th>
                <th scope="col">Status</th>
                <th scope="col">Total</th>
                <th scope="col">Work order</th>
                <th scope="col">Created</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((i) => (
                <tr key={i.id}>
                  <td>
                    <Link to={`/invoices/${i.id}`}>{i.number}</Link>
                  </td>
                  <td>
                    <Badge kind="invoice" value={i.status} />
                  </td>
                  <td className="num">{formatMoney(i.total_cents, i.currency)}</td>
                  <td>
                    <Link to={`/work-orders/${i.work_order_id}`}>#{i.work_order_id}</Link>
                  </td>
                  <td>{formatDateTime(i.created_at)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {loading ? <Loading what="Loading invoices" /> : null}
      {cursor && !loading ? (
        <button type="button" className="button-secondary" onClick={() => void load(cursor, true)}>
          Load more
        </button>
      ) : null}
    </section>
  );
}
