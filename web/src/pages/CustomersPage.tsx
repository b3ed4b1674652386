import { useState } from 'react';
import { api } from '../api/client';
import type { Customer } from '../api/types';
import { can } from '../auth/permissions';
import { useMe } from '../auth/session';
import { DataTable, type Column } from '../components/DataTable';
import { ErrorMessage } from '../components/ErrorMessage';
import { TextField } from '../components/Field';
import { Empty, Loading } from '../components/States';
import { useCursorPages } from '../hooks/useCursorPages';
import { Link, navigate, useLocation } from '../router/router';
import { CustomerForm } from './customer/CustomerForm';
import { formatPhone } from '../phone';

const COLUMNS: Column<Customer>[] = [
  { header: 'Name', cell: (c) => <Link to={`/customers/${c.id}`}>{c.name}</Link> },
  { header: 'Phone', cell: (c) => formatPhone(c.phone) },
  { header: 'Email', cell: (c) => c.email ?? '—' },
  { header: 'SMS', cell: (c) => (c.sms_opt_out ? 'Opted out' : 'Allowed') },
];

export function CustomersPage() {
  const me = useMe();
  const { query } = useLocation();
  const q = query.get('q') ?? '';
  // A short pause after typing, so the search does not send a request per key.
  const list = useCursorPages<Customer>('/customers', { q }, { pageSize: 50, debounceMs: 200 });
  const [creating, setCreating] = useState(false);

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
      <ErrorMessage error={list.error} />
      {list.items.length === 0 && !list.loading ? <Empty>No customers found.</Empty> : null}
      {list.items.length > 0 ? (
        <DataTable caption="Customers" columns={COLUMNS} rows={list.items} rowKey={(c) => c.id} />
      ) : null}
      {list.loading ? <Loading what="Loading customers" /> : null}
      {list.cursor && !list.loading ? (
        <button type="button" className="button-secondary" onClick={list.loadMore}>
          Load more
        </button>
      ) : null}
    </section>
  );
}
