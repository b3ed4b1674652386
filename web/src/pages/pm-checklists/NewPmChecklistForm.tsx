import { useState, type FormEvent } from 'react';
import { api } from '../../api/client';
import type { PmChecklist } from '../../api/types';
import { ErrorMessage } from '../../components/ErrorMessage';
import { TextField } from '../../components/Field';
import { useAction } from '../../hooks/useAction';
import { NewChecklistItemFields, useNewChecklistItem } from '../work-order/NewChecklistItemFields';
import { itemText } from '../work-order/TemplateItemList';

type ItemBody = ReturnType<ReturnType<typeof useNewChecklistItem>['body']>;

// A named checklist is made with its items in one go: the items are
// gathered here, then the checklist is created and each item added in
// order (the server keeps them in that order).
export function NewPmChecklistForm({ onCreated }: { onCreated: (name: string) => void }) {
  const [name, setName] = useState('');
  const [items, setItems] = useState<ItemBody[]>([]);
  const item = useNewChecklistItem(false);
  const create = useAction(async () => {
    const plan = await api.post<PmChecklist>('/pm-checklists', { name: name.trim() });
    try {
      for (const body of items) await api.post(`/pm-checklists/${plan.id}/items`, body);
    } finally {
      // Made even if an item was refused: the list shows it, to finish there.
      onCreated(plan.name);
    }
    setName('');
    setItems([]);
  });
  const addToList = () => {
    if (!item.label.trim()) return;
    setItems((all) => [...all, { ...item.body(), label: item.label.trim() }]);
    item.reset();
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void create.run();
  };
  return (
    // noValidate: the item being typed is not part of what is submitted, so
    // its empty (required) label must not stop the checklist being created.
    <form className="panel" onSubmit={submit} aria-labelledby="pmc-new" noValidate>
      <h2 id="pmc-new">Create a PM checklist</h2>
      <TextField
        label="Checklist name (e.g. Compressor 2,000 h service)"
        value={name}
        maxLength={200}
        required
        onChange={(e) => setName(e.target.value)}
        error={create.fieldErrors.name}
      />
      <h3>Its items</h3>
      {items.length === 0 ? <p className="empty">No items yet.</p> : null}
      <ol aria-label="Items of the new checklist">
        {items.map((i, n) => (
          <li key={n} className="check-row">
            <span>{itemText({ ...i, unit: i.unit ?? '' })}</span>
            <button
              type="button"
              className="button-secondary button-small"
              aria-label={`Take ${i.label} off the new checklist`}
              onClick={() => setItems((all) => all.filter((_, k) => k !== n))}
            >
              Remove
            </button>
          </li>
        ))}
      </ol>
      <fieldset>
        <legend>Item to add</legend>
        <NewChecklistItemFields item={item} labelText="Item" errors={{}} />
        <button
          type="button"
          className="button-secondary"
          disabled={!item.label.trim()}
          onClick={addToList}
        >
          Put item on the list
        </button>
      </fieldset>
      <button type="submit" className="button-primary" disabled={create.busy || !name.trim()}>
        Create checklist
      </button>
      <ErrorMessage error={create.error} />
    </form>
  );
}
