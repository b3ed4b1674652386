import { useRef, useState } from 'react';
import { api } from '../api/client';
import type { ScheduleWarning, WorkingHours } from '../api/types.gen';
import type { DispatchWeek, ScheduledItem } from '../api/types';
import { ErrorMessage } from '../components/ErrorMessage';
import { LoadState } from '../components/States';
import { useAction } from '../hooks/useAction';
import { useApi } from '../hooks/useApi';
import { formatDay, zonedDate, zonedTime, zonedToIso } from '../time';
import { BoardGrid, droppedId, JobCard, type BoardMode } from './dispatch/BoardGrid';
import { landedText, scheduleJob, warningText, type Target } from './dispatch/schedule';
import { ScheduleForm, type ScheduleInitial } from './dispatch/ScheduleForm';

// The dispatcher's board: one row per technician, a column per day of the
// week (the organization's local days, as the server plans them) or per
// hour of one day; the unassigned queue with due dates beside it (both in
// view while dragging: a page scrolled mid-drag drops nowhere). Jobs are dragged
// onto a technician and a time, or back to the queue; the keyboard path is
// each job's "Schedule…" button, which pre-fills the form below.

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

interface Landed {
  text: string;
  warnings: ScheduleWarning[];
}

export function DispatchPage() {
  const [mode, setMode] = useState<BoardMode>('week');
  const [start, setStart] = useState<string | null>(null);
  const [picked, setPicked] = useState<ScheduleInitial | null>(null);
  const [landed, setLanded] = useState<Landed | null>(null);
  const formRef = useRef<HTMLDivElement>(null);
  const board = useApi(
    (signal) =>
      api.get<DispatchWeek>(
        '/dispatch/week',
        { start, days: mode === 'day' ? '1' : undefined },
        signal,
      ),
    [start, mode],
  );
  // The day view's hours follow the working hours (Settings → Organization).
  const working = useApi(
    (signal) => api.get<WorkingHours>('/org/working-hours', undefined, signal),
    [],
  );
  const nameOf = (w: DispatchWeek) => (id: number) =>
    w.technicians.find((t) => t.id === id)?.name ?? 'a technician';

  const move = useAction(
    async (w: DispatchWeek, id: number, target: ((i: ScheduledItem) => Target) | null) => {
      setLanded(null);
      const item = [...w.items, ...w.unplanned].find((i) => i.id === id);
      if (!item) return;
      let body = null;
      if (target) {
        const t = target(item);
        body = { techId: t.techId, startIso: zonedToIso(t.date, t.time) ?? '' };
      }
      const result = await scheduleJob(item.id, item.version, body);
      setLanded({ text: landedText(result, nameOf(w)), warnings: result.warnings });
      board.reload();
    },
  );

  const pick = (item: ScheduledItem) => {
    const hours =
      item.scheduled_start && item.scheduled_end
        ? (Date.parse(item.scheduled_end) - Date.parse(item.scheduled_start)) / 3_600_000
        : null;
    setPicked({
      woId: String(item.id),
      techId: item.assignee_id ? String(item.assignee_id) : '',
      date: item.scheduled_start ? zonedDate(item.scheduled_start) : null,
      time: item.scheduled_start ? zonedTime(item.scheduled_start) : null,
      hours: hours ? String(hours) : null,
      nonce: Date.now(),
    });
    // Focus moves to the form, whose fields hold the job's current values.
    setTimeout(() => formRef.current?.querySelector<HTMLElement>('select')?.focus(), 0);
  };

  const step = mode === 'week' ? 7 : 1;
  return (
    <section>
      <h1>Dispatch</h1>
      <div className="board-modes" role="group" aria-label="Board view">
        {(['week', 'day'] as const).map((m) => (
          <button
            key={m}
            type="button"
            className={m === mode ? 'button-primary' : 'button-secondary'}
            aria-pressed={m === mode}
            onClick={() => {
              setMode(m);
              setStart(null);
            }}
          >
            {m === 'week' ? 'Week' : 'Day'}
          </button>
        ))}
      </div>
      <LoadState loaded={board} what="Loading the board">
        {(w) => (
          <>
            <div className="week-nav">
              <button
                type="button"
                className="button-secondary"
                onClick={() => setStart(addDays(w.start, -step))}
              >
                Previous {mode}
              </button>
              <h2 className="week-title">
                {mode === 'week' ? `Week of ${w.start}` : formatDay(w.start)}
              </h2>
              <button
                type="button"
                className="button-secondary"
                onClick={() => setStart(addDays(w.start, step))}
              >
                Next {mode}
              </button>
            </div>
            {w.truncated ? (
              <p className="hint">
                This week has more work than shown; filter by technician to see all.
              </p>
            ) : null}
            <div className="board-landed" role="status" aria-live="polite">
              {landed ? (
                <>
                  <p className="notice">{landed.text}</p>
                  {landed.warnings.map((warning, i) => (
                    <p key={i} className="warning">
                      Warning: {warningText(warning)}
                    </p>
                  ))}
                </>
              ) : null}
            </div>
            <ErrorMessage error={move.error} />
            <div className="board-layout">
              <Queue
                items={w.unplanned}
                onPick={pick}
                onDrop={(id) => void move.run(w, id, null)}
              />
              <BoardGrid
                board={w}
                mode={mode}
                working={working.data?.days ?? []}
                onDrop={(id, target) => void move.run(w, id, target)}
                onPick={pick}
              />
            </div>
            {/* Keyed by the week asked for, not the one answered: a reload
                across midnight into a new week keeps the form's notice. */}
            <div ref={formRef}>
              <ScheduleForm
                key={`${start ?? 'this'}-${mode}-${picked?.nonce ?? 0}`}
                week={w}
                initial={picked}
                onScheduled={(result) => {
                  setLanded({ text: landedText(result, nameOf(w)), warnings: result.warnings });
                  board.reload();
                }}
              />
            </div>
          </>
        )}
      </LoadState>
    </section>
  );
}

/** The unassigned queue, soonest due first; a job dropped here is unassigned and unscheduled. */
function Queue({
  items,
  onPick,
  onDrop,
}: {
  items: ScheduledItem[];
  onPick: (item: ScheduledItem) => void;
  onDrop: (id: number) => void;
}) {
  return (
    <section
      className="panel drop-queue"
      aria-labelledby="unplanned-h"
      onDragOver={(e) => e.preventDefault()}
      onDrop={(e) => {
        e.preventDefault();
        const id = droppedId(e);
        if (id) onDrop(id);
      }}
    >
      <h2 id="unplanned-h">Unassigned queue ({items.length})</h2>
      <p className="hint">Drop a job here to take it off the board.</p>
      {items.length === 0 ? <p className="empty">Everything is planned.</p> : null}
      <ul className="cell-list queue-list">
        {items.map((i) => (
          <JobCard key={i.id} item={i} onPick={onPick} showTime={false} />
        ))}
      </ul>
    </section>
  );
}
