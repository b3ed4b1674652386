import { useState, type FormEvent } from 'react';
import { api } from '../../api/client';
import type { WorkOrderDetails } from '../../api/types';
import { ErrorMessage } from '../../components/ErrorMessage';
import { TextField } from '../../components/Field';
import { useAction } from '../../hooks/useAction';

export function ChecklistPanel({
  woId,
  items,
  canWrite,
  onChanged,
}: {
  woId: number;
  items: WorkOrderDetails['checklist'];
  canWrite: boolean;
  onChanged: () => void;
}) {
  const [label, setLabel] = useState('');
  const add = useAction(async () => {
    await api.post(`/work-orders/${woId}/checklist`, { label });
    setLabel('');
    onChanged();
  });
  const toggle = useAction(async (id: number, done: boolean) => {
    await api.patch(`/work-orders/${woId}/checklist/${id}`, { done });
    onChanged();
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void add.run();
  };
  return (
    <section className="panel" aria-labelledby="checklist-h">
      <h2 id="checklist-h">Checklist</h2>
      {items.length === 0 ? <p className="empty">No checklist items.</p> : null}
      <ul className="checklist">
        {items.map((item) => (
          <li key={item.id}>
            <label className="check-row">
              <input
                type="checkbox"
                checked={item.done}
                disabled={!canWrite || toggle.busy}
                onChange={(e) => void toggle.run(item.id, e.target.checked)}
              />
              <span>{item.label}</span>
            </label>
          </li>
        ))}
      </ul>
      <ErrorMessage error={toggle.error} />
      {canWrite ? (
        <form onSubmit={submit} className="inline-form">
          <TextField
            label="New checklist item"
            value={label}
            maxLength={300}
            required
            onChange={(e) => setLabel(e.target.value)}
            error={add.fieldErrors.label}
          />
          <button type="submit" className="button-secondary" disabled={add.busy || !label.trim()}>
            Add item
          </button>
          <ErrorMessage error={add.error} />
        </form>
      ) : null}
    </section>
  );
}
