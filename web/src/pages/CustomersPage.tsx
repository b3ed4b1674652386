import { useEffect, useState } from 'react';
import { api } from '../api/client';
import type { Customer, Page } from '../api/types';
import { can } from '../auth/permissions';
import { useMe } from '../auth/session';
import { ErrorMessage } from '../components/ErrorMessage';
import { TextField } from '../components/Field';
import { Empty, Loading } from '../components/States';
import { Link, navigate, useLocation } from '../router/router';
import { CustomerForm } from './customer/CustomerForm';

export function CustomersPage() {
  const me = useMe();
  const { query } = useLocation();
  const q = query.get('q') ?? '';
  const [rows, setRows] = useState<Customer[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(undefined);
  const [creating, setCreating] = useState(false);

  const load = async (after: string | null, append: boolean, signal?: AbortSignal) => {
    setLoading(true);
    setError(undefined);
    try {
      const page = await api.get<Page<Customer>>(
        '/customers',
        { q, cursor: after, limit: 50 },
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
    // A short pause so typing does not send a request per key.
    const timer = window.setTimeout(() => void load(null, false, controller.signal), 200);
    return () => {
      window.clearTimeout(timer);
      controller.abort();
    };
    // Re-run only when the inputs named here change (load reads them fresh).
  }, [q]);

  return (
    <section>
      <div className="page-head">
        <h1>Customers</h1>
        {can(me, 'customers.write') ? (
          <div className="actions">
            <button
              type="button"
              className="button-primary"
              aria-expanded={creating}
              onClick={() => setCreating((c) => !c)}
            >
              {creating ? 'Close form' : 'New customer'}
            </button>
          </div>
        ) : null}
      </div>
      {creating ? (
        <section className="panel" aria-labelledby="new-customer-h">
          <h2 id="new-customer-h">New customer</h2>
          <CustomerForm
            submitLabel="Create customer"
            onSubmit={async (body) => {
              const c = await api.post<Customer>('/customers', body);
              navigate(`/customers/${c.id}`);
            }}
          />
        </section>
      ) : null}
      <form
        role="search"
        aria-label="Search customers"
        className="filters"
        onSubmit={(e) => e.preventDefault()}
      >
        <TextField
          label="Search"
          type="search"
          placeholder="Name, email or phone"
          value={q}
          onChange={(e) =>
            navigate(
              e.target.value ? `/customers?q=${encodeURIComponent(e.target.value)}` : '/customers',
              { replace: true },
            )
          }
        />
      </form>
      <ErrorMessage error={error} />
      {rows.length === 0 && !loading ? <Empty>No customers found.</Empty> : null}
      {rows.length > 0 ? (
        <div className="table-wrap">
          <table className="data-table">
            <caption className="visually-hidden">Customers</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Phone</th>
                <th scope="col">Email</th>
                <th scope="col">SMS</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((c) => (
                <tr key={c.id}>
                  <td>
                    <Link to={`/customers/${c.id}`}>{c.name}</Link>
                  </td>
                  <td>{c.phone ?? '—'}</td>
                  <td>{c.email ?? '—'}</td>
                  <td>{c.sms_opt_out ? 'Opted out' : 'Allowed'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {loading ? <Loading what="Loading customers" /> : null}
      {cursor && !loading ? (
        <button type="button" className="button-secondary" onClick={() => void load(cursor, true)}>
          Load more
        </button>
      ) : null}
    </section>
  );
}
