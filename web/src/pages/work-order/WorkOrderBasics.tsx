import { useState } from 'react';
import type { Priority, WoType } from '../../api/types';
import { PRIORITIES, WO_TYPES } from '../../api/types';
import { SelectField, TextArea, TextField } from '../../components/Field';
import { humanize } from '../../format';

// What a work order is: title, description, type and priority. The new
// work-order form and the edit panel show the same four fields.
export interface WorkOrderBasicsValue {
  title: string;
  description: string;
  type: WoType;
  priority: Priority;
}

/** The four fields' state, for a form that shows WorkOrderBasics. */
export function useWorkOrderBasics(initial: WorkOrderBasicsValue) {
  const [value, setValue] = useState(initial);
  const onChange = (next: Partial<WorkOrderBasicsValue>) => setValue((v) => ({ ...v, ...next }));
  return { value, onChange };
}

export function WorkOrderBasics({
  value,
  onChange,
  errors,
}: {
  value: WorkOrderBasicsValue;
  onChange: (next: Partial<WorkOrderBasicsValue>) => void;
  errors: Record<string, string | undefined>;
}) {
  return (
    <>
      <TextField
        label="Title"
        required
        maxLength={200}
        value={value.title}
        onChange={(e) => onChange({ title: e.target.value })}
        error={errors.title}
      />
      <TextArea
        label="Description"
        maxLength={10000}
        value={value.description}
        onChange={(e) => onChange({ description: e.target.value })}
        error={errors.description}
      />
      <SelectField
        label="Type"
        value={value.type}
        onChange={(e) => onChange({ type: e.target.value as WoType })}
        error={errors.type}
        options={WO_TYPES.map((t) => ({ value: t, label: humanize(t) }))}
      />
      <SelectField
        label="Priority"
        value={value.priority}
        onChange={(e) => onChange({ priority: e.target.value as Priority })}
        error={errors.priority}
        options={PRIORITIES.map((p) => ({ value: p, label: humanize(p) }))}
      />
    </>
  );
}
