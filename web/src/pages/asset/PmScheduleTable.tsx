import { Fragment, useState } from 'react';
import type { PmSchedule } from '../../api/types';
import { Badge } from '../../components/Badge';
import { formatDateTime } from '../../format';
import { Link } from '../../router/router';
import { PmScheduleForm } from './PmScheduleForm';

function estimate(minutes: number | null | undefined): string {
  if (!minutes) return '—';
  return minutes >= 60 ? `${Math.floor(minutes / 60)} h ${minutes % 60} min` : `${minutes} min`;
}

export function PmScheduleTable({
  schedules,
  canEdit = false,
  onChanged,
}: {
  schedules: PmSchedule[];
  canEdit?: boolean;
  onChanged?: () => void;
}) {
  const [editing, setEditing] = useState<number | null>(null);
  if (schedules.length === 0) return <p className="empty">No preventive-maintenance schedules.</p>;
  const columns = canEdit ? 10 : 9;
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
            <th scope="col">Checklist</th>
            <th scope="col">Estimate</th>
            <th scope="col">Active</th>
            {canEdit ? <th scope="col">Change</th> : null}
          </tr>
        </thead>
        <tbody>
          {schedules.map((s) => (
            <Fragment key={s.id}>
              <tr>
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
                <td>{s.assignee_name ?? 'Unassigned'}</td>
                <td>{s.checklist_template_name ?? '—'}</td>
                <td>{estimate(s.estimated_minutes)}</td>
                <td>{s.active ? 'Yes' : 'Paused'}</td>
                {canEdit ? (
                  <td>
                    <button
                      type="button"
                      className="button-secondary"
                      aria-expanded={editing === s.id}
                      onClick={() => setEditing(editing === s.id ? null : s.id)}
                    >
                      {editing === s.id ? 'Close' : 'Edit'}
                    </button>
                  </td>
                ) : null}
              </tr>
              {canEdit && editing === s.id ? (
                <tr>
                  <td colSpan={columns}>
                    <PmScheduleForm
                      schedule={s}
                      onSaved={() => {
                        setEditing(null);
                        onChanged?.();
                      }}
                    />
                  </td>
                </tr>
              ) : null}
            </Fragment>
          ))}
        </tbody>
      </table>
    </div>
  );
}
