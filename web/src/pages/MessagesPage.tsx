import type { SmsMessage } from '../api/types';
import { SMS_DIRECTIONS, SMS_STATUS_LABELS, SMS_STATUSES } from '../api/types';
import { withdrawnReason } from '../domain/consent';
import { Badge } from '../components/Badge';
import { DataTable, type Column } from '../components/DataTable';
import { ErrorMessage } from '../components/ErrorMessage';
import { SelectField } from '../components/Field';
import { Empty, Loading } from '../components/States';
import { formatDateTime, humanize } from '../format';
import { useCursorPages } from '../hooks/useCursorPages';
import { Link, navigate, useLocation } from '../router/router';
import { formatPhone } from '../phone';

// Every text message of the organization, newest first (dispatchers and
// above): the outbox, with why a queued message has not gone out yet.
// Filters live in the URL and are applied by the server.

const PAGE_SIZE = 50;

const COLUMNS: Column<SmsMessage>[] = [
  { header: 'When', cell: (m) => formatDateTime(m.created_at) },
  { header: 'Direction', cell: (m) => (m.direction === 'inbound' ? 'Received' : 'Sent') },
  {
    header: 'Customer',
    cell: (m) => (
      <>
        {m.customer_id ? (
          <Link to={`/customers/${m.customer_id}`}>{formatPhone(m.phone)}</Link>
        ) : (
          formatPhone(m.phone)
        )}
        {m.work_order_id ? (
          <>
            {' · '}
            <Link to={`/work-orders/${m.work_order_id}`}>work order</Link>
          </>
        ) : null}
      </>
    ),
  },
  { header: 'Kind', cell: (m) => humanize(m.kind) },
  { header: 'Message', className: 'cell-body', cell: (m) => m.body },
  {
    header: 'Status',
    cell: (m) => (
      <>
        <Badge kind="sms" value={m.status} />
        {m.attempts > 1 ? <span className="hint"> ({m.attempts} attempts)</span> : null}
        {m.last_error && (m.status === 'failed' || m.status === 'undelivered') ? (
          <span className="hint block">{m.last_error}</span>
        ) : null}
        {withdrawnReason(m) ? <span className="hint block">{withdrawnReason(m)}</span> : null}
      </>
    ),
  },
  { header: 'Waiting because', cell: (m) => m.waiting_reason ?? '—' },
];

export function MessagesPage() {
  const { query } = useLocation();
  const status = query.get('status') ?? '';
  const direction = query.get('direction') ?? '';
  const list = useCursorPages<SmsMessage>(
    '/messages',
    { status: status || undefined, direction: direction || undefined },
    { pageSize: PAGE_SIZE, keyOf: (m) => m.id },
  );

  const setFilter = (name: string, value: string) => {
    const next = new URLSearchParams(window.location.search);
    if (value) next.set(name, value);
    else next.delete(name);
    const qs = next.toString();
    navigate(qs ? `/messages?${qs}` : '/messages', { replace: true });
  };

  return (
    <section>
      <h1>Messages</h1>
      <form
        className="filters"
        role="search"
        aria-label="Filter messages"
        onSubmit={(e) => e.preventDefault()}
      >
        <SelectField
          label="Status"
          value={status}
          onChange={(e) => setFilter('status', e.target.value)}
          options={[
            { value: '', label: 'Any status' },
            ...SMS_STATUSES.map((s) => ({ value: s, label: SMS_STATUS_LABELS[s] })),
          ]}
        />
        <SelectField
          label="Direction"
          value={direction}
          onChange={(e) => setFilter('direction', e.target.value)}
          options={[
            { value: '', label: 'Both' },
            ...SMS_DIRECTIONS.map((d) => ({
              value: d,
              label: d === 'inbound' ? 'Received' : 'Sent',
            })),
          ]}
        />
      </form>
      <ErrorMessage error={list.error} />
      {list.items.length === 0 && !list.loading && list.error === undefined ? (
        <Empty>No messages match these filters.</Empty>
      ) : null}
      {list.items.length > 0 ? (
        <DataTable
          caption="Text messages, newest first"
          columns={COLUMNS}
          rows={list.items}
          rowKey={(m) => m.id}
        />
      ) : null}
      {list.loading ? <Loading what="Loading messages" /> : null}
      {list.cursor && !list.loading ? (
        <button type="button" className="button-secondary" onClick={list.loadMore}>
          Load older
        </button>
      ) : null}
    </section>
  );
}
