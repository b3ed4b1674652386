import type { DragEvent } from 'react';
import type { DispatchWeek, ScheduledItem } from '../../api/types';
import type { WorkingDay } from '../../api/types.gen';
import { Badge, ConfirmedBadge } from '../../components/Badge';
import { formatTime } from '../../format';
import { Link } from '../../router/router';
import { formatDay, orgTimeZone, zonedDate, zonedTime, zonedToday } from '../../time';
import type { Target } from './schedule';

// The board: technicians as rows, the week's days (or the day's hours) as
// columns. A job card is dragged onto a cell (HTML5 drag and drop) or, from
// the keyboard, scheduled through its "Schedule…" button and the form.
// Status is a colour and a text label, never the colour alone.

export type BoardMode = 'week' | 'day';
const DEFAULT_HOURS = { first: 7, last: 18 }; // 07:00 .. 18:00 when the day is closed

/**
 * The day view's hour columns: the organization's working hours that weekday
 * (an hour either side), widened to every job scheduled that day, so no job
 * sits in a column that is not its own.
 */
export function dayHours(day: string, working: WorkingDay[], items: ScheduledItem[]): number[] {
  const weekday = ((new Date(`${day}T12:00:00Z`).getUTCDay() + 6) % 7) + 1; // ISO: Monday = 1
  const hours = working.find((d) => d.weekday === weekday);
  const hourOf = (hhmm: string) => Number(hhmm.slice(0, 2));
  let first = DEFAULT_HOURS.first;
  let last = DEFAULT_HOURS.last;
  if (hours?.open && hours.start && hours.end) {
    first = Math.max(0, hourOf(hours.start) - 1);
    last = Math.min(23, hourOf(hours.end) + (hours.end.endsWith(':00') ? 0 : 1));
  }
  for (const i of items) {
    if (!i.scheduled_start || zonedDate(i.scheduled_start) !== day) continue;
    const h = Number(zonedTime(i.scheduled_start).slice(0, 2));
    first = Math.min(first, h);
    last = Math.max(last, h);
  }
  return Array.from({ length: last - first + 1 }, (_, i) => i + first);
}

const FINAL = new Set(['completed', 'closed', 'cancelled']);
const pad = (n: number) => String(n).padStart(2, '0');

export function dragStart(e: DragEvent, item: ScheduledItem) {
  e.dataTransfer.setData('text/plain', String(item.id));
  e.dataTransfer.effectAllowed = 'move';
}

export function droppedId(e: DragEvent): number | null {
  const id = Number(e.dataTransfer.getData('text/plain'));
  return Number.isInteger(id) && id > 0 ? id : null;
}

export function JobCard({
  item,
  onPick,
  showTime = true,
}: {
  item: ScheduledItem;
  onPick: (item: ScheduledItem) => void;
  showTime?: boolean;
}) {
  const movable = !FINAL.has(item.status);
  const overdue = !!item.due_at && item.due_at < new Date().toISOString() && movable;
  return (
    <li
      className={`slot slot-${item.priority} slot-status-${item.status}`}
      draggable={movable}
      onDragStart={movable ? (e) => dragStart(e, item) : undefined}
      data-job={item.number}
    >
      <Link to={`/work-orders/${item.id}`}>
        {showTime && item.scheduled_start ? `${formatTime(item.scheduled_start)} ` : ''}
        {item.number}
      </Link>
      <span className="slot-title">{item.title}</span>
      {item.customer_name ? <span className="slot-title">{item.customer_name}</span> : null}
      {item.due_at ? (
        <span className={overdue ? 'slot-due slot-overdue' : 'slot-due'}>
          {overdue ? 'Overdue: ' : 'Due '}
          {formatDay(zonedDate(item.due_at))}
        </span>
      ) : null}
      <span className="slot-badges">
        <Badge kind="status" value={item.status} />
        <ConfirmedBadge at={item.customer_confirmed_at} />
      </span>
      {movable ? (
        <button
          type="button"
          className="button-secondary slot-action"
          aria-label={`Schedule ${item.number}…`}
          onClick={() => onPick(item)}
        >
          Schedule…
        </button>
      ) : null}
    </li>
  );
}

/** The first hour from now on, on `date` (for a drop on a day column). */
export function dropTime(item: ScheduledItem, date: string): string {
  if (item.scheduled_start) return zonedTime(item.scheduled_start);
  if (date !== zonedToday()) return '09:00';
  const nowHour = Number(zonedTime(new Date()).slice(0, 2)) + 1;
  return nowHour < 9 ? '09:00' : `${pad(Math.min(nowHour, 23))}:00`;
}

export function BoardGrid({
  board,
  mode,
  working,
  onDrop,
  onPick,
}: {
  board: DispatchWeek;
  mode: BoardMode;
  working: WorkingDay[];
  onDrop: (id: number, target: (item: ScheduledItem) => Target) => void;
  onPick: (item: ScheduledItem) => void;
}) {
  const day = board.days[0] ?? '';
  const columns =
    mode === 'week'
      ? board.days.map((d) => ({ key: d, label: formatDay(d) }))
      : dayHours(day, working, board.items).map((h) => ({
          key: `${pad(h)}:00`,
          label: `${pad(h)}:00`,
        }));
  const hourOf = (iso: string) => Number(zonedTime(iso).slice(0, 2));
  const inCell = (techId: number | null, column: string) =>
    board.items.filter((i) => {
      if ((i.assignee_id ?? null) !== techId || !i.scheduled_start) return false;
      if (mode === 'week') return zonedDate(i.scheduled_start) === column;
      return (
        zonedDate(i.scheduled_start) === day && `${pad(hourOf(i.scheduled_start))}:00` === column
      );
    });
  const rows: { id: number | null; name: string }[] = [
    ...board.technicians,
    { id: null, name: 'Unassigned' },
  ];
  const target = (techId: number, column: string) => (item: ScheduledItem) =>
    mode === 'week'
      ? { techId, date: column, time: dropTime(item, column) }
      : { techId, date: day, time: column };
  return (
    <div className="table-wrap">
      <table className={`week-grid board-${mode}`}>
        <caption>
          Scheduled work by technician and {mode === 'week' ? 'day' : 'hour'} ({orgTimeZone()}{' '}
          time). Drag a job onto a technician and a {mode === 'week' ? 'day' : 'time'}, or use its
          Schedule… button.
        </caption>
        <thead>
          <tr>
            <th scope="col">Technician</th>
            {columns.map((c) => (
              <th scope="col" key={c.key}>
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((t) => (
            <tr key={t.id ?? 'none'}>
              <th scope="row">{t.name}</th>
              {columns.map((c) => {
                const techId = t.id;
                const droppable = techId !== null;
                return (
                  <td
                    key={c.key}
                    data-tech={t.name}
                    data-slot={c.key}
                    className={droppable ? 'drop-cell' : undefined}
                    onDragOver={droppable ? (e) => e.preventDefault() : undefined}
                    onDrop={
                      droppable
                        ? (e) => {
                            e.preventDefault();
                            const id = droppedId(e);
                            if (id) onDrop(id, target(techId, c.key));
                          }
                        : undefined
                    }
                  >
                    <ul className="cell-list">
                      {inCell(t.id, c.key).map((item) => (
                        <JobCard key={item.id} item={item} onPick={onPick} />
                      ))}
                    </ul>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
