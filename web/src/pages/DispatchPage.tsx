import { useState } from 'react';
import { api } from '../api/client';
import type { DispatchWeek, ScheduledItem } from '../api/types';
import { Badge, ConfirmedBadge } from '../components/Badge';
import { LoadState } from '../components/States';
import { formatTime } from '../format';
import { useApi } from '../hooks/useApi';
import { Link } from '../router/router';
import { formatDay, orgTimeZone, zonedDate } from '../time';
import { ScheduleForm } from './dispatch/ScheduleForm';

// The dispatcher's week: one row per technician, one column per day (the
// organization's local days, as the server plans them), and the unplanned
// work to schedule.

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function DispatchPage() {
  const [start, setStart] = useState<string | null>(null);
  const week = useApi(
    (signal) => api.get<DispatchWeek>('/dispatch/week', { start }, signal),
    [start],
  );
  return (
    <section>
      <h1>Dispatch</h1>
      <LoadState loaded={week} what="Loading the week">
        {(w) => (
          <>
            <div className="week-nav">
              <button
                type="button"
                className="button-secondary"
                onClick={() => setStart(addDays(w.start, -7))}
              >
                Previous week
              </button>
              <h2 className="week-title">Week of {w.start}</h2>
              <button
                type="button"
                className="button-secondary"
                onClick={() => setStart(addDays(w.start, 7))}
              >
                Next week
              </button>
            </div>
            {w.truncated ? (
              <p className="hint">
                This week has more work than shown; filter by technician to see all.
              </p>
            ) : null}
            <WeekGrid week={w} />
            <ScheduleForm key={w.start} week={w} onScheduled={week.reload} />
            <Unplanned items={w.unplanned} />
          </>
        )}
      </LoadState>
    </section>
  );
}

function WeekGrid({ week }: { week: DispatchWeek }) {
  const cell = (techId: number | null, day: string) =>
    week.items.filter(
      (i) =>
        (i.assignee_id ?? null) === techId &&
        !!i.scheduled_start &&
        zonedDate(i.scheduled_start) === day,
    );
  const rows: { id: number | null; name: string }[] = [
    ...week.technicians,
    { id: null, name: 'Unassigned' },
  ];
  return (
    <div className="table-wrap">
      <table className="week-grid">
        <caption>Scheduled work by technician and day ({orgTimeZone()} time)</caption>
        <thead>
          <tr>
            <th scope="col">Technician</th>
            {week.days.map((d) => (
              <th scope="col" key={d}>
                {formatDay(d)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((t) => (
            <tr key={t.id ?? 'none'}>
              <th scope="row">{t.name}</th>
              {week.days.map((d) => (
                <td key={d}>
                  <ul className="cell-list">
                    {cell(t.id, d).map((item) => (
                      <li key={item.id} className={`slot slot-${item.priority}`}>
                        <Link to={`/work-orders/${item.id}`}>
                          {formatTime(item.scheduled_start)} {item.number}
                        </Link>
                        <span className="slot-title">{item.title}</span>
                        <ConfirmedBadge at={item.customer_confirmed_at} />
                      </li>
                    ))}
                  </ul>
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Unplanned({ items }: { items: ScheduledItem[] }) {
  return (
    <section className="panel" aria-labelledby="unplanned-h">
      <h2 id="unplanned-h">Unplanned work ({items.length})</h2>
      {items.length === 0 ? <p className="empty">Everything is planned.</p> : null}
      <ul className="plain-list">
        {items.map((i) => (
          <li key={i.id}>
            <Link to={`/work-orders/${i.id}`}>{i.number}</Link> {i.title}{' '}
            <Badge kind="priority" value={i.priority} />
            {i.customer_name ? ` · ${i.customer_name}` : ''}
            {i.due_at ? ` · due ${i.due_at.slice(0, 10)}` : ''}
          </li>
        ))}
      </ul>
    </section>
  );
}
