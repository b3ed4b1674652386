import { useEffect, useState } from 'react';
import { api } from '../api/client';
import type { Page, WorkOrder } from '../api/types';
import { PRIORITIES, WO_STATUSES } from '../api/types';
import { can } from '../auth/permissions';
import { useMe } from '../auth/session';
import { Badge } from '../components/Badge';
import { ErrorMessage } from '../components/ErrorMessage';
import { SelectField, TextField } from '../components/Field';
import { Empty, Loading } from '../components/States';
import { formatDateTime, humanize } from '../format';
import { useAssignees } from '../hooks/useAssignees';
import { Link, navigate, useLocation } from '../router/router';

// Filters live in the URL (shareable, survive reload). Status and assignee
// are filtered by the server; priority and the text search apply to the
// rows loaded so far, because the list endpoint has no such parameters yet.

const PAGE_SIZE = 50;

export function WorkOrdersPage() {
  const me = useMe();
  const { query } = useLocation();
  const status = query.get('status') ?? '';
  const assignee = query.get('assignee_id') ?? '';
  const priority = query.get('priority') ?? '';
  const search = query.get('q') ?? '';
  const { people, nameOf } = useAssignees();

  const [rows, setRows] = useState<WorkOrder[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(undefined);

  const load = async (after: string | null, append: boolean, signal?: AbortSignal) => {
    setLoading(true);
    setError(undefined);
    try {
      const page = await api.get<Page<WorkOrder>>('/work-orders', { status, assignee_id: assignee, limit: PAGE_SIZE, cursor: after }, signal);
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
  }, [status, assignee]);

  const setFilter = (name: string, value: string) => {
    const next = new URLSearchParams(query);
    if (value) next.set(name, value);
    else next.delete(name);
    const qs = next.toString();
    navigate(qs ? `/work-orders?${qs}` : '/work-orders', { replace: true });
  };

  const needle = search.trim().toLowerCase();
  const visible = rows.filter(
    (w) => (!priority || w.priority === priority) && (!needle || w.title.toLowerCase().includes(needle) || w.number.toLowerCase().includes(needle) || w.description.toLowerCase().includes(needle)),
  );

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
      <form className="filters" role="search" aria-label="Filter work orders" onSubmit={(e) => e.preventDefault()}>
        <SelectField label="Status" value={status} onChange={(e) => setFilter('status', e.target.value)} options={[{ value: '', label: 'Any status' }, ...WO_STATUSES.map((s) => ({ value: s, label: humanize(s) }))]} />
        <SelectField label="Priority" value={priority} onChange={(e) => setFilter('priority', e.target.value)} options={[{ value: '', label: 'Any priority' }, ...PRIORITIES.map((p) => ({ value: p, label: humanize(p) }))]} />
        {me.role !== 'technician' ? (
          <SelectField label="Assignee" value={assignee} onChange={(e) => setFilter('assignee_id', e.target.value)} options={[{ value: '', label: 'Anyone' }, ...people.map((p) => ({ value: String(p.id), label: p.name }))]} />
        ) : null}
        <TextField label="Search" type="search" value={search} placeholder="Number, title or description" onChange={(e) => setFilter('q', e.target.value)} />
      </form>
      {priority || needle ? <p className="hint">Priority and search filter the {rows.length} work orders loaded so far.</p> : null}
      <ErrorMessage error={error} />
      {visible.length === 0 && !loading ? <Empty>No work orders match these filters.</Empty> : null}
      {visible.length > 0 ? (
        <div className="table-wrap">
          <table className="data-table">
            <caption className="visually-hidden">Work orders</caption>
            <thead>
              <tr>
                <th scope="col">Number</th>
                <th scope="col">Title</th>
                <th scope="col">Status</th>
                <th scope="col">Priority</th>
                <th scope="col">Assignee</th>
                <th scope="col">Scheduled</th>
              </tr>
            </thead>
            <tbody>
              {visible.map((w) => (
                <tr key={w.id}>
                  <td>
                    <Link to={`/work-orders/${w.id}`}>{w.number}</Link>
                  </td>
                  <td>{w.title}</td>
                  <td>
                    <Badge kind="status" value={w.status} />
                  </td>
                  <td>
                    <Badge kind="priority" value={w.priority} />
                  </td>
                  <td>{nameOf(w.assignee_id)}</td>
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
