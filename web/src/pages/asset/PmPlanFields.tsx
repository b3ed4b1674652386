import type { PmChecklist } from '../../api/types';
import { SelectField, TextField } from '../../components/Field';

export interface PmPlan {
  assignee: string; // a user id, or '' for nobody
  checklist: string; // a named checklist template's id, or ''
  minutes: string; // estimated minutes, or ''
}

/** The body members of a new plan: only what is set. */
export function planBody(p: PmPlan): Record<string, number> {
  const body: Record<string, number> = {};
  if (p.assignee) body.assignee_id = Number(p.assignee);
  if (p.checklist) body.checklist_template_id = Number(p.checklist);
  if (p.minutes) body.estimated_minutes = Number(p.minutes);
  return body;
}

/**
 * The body members of a change: an emptied checklist or estimate is sent as
 * null, which clears it (PATCH /pm-schedules/{id}); the assignee only when set.
 */
export function planChangeBody(p: PmPlan): Record<string, number | null> {
  const body: Record<string, number | null> = {
    checklist_template_id: p.checklist ? Number(p.checklist) : null,
    estimated_minutes: p.minutes ? Number(p.minutes) : null,
  };
  if (p.assignee) body.assignee_id = Number(p.assignee);
  return body;
}

/** Who does it (picked by name), which checklist its work orders get, and how long it takes. */
export function PmPlanFields({
  plan,
  onChange,
  people,
  checklists,
  errors,
}: {
  plan: PmPlan;
  onChange: (p: PmPlan) => void;
  people: { id: number; name: string }[];
  checklists: PmChecklist[];
  errors: Record<string, string | undefined>;
}) {
  return (
    <>
      <SelectField
        label="Assignee"
        value={plan.assignee}
        onChange={(e) => onChange({ ...plan, assignee: e.target.value })}
        error={errors.assignee_id}
        options={[
          { value: '', label: 'Unassigned' },
          ...people.map((p) => ({ value: String(p.id), label: p.name })),
        ]}
      />
      <SelectField
        label="Checklist"
        value={plan.checklist}
        onChange={(e) => onChange({ ...plan, checklist: e.target.value })}
        error={errors.checklist_template_id}
        options={[
          { value: '', label: 'No checklist' },
          ...checklists.map((c) => ({
            value: String(c.id),
            label: `${c.name} (${c.items.length} ${c.items.length === 1 ? 'item' : 'items'})`,
          })),
        ]}
      />
      <TextField
        label="Estimated time (minutes)"
        type="number"
        min={1}
        max={10080}
        value={plan.minutes}
        onChange={(e) => onChange({ ...plan, minutes: e.target.value })}
        error={errors.estimated_minutes}
      />
    </>
  );
}
