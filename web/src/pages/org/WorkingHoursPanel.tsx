import { useState, type FormEvent } from 'react';
import { api } from '../../api/client';
import type { WorkingDay, WorkingHours } from '../../api/types.gen';
import { ErrorMessage, Notice } from '../../components/ErrorMessage';
import { CheckboxField, TextField } from '../../components/Field';
import { LoadState } from '../../components/States';
import { useAction } from '../../hooks/useAction';
import { useApi } from '../../hooks/useApi';
import { humanize } from '../../format';

// Owners and admins: the working hours per weekday, in the organization's
// zone. The dispatch board warns when a job is put outside them.

interface DayDraft {
  name: string;
  open: boolean;
  start: string;
  end: string;
}

const draftOf = (d: WorkingDay): DayDraft => ({
  name: d.name,
  open: d.open,
  start: d.start ?? '08:00',
  end: d.end ?? '17:00',
});

export function WorkingHoursPanel() {
  const hours = useApi(
    (signal) => api.get<WorkingHours>('/org/working-hours', undefined, signal),
    [],
  );
  return (
    <section className="panel" aria-labelledby="hours-h">
      <h2 id="hours-h">Working hours</h2>
      <p className="hint">
        Local times. The dispatch board warns when a job is scheduled outside them.
      </p>
      <LoadState loaded={hours} what="Loading the working hours">
        {(h) => <HoursForm hours={h} onSaved={hours.setData} />}
      </LoadState>
    </section>
  );
}

function HoursForm({
  hours,
  onSaved,
}: {
  hours: WorkingHours;
  onSaved: (h: WorkingHours) => void;
}) {
  const [days, setDays] = useState(() => hours.days.map(draftOf));
  const [done, setDone] = useState<string | null>(null);
  const set = (i: number, change: Partial<DayDraft>) =>
    setDays((all) => all.map((d, j) => (j === i ? { ...d, ...change } : d)));
  const save = useAction(async () => {
    setDone(null);
    const body: Record<string, string | null> = {};
    for (const d of days)
      body[d.name] = d.open ? `${d.start}-${d.end === '00:00' ? '24:00' : d.end}` : null;
    onSaved(await api.patch<WorkingHours>('/org/working-hours', body));
    setDone('Working hours saved.');
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void save.run();
  };
  return (
    <form onSubmit={submit} noValidate>
      {days.map((d, i) => (
        <fieldset key={d.name} className="fieldset working-day">
          <legend>{humanize(d.name)}</legend>
          <CheckboxField
            label={`Open on ${humanize(d.name)}`}
            checked={d.open}
            onChange={(e) => set(i, { open: e.target.checked })}
          />
          {d.open ? (
            <>
              <TextField
                label={`${humanize(d.name)} opens`}
                type="time"
                value={d.start}
                onChange={(e) => set(i, { start: e.target.value })}
                error={save.fieldErrors[d.name]}
              />
              <TextField
                label={`${humanize(d.name)} closes`}
                type="time"
                value={d.end}
                onChange={(e) => set(i, { end: e.target.value })}
              />
            </>
          ) : null}
        </fieldset>
      ))}
      <div className="form-actions">
        <button type="submit" className="button-primary" disabled={save.busy}>
          Save working hours
        </button>
      </div>
      <ErrorMessage error={save.error} />
      <Notice text={done} />
    </form>
  );
}
