import { useEffect, useState } from 'react';
import type { WorkOrder } from '../api/types';
import { PRIORITIES, WO_STATUSES } from '../api/types';
import { can } from '../auth/permissions';
import { useMe } from '../auth/session';
import { Badge, ConfirmedBadge } from '../components/Badge';
import { DataTable, type Column } from '../components/DataTable';
import { ErrorMessage } from '../components/ErrorMessage';
import { SelectField, TextField } from '../components/Field';
import { Empty, Loading } from '../components/States';
import { formatDateTime, humanize } from '../format';
import { useAssignees } from '../hooks/useAssignees';
import { useCursorPages } from '../hooks/useCursorPages';
import { Link, navigate, useLocation } from '../router/router';

// Filters live in the URL (shareable, survive reload) and are all applied by
// the server: status, assignee, priority and the text search (q: title or
// description, or the number "1042" / "WO-1042"), so "Load more" pages
// through the matching work orders, not just the ones loaded so far.

const PAGE_SIZE = 50;
/** The server reads at most 100 characters of q. */
const MAX_SEARCH = 100;
const SEARCH_DELAY_MS = 300;

export function WorkOrdersPage() {
  const me = useMe();
  const { query } = useLocation();
  const status = query.get('status') ?? '';
  const assignee = query.get('assignee_id') ?? '';
  const priority = query.get('priority') ?? '';
  const search = (query.get('q') ?? '').trim().slice(0, MAX_SEARCH);
  const { people, nameOf } = useAssignees();

  const list = useCursorPages<WorkOrder>(
    '/work-orders',
    { status, assignee_id: assignee, priority, q: search },
    { pageSize: PAGE_SIZE },
  );
  // What is typed in the search box; it reaches the URL (and the server)
  // once typing pauses, not on every key.
  const [draft, setDraft] = useState(query.get('q') ?? '');
  // Back/forward or a link changed q: show it in the box (adjusted while
  // rendering, as React advises for state that follows a changed input).
  const [shownSearch, setShownSearch] = useState(search);
  if (shownSearch !== search) {
    setShownSearch(search);
    setDraft((d) => (d.trim() === search ? d : search));
  }
  useEffect(() => {
    const wanted = draft.trim();
    if (wanted === search) return;
    const timer = window.setTimeout(() => setFilter('q', wanted), SEARCH_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [draft, search]);

  const columns: Column<WorkOrder>[] = [
    {
      header: 'Number',
      className: 'nowrap',
      cell: (w) => <Link to={`/work-orders/${w.id}`}>{w.number}</Link>,
    },
    { header: 'Title', cell: (w) => w.title },
    {
      header: 'Customer',
      cell: (w) => w.customer_name ?? (w.customer_id ? `#${w.customer_id}` : '—'),
    },
    {
      header: 'Status',
      cell: (w) => (
        <>
          <Badge kind="status" value={w.status} /> <ConfirmedBadge at={w.customer_confirmed_at} />
        </>
      ),
    },
    { header: 'Priority', cell: (w) => <Badge kind="priority" value={w.priority} /> },
    {
      header: 'Assignee',
      cell: (w) => (w.assignee_id ? (w.assignee_name ?? nameOf(w.assignee_id)) : 'Unassigned'),
    },
    { header: 'Scheduled', cell: (w) => formatDateTime(w.scheduled_start) },
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
      <form
        className="filters"
        role="search"
        aria-label="Filter work orders"
        onSubmit={(e) => e.preventDefault()}
      >
        <SelectField
          label="Status"
          value={status}
          onChange={(e) => setFilter('status', e.target.value)}
          options={[
            { value: '', label: 'Any status' },
            ...WO_STATUSES.map((s) => ({ value: s, label: humanize(s) })),
          ]}
        />
        <SelectField
          label="Priority"
          value={priority}
          onChange={(e) => setFilter('priority', e.target.value)}
          options={[
            { value: '', label: 'Any priority' },
            ...PRIORITIES.map((p) => ({ value: p, label: humanize(p) })),
          ]}
        />
        {me.role !== 'technician' ? (
          <SelectField
            label="Assignee"
            value={assignee}
            onChange={(e) => setFilter('assignee_id', e.target.value)}
            options={[
              { value: '', label: 'Anyone' },
              ...people.map((p) => ({ value: String(p.id), label: p.name })),
            ]}
          />
        ) : null}
        <TextField
          label="Search"
          type="search"
          value={draft}
          maxLength={MAX_SEARCH}
          placeholder="Number, title or description"
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') setFilter('q', draft.trim());
          }}
        />
      </form>
      <ErrorMessage error={list.error} />
      {list.items.length === 0 && !list.loading ? (
        <Empty>No work orders match these filters.</Empty>
      ) : null}
      {list.items.length > 0 ? (
        <DataTable caption="Work orders" columns={columns} rows={list.items} rowKey={(w) => w.id} />
      ) : null}
      {list.loading ? <Loading what="Loading work orders" /> : null}
      {list.cursor && !list.loading ? (
        <button type="button" className="button-secondary" onClick={list.loadMore}>
          Load more
        </button>
      ) : null}
    </section>
  );
}

/** Filters live in the URL: set one (an empty value removes it). */
function setFilter(name: string, value: string) {
  const next = new URLSearchParams(window.location.search);
  if (value) next.set(name, value);
  else next.delete(name);
  const qs = next.toString();
  navigate(qs ? `/work-orders?${qs}` : '/work-orders', { replace: true });
}
