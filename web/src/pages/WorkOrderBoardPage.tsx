import { api } from '../api/client';
import type { Page, WoStatus, WorkOrder } from '../api/types';
import { WO_STATUSES } from '../api/types';
import { Badge, ConfirmedBadge } from '../components/Badge';
import { LoadState } from '../components/States';
import { formatDateTime, humanize } from '../format';
import { useApi } from '../hooks/useApi';
import { useAssignees } from '../hooks/useAssignees';
import { Link } from '../router/router';

// One column per status, each with that status's newest work orders (one
// request per column, so a busy column does not crowd out the others).
const PER_COLUMN = 25;

type Columns = { status: WoStatus; page: Page<WorkOrder> }[];

export function WorkOrderBoardPage() {
  const board = useApi<Columns>(
    (signal) =>
      Promise.all(
        WO_STATUSES.map(async (status) => ({
          status,
          page: await api.get<Page<WorkOrder>>(
            '/work-orders',
            { status, limit: PER_COLUMN },
            signal,
          ),
        })),
      ),
    [],
  );
  const { nameOf } = useAssignees();
  return (
    <section>
      <div className="page-head">
        <h1>Work order board</h1>
        <div className="actions">
          <Link className="button button-secondary" to="/work-orders">
            List view
          </Link>
        </div>
      </div>
      <LoadState loaded={board} what="Loading the board">
        {(columns) => (
          <div className="board">
            {columns.map(({ status, page }) => (
              <section key={status} className="board-column" aria-labelledby={`col-${status}`}>
                <h2 id={`col-${status}`}>
                  {humanize(status)}{' '}
                  <span className="count">
                    ({page.items.length}
                    {page.next_cursor ? '+' : ''})
                  </span>
                </h2>
                {page.items.length === 0 ? <p className="empty">None</p> : null}
                <ul>
                  {page.items.map((w) => (
                    <li key={w.id} className="board-card">
                      <Link to={`/work-orders/${w.id}`}>
                        {w.number} · {w.title}
                      </Link>
                      <span className="board-meta">
                        <Badge kind="priority" value={w.priority} />{' '}
                        {w.assignee_id ? (w.assignee_name ?? nameOf(w.assignee_id)) : 'Unassigned'}
                      </span>
                      {w.customer_name ? (
                        <span className="board-meta">{w.customer_name}</span>
                      ) : null}
                      {w.scheduled_start ? (
                        <span className="board-meta">{formatDateTime(w.scheduled_start)}</span>
                      ) : null}
                      {w.customer_confirmed_at ? (
                        <span className="board-meta">
                          <ConfirmedBadge at={w.customer_confirmed_at} />
                        </span>
                      ) : null}
                    </li>
                  ))}
                </ul>
                {page.next_cursor ? (
                  <Link to={`/work-orders?status=${status}`}>
                    See all {humanize(status).toLowerCase()}
                  </Link>
                ) : null}
              </section>
            ))}
          </div>
        )}
      </LoadState>
    </section>
  );
}
