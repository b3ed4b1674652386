import type { SmsMessage } from '../api/types';
import { SMS_DIRECTIONS, SMS_STATUS_LABELS, SMS_STATUSES } from '../api/types';
import { withdrawnReason } from '../domain/consent';
import { Badge } from '../components/Badge';
import { type Column } from '../components/DataTable';
import { PagedTable, type PagedTableTexts } from '../components/PagedTable';
import { formatDateTime, humanize } from '../format';
import { useCursorPages } from '../hooks/useCursorPages';
import { Link, useLocation } from '../router/router';
import { formatPhone } from '../phone';
import { replaceQueryParam } from '../router/queryParams';
import { FilterSelect } from '../components/FilterSelect';

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

const BY_STATUS = SMS_STATUSES.map((s) => ({ value: s, label: SMS_STATUS_LABELS[s] }));
const BY_WAY = SMS_DIRECTIONS.map((d) => ({
  value: d,
  label: d === 'inbound' ? 'Received' : 'Sent',
}));

const TEXTS: PagedTableTexts = {
  caption: 'Text messages, newest first',
  empty: 'No messages match these filters.',
  loading: 'Loading messages',
  more: 'Load older',
};

export function MessagesPage() {
  const { query } = useLocation();
  const status = query.get('status') ?? '';
  const direction = query.get('direction') ?? '';
  const list = useCursorPages<SmsMessage>(
    '/messages',
    { status: status || undefined, direction: direction || undefined },
    { pageSize: PAGE_SIZE, keyOf: (m) => m.id },
  );

  const filter = (name: string) => ({
    value: query.get(name) ?? '',
    onChange: (e: { target: { value: string } }) =>
      replaceQueryParam('/messages', name, e.target.value),
  });

  return (
    <section>
      <h1>Messages</h1>
      <form
        className="filters"
        role="search"
        aria-label="Filter messages"
        onSubmit={(e) => e.preventDefault()}
      >
        <FilterSelect label="Status" any="Any status" {...filter('status')} options={BY_STATUS} />
        <FilterSelect label="Direction" any="Both" {...filter('direction')} options={BY_WAY} />
      </form>
      <PagedTable list={list} columns={COLUMNS} rowKey={(m) => m.id} texts={TEXTS} />
    </section>
  );
}
