import { useState, type FormEvent } from 'react';
import { api } from '../../api/client';
import { ApiError } from '../../api/errors';
import type { DispatchWeek, WorkOrder } from '../../api/types';
import type { ScheduleResult } from '../../api/types.gen';
import { ErrorMessage, Notice } from '../../components/ErrorMessage';
import { SelectField, TextField } from '../../components/Field';
import { nextSlot, PAST_START_MESSAGE, type Slot } from '../../domain/schedule';
import { useAction } from '../../hooks/useAction';
import { orgTimeZone, zonedToday, zonedToIso } from '../../time';
import { scheduleJob } from './schedule';

/** The form's values when a job's "Schedule…" button opened it: the job's current ones. */
export interface ScheduleInitial {
  woId: string;
  techId: string;
  date: string | null;
  time: string | null;
  hours: string | null;
  nonce: number;
}

/** The first slot this week that is not already past: the next one, or the week's first morning for a later week. */
function defaultSlot(week: DispatchWeek): Slot {
  const next = nextSlot();
  const first = week.days[0];
  if (first && first > next.date) return { date: first, time: '09:00' };
  return next;
}

/**
 * Assign and schedule a work order through the board's schedule change
 * (with the version read, so two dispatchers cannot silently overwrite each
 * other); the server moves an open work order to "scheduled" and answers
 * with warnings. The keyboard's way to do what a drag does.
 */
export function ScheduleForm({
  week,
  initial,
  onScheduled,
}: {
  week: DispatchWeek;
  initial?: ScheduleInitial | null;
  onScheduled: (result: ScheduleResult) => void;
}) {
  const choices = [
    ...week.unplanned.map((i) => ({ ...i, group: 'unplanned' })),
    ...week.items.map((i) => ({ ...i, group: 'this week' })),
  ];
  const [woId, setWoId] = useState(initial?.woId ?? '');
  const [techId, setTechId] = useState(initial?.techId ?? '');
  const [slot] = useState(() => defaultSlot(week));
  const [date, setDate] = useState(initial?.date ?? slot.date);
  const [time, setTime] = useState(initial?.time ?? slot.time);
  const [hours, setHours] = useState(initial?.hours ?? '2');
  const selected = choices.find((c) => String(c.id) === woId);
  const [done, setDone] = useState<string | null>(null);

  const schedule = useAction(async () => {
    setDone(null);
    const current = await api.get<WorkOrder>(`/work-orders/${woId}`);
    // The date and time are the organization's, like the week grid; the API takes UTC.
    const startMs = Date.parse(zonedToIso(date, time) ?? '');
    const endMs = startMs + Math.max(0.25, Number(hours) || 1) * 3_600_000;
    const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
    const result = await scheduleJob(current.id, current.version, {
      techId: Number(techId),
      startIso: iso(startMs),
      endIso: iso(endMs),
    });
    setDone(`${result.work_order.number} is scheduled.`);
    setWoId('');
    onScheduled(result);
  });
  const unassign = useAction(async () => {
    setDone(null);
    const current = await api.get<WorkOrder>(`/work-orders/${woId}`);
    const result = await scheduleJob(current.id, current.version, null);
    setDone(`${result.work_order.number} is back in the unassigned queue.`);
    setWoId('');
    onScheduled(result);
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void schedule.run();
  };
  const errors = { ...schedule.fieldErrors };
  if (schedule.error instanceof ApiError && schedule.error.reason === 'scheduled_in_the_past')
    errors.scheduled_start = `${PAST_START_MESSAGE} Times are in ${orgTimeZone()}.`;
  return (
    <section className="panel" aria-labelledby="schedule-h">
      <h2 id="schedule-h">Schedule and assign</h2>
      <form onSubmit={submit} className="form-row" noValidate>
        <SelectField
          label="Work order"
          value={woId}
          required
          onChange={(e) => setWoId(e.target.value)}
          options={[
            { value: '', label: 'Choose a work order' },
            ...choices.map((c) => ({
              value: String(c.id),
              label: `${c.number} ${c.title} (${c.group})`,
            })),
          ]}
        />
        <SelectField
          label="Technician"
          value={techId}
          required
          error={errors.assignee_id}
          onChange={(e) => setTechId(e.target.value)}
          options={[
            { value: '', label: 'Choose a technician' },
            ...week.technicians.map((t) => ({ value: String(t.id), label: t.name })),
          ]}
        />
        <TextField
          label="Date"
          type="date"
          value={date}
          min={zonedToday()}
          required
          onChange={(e) => setDate(e.target.value)}
          error={errors.scheduled_start}
        />
        <TextField
          label="Start time"
          type="time"
          value={time}
          required
          onChange={(e) => setTime(e.target.value)}
        />
        <TextField
          label="Hours"
          type="number"
          min={0.25}
          step="0.25"
          value={hours}
          onChange={(e) => setHours(e.target.value)}
          error={errors.scheduled_end}
        />
        <div className="form-actions">
          <button
            type="submit"
            className="button-primary"
            disabled={schedule.busy || !woId || !techId}
          >
            Schedule
          </button>
          {selected?.scheduled_start ? (
            <button
              type="button"
              className="button-secondary"
              disabled={unassign.busy}
              onClick={() => void unassign.run()}
            >
              Back to the queue
            </button>
          ) : null}
        </div>
      </form>
      <ErrorMessage error={schedule.error ?? unassign.error} />
      <Notice text={done} />
    </section>
  );
}
