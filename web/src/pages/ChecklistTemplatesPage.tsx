import { useState, type FormEvent } from 'react';
import { api } from '../api/client';
import type { TemplateItemView } from '../api/types.gen';
import { ErrorMessage } from '../components/ErrorMessage';
import { SelectField } from '../components/Field';
import { LoadState } from '../components/States';
import { useAction } from '../hooks/useAction';
import { useApi } from '../hooks/useApi';
import { TemplateItemList } from './work-order/TemplateItemList';
import { NewChecklistItemFields, useNewChecklistItem } from './work-order/NewChecklistItemFields';

// Owners and admins (settings.manage): the checklist each work type starts
// with. A new work order copies its type's items; work already issued keeps
// the checklist it was given.

const WORK_TYPES = [
  { value: 'corrective', label: 'Corrective' },
  { value: 'preventive', label: 'Preventive' },
  { value: 'inspection', label: 'Inspection' },
  { value: 'emergency', label: 'Emergency' },
];

export function ChecklistTemplatesPage() {
  const list = useApi(
    (signal) => api.get<{ items: TemplateItemView[] }>('/checklist-templates', undefined, signal),
    [],
  );
  const remove = useAction(async (id: number) => {
    await api.del(`/checklist-templates/items/${id}`);
    list.reload();
  });
  return (
    <section>
      <h1>Checklists</h1>
      <p className="hint">
        What a technician must record for each type of job. New work orders of that type start with
        these items; a required item must be done before the job can be completed.
      </p>
      <LoadState loaded={list} what="Loading checklists">
        {(l) => (
          <>
            {WORK_TYPES.map((t) => {
              const items = l.items.filter((i) => i.work_type === t.value);
              return (
                <section className="panel" key={t.value} aria-labelledby={`tpl-${t.value}`}>
                  <h2 id={`tpl-${t.value}`}>{t.label}</h2>
                  <TemplateItemList
                    items={items}
                    of={t.label}
                    busy={remove.busy}
                    onRemove={(id) => void remove.run(id)}
                  />
                </section>
              );
            })}
            <ErrorMessage error={remove.error} />
            <AddTemplateItem onAdded={list.reload} />
          </>
        )}
      </LoadState>
    </section>
  );
}

function AddTemplateItem({ onAdded }: { onAdded: () => void }) {
  const [workType, setWorkType] = useState('preventive');
  const item = useNewChecklistItem(true);
  const add = useAction(async () => {
    await api.post('/checklist-templates/items', { work_type: workType, ...item.body() });
    item.reset();
    onAdded();
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void add.run();
  };
  return (
    <form className="panel" onSubmit={submit} aria-labelledby="tpl-add">
      <h2 id="tpl-add">Add an item</h2>
      <SelectField
        label="Work type"
        options={WORK_TYPES}
        value={workType}
        onChange={(e) => setWorkType(e.target.value)}
      />
      <NewChecklistItemFields item={item} labelText="Item" errors={add.fieldErrors} />
      <button type="submit" disabled={add.busy || !item.label.trim()}>
        Add item
      </button>
      <ErrorMessage error={add.error} />
    </form>
  );
}
