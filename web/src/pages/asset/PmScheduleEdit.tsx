import { useState, type FormEvent } from 'react';
import { api } from '../../api/client';
import type { PmChecklist, PmSchedule } from '../../api/types';
import { ErrorMessage } from '../../components/ErrorMessage';
import { TextField } from '../../components/Field';
import { useAction } from '../../hooks/useAction';
import { PmPlanFields, planChangeBody, type PmPlan } from './PmPlanFields';

/** Pause or resume a schedule, or change who does it, its checklist, estimate and lead time. */
export function PmScheduleEdit({
  schedule,
  people,
  checklists,
  onChanged,
}: {
  schedule: PmSchedule;
  people: { id: number; name: string }[];
  checklists: PmChecklist[];
  onChanged: () => void;
}) {
  const [plan, setPlan] = useState<PmPlan>({
    assignee: schedule.assignee_id ? String(schedule.assignee_id) : '',
    checklist: schedule.checklist_template_id ? String(schedule.checklist_template_id) : '',
    minutes: schedule.estimated_minutes ? String(schedule.estimated_minutes) : '',
  });
  const [lead, setLead] = useState(String(schedule.lead_days));
  const save = useAction(async (body: Record<string, unknown>) => {
    await api.patch(`/pm-schedules/${schedule.id}`, body);
    onChanged();
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void save.run({ ...planChangeBody(plan), lead_days: Number(lead) });
  };
  return (
    <form onSubmit={submit} className="form-grid" noValidate aria-label={`Edit ${schedule.title}`}>
      <PmPlanFields
        plan={plan}
        onChange={setPlan}
        people={people}
        checklists={checklists}
        errors={save.fieldErrors}
      />
      <TextField
        label="Days ahead"
        type="number"
        min={0}
        max={365}
        value={lead}
        onChange={(e) => setLead(e.target.value)}
        error={save.fieldErrors.lead_days}
      />
      <div className="form-actions">
        <button type="submit" className="button-primary" disabled={save.busy}>
          Save
        </button>
        <button
          type="button"
          className="button-secondary"
          disabled={save.busy}
          onClick={() => void save.run({ active: !schedule.active })}
        >
          {schedule.active ? 'Pause' : 'Resume'}
        </button>
      </div>
      <ErrorMessage error={save.error} />
    </form>
  );
}
