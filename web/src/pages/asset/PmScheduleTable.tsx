import type { PmSchedule } from '../../api/types';
import { Badge } from '../../components/Badge';
import { formatDateTime } from '../../format';
import { Link } from '../../router/router';

export function PmScheduleTable({
  schedules,
  nameOf,
}: {
  schedules: PmSchedule[];
  nameOf: (id: number | null) => string;
}) {
  if (schedules.length === 0) return <p className="empty">No preventive-maintenance schedules.</p>;
  return (
    <div className="table-wrap">
      <table className="data-table">
        <caption className="visually-hidden">Preventive-maintenance schedules</caption>
        <thead>
          <tr>
            <th scope="col">Title</th>
            <th scope="col">Asset</th>
            <th scope="col">Every</th>
            <th scope="col">Next due</th>
            <th scope="col">Priority</th>
            <th scope="col">Assignee</th>
            <th scope="col">Active</th>
          </tr>
        </thead>
        <tbody>
          {schedules.map((s) => (
            <tr key={s.id}>
              <td>{s.title}</td>
              <td>
                {s.asset_id ? (
                  <Link to={`/assets/${s.asset_id}`}>{s.asset_name ?? 'Asset'}</Link>
                ) : (
                  (s.site_name ?? 'Whole site')
                )}
              </td>
              <td>
                {s.interval_unit === 'meter'
                  ? `${s.interval_value} ${s.meter_kind ?? ''}`
                  : `${s.interval_value} ${s.interval_unit}`}
              </td>
              <td>
                {s.interval_unit === 'meter'
                  ? `at ${s.next_meter_value ?? '—'} ${s.meter_kind ?? ''}`
                  : formatDateTime(s.next_due_at)}
              </td>
              <td>
                <Badge kind="priority" value={s.priority} />
              </td>
              <td>{nameOf(s.assignee_id)}</td>
              <td>{s.active ? 'Yes' : 'No'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
