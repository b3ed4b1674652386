import type { WorkOrder } from '../../api/types';
import { Badge } from '../../components/Badge';
import { formatDateTime } from '../../format';
import { Link } from '../../router/router';
import { DueCell } from './DueCell';

/**
 * A technician's work orders on a phone: one card per job, in the list's
 * order (upcoming first unless sorted otherwise), each card one large link
 * to the job with when, where and what in words a glance can read.
 */
export function WorkOrderCards({ items }: { items: WorkOrder[] }) {
  return (
    <ul className="wo-cards" aria-label="Work orders">
      {items.map((w) => (
        <li key={w.id} className="wo-card">
          <Link to={`/work-orders/${w.id}`} className="wo-card-link">
            <span className="wo-card-title">
              {w.number} · {w.title}
            </span>
            <span>{w.customer_name ?? 'No customer'}</span>
            <span>
              {w.scheduled_start
                ? `Scheduled ${formatDateTime(w.scheduled_start)}`
                : 'Not scheduled'}
            </span>
            {w.due_at ? (
              <span>
                Due <DueCell w={w} />
              </span>
            ) : null}
            <span>
              <Badge kind="status" value={w.status} /> <Badge kind="priority" value={w.priority} />
            </span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
