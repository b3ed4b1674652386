import { useState } from 'react';
import type { Invoice } from '../api/types';
import { INVOICE_STATUSES } from '../api/types';
import { Badge } from '../components/Badge';
import { type Column } from '../components/DataTable';
import { PagedTable, type PagedTableTexts } from '../components/PagedTable';
import { SelectField } from '../components/Field';
import { formatDateTime, formatMoney, humanize } from '../format';
import { useCursorPages } from '../hooks/useCursorPages';
import { Link } from '../router/router';

const COLUMNS: Column<Invoice>[] = [
  { header: 'Number', cell: (i) => <Link to={`/invoices/${i.id}`}>{i.number}</Link> },
  { header: 'Status', cell: (i) => <Badge kind="invoice" value={i.status} /> },
  { header: 'Total', className: 'num', cell: (i) => formatMoney(i.total_cents, i.currency) },
  {
    header: 'Work order',
    cell: (i) => (
      <Link to={`/work-orders/${i.work_order_id}`}>{i.work_order_number || 'Work order'}</Link>
    ),
  },
  {
    header: 'Customer',
    cell: (i) =>
      i.customer_id ? (
        <Link to={`/customers/${i.customer_id}`}>{i.customer_name ?? 'Customer'}</Link>
      ) : (
        '—'
      ),
  },
  { header: 'Created', cell: (i) => formatDateTime(i.created_at) },
];

const TEXTS: PagedTableTexts = {
  caption: 'Invoices',
  empty: 'No invoices yet. Invoice a completed work order from its page.',
  loading: 'Loading invoices',
};

export function InvoicesPage() {
  const [status, setStatus] = useState('');
  const list = useCursorPages<Invoice>('/invoices', { status }, { pageSize: 50 });

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
      <PagedTable list={list} columns={COLUMNS} rowKey={(i) => i.id} texts={TEXTS} />
    </section>
  );
}
