import { useState, type FormEvent } from 'react';
import { api } from '../../api/client';
import { ApiError } from '../../api/errors';
import type { DispatchWeek, WorkOrder } from '../../api/types';
import { ErrorMessage, Notice } from '../../components/ErrorMessage';
import { SelectField, TextField } from '../../components/Field';
import { nextSlot, PAST_START_MESSAGE, type Slot } from '../../domain/schedule';
import { useAction } from '../../hooks/useAction';
import { orgTimeZone, zonedToday, zonedToIso } from '../../time';

/** The first slot this week that is not already past: the next one, or the week's first morning for a later week. */
function defaultSlot(week: DispatchWeek): Slot {
  const next = nextSlot();
  const first = week.days[0];
  if (first && first > next.date) return { date: first, time: '09:00' };
  return next;
}

/**
 * Assign and schedule a work order: PATCH the assignee and times (with the
 * version read, so two dispatchers cannot silently overwrite each other),
 * then move an open work order to "scheduled".
 */
export function ScheduleForm({
  week,
  onScheduled,
}: {
  week: DispatchWeek;
  onScheduled: () => void;
}) {
  const choices = [
    ...week.unplanned.map((i) => ({ ...i, group: 'unplanned' })),
    ...week.items.map((i) => ({ ...i, group: 'this week' })),
  ];
  const [woId, setWoId] = useState('');
  const [techId, setTechId] = useState('');
  const [slot] = useState(() => defaultSlot(week));
  const [date, setDate] = useState(slot.date);
  const [time, setTime] = useState(slot.time);
  const [hours, setHours] = useState('2');
  const [done, setDone] = useState<string | null>(null);

  const schedule = useAction(async () => {
    setDone(null);
    const current = await api.get<WorkOrder>(`/work-orders/${woId}`);
    // The date and time are the organization's, like the week grid; the API takes UTC.
    const startMs = Date.parse(zonedToIso(date, time) ?? '');
    const endMs = startMs + Math.max(0.25, Number(hours) || 1) * 3_600_000;
    const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
    let updated = await api.patch<WorkOrder>(`/work-orders/${woId}`, {
      assignee_id: Number(techId),
      scheduled_start: iso(startMs),
      scheduled_end: iso(endMs),
      version: current.version,
    });
    if (updated.status === 'open' && updated.allowed_transitions.includes('scheduled')) {
      updated = await api.post<WorkOrder>(`/work-orders/${woId}/transition`, {
        to: 'scheduled',
        version: updated.version,
      });
    }
    setDone(`${updated.number} is scheduled.`);
    setWoId('');
    onScheduled();
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
        </div>
      </form>
      <ErrorMessage error={schedule.error} />
      <Notice text={done} />
    </section>
  );
}
