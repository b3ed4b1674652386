import { useState } from 'react';
import type { Invoice } from '../api/types';
import { INVOICE_STATUSES } from '../api/types';
import { Badge } from '../components/Badge';
import { DataTable, type Column } from '../components/DataTable';
import { ErrorMessage } from '../components/ErrorMessage';
import { SelectField } from '../components/Field';
import { Empty, Loading } from '../components/States';
import { formatDateTime, formatMoney, humanize } from '../format';
import { useCursorPages } from '../hooks/useCursorPages';
import { Link } from '../router/router';

const COLUMNS: Column<Invoice>[] = [
  { header: 'Number', cell: (i) => <Link to={`/invoices/${i.id}`}>{i.number}</Link> },
  { header: 'Status', cell: (i) => <Badge kind="invoice" value={i.status} /> },
  { header: 'Total', className: 'num', cell: (i) => formatMoney(i.total_cents, i.currency) },
  {
    header: 'Work order',
    cell: (i) => <Link to={`/work-orders/${i.work_order_id}`}>#{i.work_order_id}</Link>,
  },
  { header: 'Created', cell: (i) => formatDateTime(i.created_at) },
];

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
      <ErrorMessage error={list.error} />
      {list.items.length === 0 && !list.loading ? (
        <Empty>No invoices yet. Invoice a completed work order from its page.</Empty>
      ) : null}
      {list.items.length > 0 ? (
        <DataTable caption="Invoices" columns={COLUMNS} rows={list.items} rowKey={(i) => i.id} />
      ) : null}
      {list.loading ? <Loading what="Loading invoices" /> : null}
      {list.cursor && !list.loading ? (
        <button type="button" className="button-secondary" onClick={list.loadMore}>
          Load more
        </button>
      ) : null}
    </section>
  );
}
