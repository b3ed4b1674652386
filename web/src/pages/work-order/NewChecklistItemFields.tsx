import { useState } from 'react';
import { CheckboxField, SelectField, TextField } from '../../components/Field';
import { KIND_OPTIONS, type ItemKind } from './checklistKinds';

// The fields that describe a new checklist item (label, kind, unit for a
// number, required), shared by a work order's checklist and the templates
// per work type, so both ask the same questions in the same words.

export function useNewChecklistItem(requiredByDefault: boolean) {
  const [label, setLabel] = useState('');
  const [kind, setKind] = useState<ItemKind>('checkbox');
  const [unit, setUnit] = useState('');
  const [required, setRequired] = useState(requiredByDefault);
  return {
    label,
    kind,
    unit,
    required,
    setLabel,
    setKind,
    setUnit,
    setRequired,
    // The body the server takes: a unit only for a number.
    body: () => ({ label, kind, required, ...(kind === 'number' ? { unit } : {}) }),
    reset: () => {
      setLabel('');
      setUnit('');
    },
  };
}

export type NewChecklistItem = ReturnType<typeof useNewChecklistItem>;

export function NewChecklistItemFields({
  item,
  labelText,
  errors,
}: {
  item: NewChecklistItem;
  labelText: string;
  errors: Record<string, string | undefined>;
}) {
  return (
    <>
      <TextField
        label={labelText}
        value={item.label}
        maxLength={300}
        required
        onChange={(e) => item.setLabel(e.target.value)}
        error={errors.label}
      />
      <SelectField
        label="What it asks for"
        options={KIND_OPTIONS}
        value={item.kind}
        onChange={(e) => item.setKind(e.target.value as ItemKind)}
      />
      {item.kind === 'number' ? (
        <TextField
          label="Unit (e.g. gallons)"
          value={item.unit}
          maxLength={40}
          onChange={(e) => item.setUnit(e.target.value)}
          error={errors.unit}
        />
      ) : null}
      <CheckboxField
        label="Required to complete the job"
        checked={item.required}
        onChange={(e) => item.setRequired(e.target.checked)}
      />
    </>
  );
}
