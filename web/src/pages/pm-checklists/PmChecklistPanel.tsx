import { useState, type FormEvent } from 'react';
import { api } from '../../api/client';
import type { PmChecklist } from '../../api/types';
import { ErrorMessage } from '../../components/ErrorMessage';
import { TextField } from '../../components/Field';
import { useAction } from '../../hooks/useAction';
import { NewChecklistItemFields, useNewChecklistItem } from '../work-order/NewChecklistItemFields';
import { TemplateItemList } from '../work-order/TemplateItemList';

// One named checklist, folded to its name on a phone: its items (each
// removable), an item to add, a new name, and deleting it. A checklist a
// PM schedule still uses cannot be deleted: the server's answer (409
// checklist_in_use, with how many schedules) is shown as it is.
export function PmChecklistPanel({
  plan,
  onChanged,
}: {
  plan: PmChecklist;
  onChanged: () => void;
}) {
  const count = `${plan.items.length} ${plan.items.length === 1 ? 'item' : 'items'}`;
  const removeItem = useAction(async (id: number) => {
    await api.del(`/pm-checklists/${plan.id}/items/${id}`);
    onChanged();
  });
  return (
    <details className="panel add-form pm-checklist">
      <summary>
        {plan.name} · {count}
      </summary>
      <section aria-label={`Items of ${plan.name}`}>
        <TemplateItemList
          items={plan.items}
          of={plan.name}
          busy={removeItem.busy}
          onRemove={(id) => void removeItem.run(id)}
        />
        <ErrorMessage error={removeItem.error} />
      </section>
      <AddItem plan={plan} onAdded={onChanged} />
      <Rename plan={plan} onRenamed={onChanged} />
      <DeletePlan plan={plan} onDeleted={onChanged} />
    </details>
  );
}

function AddItem({ plan, onAdded }: { plan: PmChecklist; onAdded: () => void }) {
  const item = useNewChecklistItem(false);
  const add = useAction(async () => {
    await api.post(`/pm-checklists/${plan.id}/items`, item.body());
    item.reset();
    onAdded();
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void add.run();
  };
  return (
    <form onSubmit={submit} aria-label={`Add an item to ${plan.name}`}>
      <NewChecklistItemFields item={item} labelText="Item" errors={add.fieldErrors} />
      <button type="submit" disabled={add.busy || !item.label.trim()}>
        Add item
      </button>
      <ErrorMessage error={add.error} />
    </form>
  );
}

function Rename({ plan, onRenamed }: { plan: PmChecklist; onRenamed: () => void }) {
  const [name, setName] = useState(plan.name);
  const rename = useAction(async () => {
    await api.patch(`/pm-checklists/${plan.id}`, { name: name.trim() });
    onRenamed();
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void rename.run();
  };
  return (
    <form onSubmit={submit} aria-label={`Rename ${plan.name}`}>
      <TextField
        label="Checklist name"
        value={name}
        maxLength={200}
        required
        onChange={(e) => setName(e.target.value)}
        error={rename.fieldErrors.name}
      />
      <button
        type="submit"
        className="button-secondary"
        disabled={rename.busy || !name.trim() || name.trim() === plan.name}
      >
        Rename
      </button>
      <ErrorMessage error={rename.error} />
    </form>
  );
}

// Two steps, so a thumb slip deletes nothing.
function DeletePlan({ plan, onDeleted }: { plan: PmChecklist; onDeleted: () => void }) {
  const [asking, setAsking] = useState(false);
  const remove = useAction(async () => {
    await api.del(`/pm-checklists/${plan.id}`);
    onDeleted();
  });
  return (
    <div className="button-row">
      {asking ? (
        <>
          <button
            type="button"
            className="button-danger"
            disabled={remove.busy}
            onClick={() => void remove.run()}
          >
            Yes, delete {plan.name}
          </button>
          <button
            type="button"
            className="button-secondary"
            onClick={() => {
              setAsking(false);
              remove.clear();
            }}
          >
            Keep it
          </button>
        </>
      ) : (
        <button type="button" className="button-danger" onClick={() => setAsking(true)}>
          Delete checklist
        </button>
      )}
      <ErrorMessage error={remove.error} />
    </div>
  );
}
