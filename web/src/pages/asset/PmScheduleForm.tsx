import { useState, type FormEvent } from 'react';
import { api } from '../../api/client';
import type { MeterKind, PmSchedule, Priority } from '../../api/types';
import { METER_KINDS, PRIORITIES } from '../../api/types';
import { ErrorMessage, Notice } from '../../components/ErrorMessage';
import { SelectField, TextField } from '../../components/Field';
import { humanize, localInputToIso } from '../../format';
import { useAction } from '../../hooks/useAction';
import { useAssignees } from '../../hooks/useAssignees';
import { usePmChecklists } from '../../hooks/usePmChecklists';
import { PmPlanFields, planBody, planChangeBody, type PmPlan } from './PmPlanFields';
import { SitePicker } from './SitePicker';

type Unit = 'days' | 'weeks' | 'months' | 'meter';

/**
 * A PM schedule: every N days/weeks/months from a first due date, or every
 * N meter units of an asset. Without `schedule` it creates one; with it, it
 * edits what the server lets change afterwards (title, priority, lead time,
 * who, checklist, estimate; the interval stays) and pauses or resumes it.
 */
export function PmScheduleForm({
  schedule,
  siteId,
  assetId,
  onSaved,
}: {
  schedule?: PmSchedule;
  siteId?: number;
  assetId?: number;
  onSaved: () => void;
}) {
  const editing = schedule !== undefined;
  const [site, setSite] = useState(siteId ? String(siteId) : '');
  const [customer, setCustomer] = useState<number | null>(null);
  const [title, setTitle] = useState(schedule?.title ?? '');
  const [priority, setPriority] = useState<Priority>(schedule?.priority ?? 'medium');
  const [unit, setUnit] = useState<Unit>('months');
  const [every, setEvery] = useState('6');
  const [firstDue, setFirstDue] = useState('');
  const [kind, setKind] = useState<MeterKind>('hours');
  const [firstMeter, setFirstMeter] = useState('');
  const [lead, setLead] = useState(schedule ? String(schedule.lead_days) : '14');
  const [plan, setPlan] = useState<PmPlan>({
    assignee: schedule?.assignee_id ? String(schedule.assignee_id) : '',
    checklist: schedule?.checklist_template_id ? String(schedule.checklist_template_id) : '',
    minutes: schedule?.estimated_minutes ? String(schedule.estimated_minutes) : '',
  });
  const [done, setDone] = useState<string | null>(null);
  const { people } = useAssignees();
  const checklists = usePmChecklists();

  // Only a new schedule has a site and an interval (they never change).
  const newScheduleBody = () => {
    const body: Record<string, unknown> = {
      site_id: Number(site),
      interval_unit: unit,
      interval_value: Number(every),
    };
    if (assetId) body.asset_id = assetId;
    if (unit === 'meter') {
      body.meter_kind = kind;
      if (firstMeter) body.first_meter_value = Number(firstMeter);
    } else {
      const iso = localInputToIso(firstDue);
      if (iso) body.first_due_at = iso;
    }
    return body;
  };
  const save = useAction(async (body: Record<string, unknown>) => {
    if (schedule) {
      await api.patch(`/pm-schedules/${schedule.id}`, body);
    } else {
      await api.post('/pm-schedules', { ...body, ...newScheduleBody() });
      setTitle('');
      setDone('Schedule created.');
    }
    onSaved();
  });
  const errors = save.fieldErrors;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    // An edit sends an emptied checklist or estimate as null, which clears it.
    const planPart = editing ? planChangeBody(plan) : planBody(plan);
    void save.run({ title, priority, lead_days: Number(lead), ...planPart });
  };
  return (
    <form
      onSubmit={submit}
      className="form-grid"
      noValidate
      {...(schedule ? { 'aria-label': `Edit ${schedule.title}` } : {})}
    >
      {editing || siteId ? null : (
        <SitePicker
          customerId={customer}
          onCustomer={setCustomer}
          siteId={site}
          onSite={setSite}
          error={errors.site_id}
        />
      )}
      <TextField
        label="Schedule title"
        required
        maxLength={200}
        value={title}
        onChange={(e) => setTitle(e.target.value)}
        error={errors.title}
      />
      <SelectField
        label="Priority"
        value={priority}
        onChange={(e) => setPriority(e.target.value as Priority)}
        error={errors.priority}
        options={PRIORITIES.map((p) => ({ value: p, label: humanize(p) }))}
      />
      {editing ? null : (
        <>
          <SelectField
            label="Repeat by"
            value={unit}
            onChange={(e) => setUnit(e.target.value as Unit)}
            error={errors.interval_unit}
            options={(['days', 'weeks', 'months', ...(assetId ? ['meter'] : [])] as Unit[]).map(
              (u) => ({ value: u, label: humanize(u) }),
            )}
          />
          <TextField
            label={unit === 'meter' ? 'Every (meter units)' : `Every (${unit})`}
            type="number"
            min={1}
            required
            value={every}
            onChange={(e) => setEvery(e.target.value)}
            error={errors.interval_value}
          />
          {unit === 'meter' ? (
            <>
              <SelectField
                label="Meter"
                value={kind}
                onChange={(e) => setKind(e.target.value as MeterKind)}
                error={errors.meter_kind}
                options={METER_KINDS.map((k) => ({ value: k, label: humanize(k) }))}
              />
              <TextField
                label="First due at meter value"
                type="number"
                min={0}
                required
                value={firstMeter}
                onChange={(e) => setFirstMeter(e.target.value)}
                error={errors.first_meter_value}
              />
            </>
          ) : (
            <TextField
              label="First due"
              type="datetime-local"
              required
              value={firstDue}
              onChange={(e) => setFirstDue(e.target.value)}
              error={errors.first_due_at}
            />
          )}
        </>
      )}
      <TextField
        label="Create the work order this many days ahead"
        type="number"
        min={0}
        max={365}
        value={lead}
        onChange={(e) => setLead(e.target.value)}
        error={errors.lead_days}
      />
      <PmPlanFields
        plan={plan}
        onChange={setPlan}
        people={people}
        checklists={checklists}
        errors={errors}
      />
      <div className="form-actions">
        <button type="submit" className="button-primary" disabled={save.busy}>
          {editing ? 'Save' : 'Create schedule'}
        </button>
        {schedule ? (
          <button
            type="button"
            className="button-secondary"
            disabled={save.busy}
            onClick={() => void save.run({ active: !schedule.active })}
          >
            {schedule.active ? 'Pause' : 'Resume'}
          </button>
        ) : null}
      </div>
      <ErrorMessage error={save.error} />
      <Notice text={done} />
    </form>
  );
}
