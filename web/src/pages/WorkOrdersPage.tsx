import type { WorkOrder } from '../api/types';
import { can } from '../auth/permissions';
import { useMe } from '../auth/session';
import { Badge, ConfirmedBadge } from '../components/Badge';
import type { Column } from '../components/DataTable';
import { ErrorMessage } from '../components/ErrorMessage';
import { PagedTable } from '../components/PagedTable';
import { Empty, Loading } from '../components/States';
import { formatDateTime } from '../format';
import { useAssignees } from '../hooks/useAssignees';
import { useCursorPages } from '../hooks/useCursorPages';
import { useNarrow } from '../hooks/useNarrow';
import { Link, useLocation } from '../router/router';
import { DueCell } from './work-orders-list/DueCell';
import { WorkOrderCards } from './work-orders-list/WorkOrderCards';
import { WorkOrderFilters } from './work-orders-list/WorkOrderFilters';
import {
  currentSort,
  FIRST_ORDER,
  setListParams,
  type SortKey,
  type SortOrder,
} from './work-orders-list/listQuery';

// Every filter and the sort live in the URL and are applied by the server
// (listQuery.ts), so "Load more" pages through the matching work orders in
// the chosen order, and a dashboard card can link to a filtered list.

const PAGE_SIZE = 50;
const FILTERS = [
  'status',
  'assignee_id',
  'priority',
  'q',
  'overdue',
  'due_after',
  'due_before',
  'customer_id',
  'site_id',
  'asset_id',
];

export function WorkOrdersPage() {
  const me = useMe();
  const { query } = useLocation();
  const narrow = useNarrow();
  const { nameOf } = useAssignees();
  // A technician on a phone gets cards, upcoming first unless they chose a sort.
  const cards = narrow && me.role === 'technician';
  const chosen = currentSort(query);
  const sort: { key?: SortKey; order: SortOrder } =
    cards && !chosen.key ? { key: 'scheduled', order: 'asc' } : chosen;
  const filters = Object.fromEntries(FILTERS.map((f) => [f, query.get(f) ?? undefined]));
  const list = useCursorPages<WorkOrder>(
    '/work-orders',
    {
      ...filters,
      q: filters.q?.trim().slice(0, 100),
      sort: sort.key,
      order: sort.key && sort.order,
    },
    { pageSize: PAGE_SIZE },
  );
  const anyFilter = FILTERS.some((f) => query.get(f));

  const sortBy = (key: SortKey) => ({
    state:
      sort.key !== key
        ? ('none' as const)
        : sort.order === 'asc'
          ? ('ascending' as const)
          : ('descending' as const),
    onSort: () => {
      const order = sort.key === key ? (sort.order === 'asc' ? 'desc' : 'asc') : FIRST_ORDER[key];
      setListParams({ sort: key, order });
    },
  });

  const columns: Column<WorkOrder>[] = [
    {
      header: 'Number',
      className: 'nowrap',
      sort: sortBy('number'),
      cell: (w) => <Link to={`/work-orders/${w.id}`}>{w.number}</Link>,
    },
    { header: 'Title', cell: (w) => w.title },
    { header: 'Customer', cell: (w) => w.customer_name ?? '—' },
    {
      header: 'Status',
      sort: sortBy('status'),
      cell: (w) => (
        <>
          <Badge kind="status" value={w.status} /> <ConfirmedBadge at={w.customer_confirmed_at} />
        </>
      ),
    },
    {
      header: 'Priority',
      sort: sortBy('priority'),
      cell: (w) => <Badge kind="priority" value={w.priority} />,
    },
    {
      header: 'Assignee',
      cell: (w) => (w.assignee_id ? (w.assignee_name ?? nameOf(w.assignee_id)) : 'Unassigned'),
    },
    {
      header: 'Scheduled',
      sort: sortBy('scheduled'),
      cell: (w) => formatDateTime(w.scheduled_start),
    },
    { header: 'Due', sort: sortBy('due'), cell: (w) => <DueCell w={w} /> },
    { header: 'Created', sort: sortBy('created'), cell: (w) => formatDateTime(w.created_at) },
  ];

  return (
    <section>
      <div className="page-head">
        <h1>Work orders</h1>
        <div className="actions">
          <Link className="button button-secondary" to="/work-orders/board">
            Board view
          </Link>
          {can(me, 'work_orders.assign') ? (
            <Link className="button button-primary" to="/work-orders/new">
              New work order
            </Link>
          ) : null}
        </div>
      </div>
      <WorkOrderFilters compact={narrow} />
      {anyFilter ? (
        <p>
          <button
            type="button"
            className="button-secondary"
            onClick={() => setListParams(Object.fromEntries(FILTERS.map((f) => [f, ''])))}
          >
            Clear filters
          </button>
        </p>
      ) : null}
      {cards ? (
        <>
          <ErrorMessage error={list.error} />
          {list.items.length === 0 && !list.loading && list.error === undefined ? (
            <Empty>No work orders match these filters.</Empty>
          ) : null}
          {list.items.length > 0 ? <WorkOrderCards items={list.items} /> : null}
          {list.loading ? <Loading what="Loading work orders" /> : null}
          {list.cursor && !list.loading ? (
            <button type="button" className="button-secondary" onClick={list.loadMore}>
              Load more
            </button>
          ) : null}
        </>
      ) : (
        <PagedTable
          list={list}
          columns={columns}
          rowKey={(w) => w.id}
          texts={{
            caption: 'Work orders',
            empty: 'No work orders match these filters.',
            loading: 'Loading work orders',
          }}
        />
      )}
    </section>
  );
}
