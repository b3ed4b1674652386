import type { WorkOrder } from '../../api/types';
import { formatDateTime } from '../../format';
import { isOverdue } from './listQuery';

/** When a work order is due, in the organization's zone; overdue says so in words, not only colour. */
export function DueCell({ w }: { w: WorkOrder }) {
  if (!w.due_at) return <>—</>;
  if (!isOverdue(w)) return <>{formatDateTime(w.due_at)}</>;
  return (
    <span className="due-overdue">
      <strong>Overdue</strong> · {formatDateTime(w.due_at)}
    </span>
  );
}
