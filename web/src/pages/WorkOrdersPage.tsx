import { useEffect, useState } from 'react';
import { api } from '../api/client';
import type { Page, WorkOrder } from '../api/types';
import { PRIORITIES, WO_STATUSES } from '../api/types';
import { can } from '../auth/permissions';
import { useMe } from '../auth/session';
import { Badge, ConfirmedBadge } from '../components/Badge';
import { ErrorMessage } from '../components/ErrorMessage';
import { SelectField, TextField } from '../components/Field';
import { Empty, Loading } from '../components/States';
import { formatDateTime, humanize } from '../format';
import { useAssignees } from '../hooks/useAssignees';
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

  const [rows, setRows] = useState<WorkOrder[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(undefined);
  // What is typed in the search box; it reaches the URL (and the server)
  // once typing pauses, not on every key.
  const [draft, setDraft] = useState(query.get('q') ?? '');

  const load = async (after: string | null, append: boolean, signal?: AbortSignal) => {
    setLoading(true);
    setError(undefined);
    try {
      const page = await api.get<Page<WorkOrder>>(
        '/work-orders',
        { status, assignee_id: assignee, priority, q: search, limit: PAGE_SIZE, cursor: after },
        signal,
      );
      if (signal?.aborted) return;
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
  }, [status, assignee, priority, search]);

  const setFilter = (name: string, value: string) => {
    const next = new URLSearchParams(window.location.search);
    if (value) next.set(name, value);
    else next.delete(name);
    const qs = next.toString();
    navigate(qs ? `/work-orders?${qs}` : '/work-orders', { replace: true });
  };

  // Back/forward or a link changed q: show it in the box.
  useEffect(() => {
    setDraft((d) => (d.trim() === search ? d : search));
  }, [search]);
  useEffect(() => {
    const wanted = draft.trim();
    if (wanted === search) return;
    const timer = window.setTimeout(() => setFilter('q', wanted), SEARCH_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [draft]);

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
      <ErrorMessage error={error} />
      {rows.length === 0 && !loading ? <Empty>No work orders match these filters.</Empty> : null}
      {rows.length > 0 ? (
        <div className="table-wrap">
          <table className="data-table">
            <caption className="visually-hidden">Work orders</caption>
            <thead>
              <tr>
                <th scope="col">Number</th>
                <th scope="col">Title</th>
                <th scope="col">Customer</th>
                <th scope="col">Status</th>
                <th scope="col">Priority</th>
                <th scope="col">Assignee</th>
                <th scope="col">Scheduled</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((w) => (
                <tr key={w.id}>
                  <td className="nowrap">
                    <Link to={`/work-orders/${w.id}`}>{w.number}</Link>
                  </td>
                  <td>{w.title}</td>
                  <td>{w.customer_name ?? (w.customer_id ? `#${w.customer_id}` : '—')}</td>
                  <td>
                    <Badge kind="status" value={w.status} />{' '}
                    <ConfirmedBadge at={w.customer_confirmed_at} />
                  </td>
                  <td>
                    <Badge kind="priority" value={w.priority} />
                  </td>
                  <td>
                    {w.assignee_id ? (w.assignee_name ?? nameOf(w.assignee_id)) : 'Unassigned'}
                  </td>
                  <td>{formatDateTime(w.scheduled_start)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {loading ? <Loading what="Loading work orders" /> : null}
      {cursor && !loading ? (
        <button type="button" className="button-secondary" onClick={() => void load(cursor, true)}>
          Load more
        </button>
      ) : null}
    </section>
  );
}
