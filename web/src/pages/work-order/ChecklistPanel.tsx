import { useState, type FormEvent } from 'react';
import { api } from '../../api/client';
import type { WorkOrderDetails } from '../../api/types';
import { ErrorMessage } from '../../components/ErrorMessage';
import { TextField } from '../../components/Field';
import { useMe } from '../../auth/session';
import { useAction } from '../../hooks/useAction';
import { SAVED_OFFLINE_MESSAGE, sendOrQueue } from '../../offline/outbox';

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
  const userId = useMe().user.id;
  // Values ticked offline, shown as ticked until the queue sends them.
  const [offlineDone, setOfflineDone] = useState<Record<number, boolean>>({});
  const [queued, setQueued] = useState(false);
  const toggle = useAction(async (id: number, done: boolean) => {
    const label = items.find((i) => i.id === id)?.label ?? `#${id}`;
    const how = await sendOrQueue(userId, {
      kind: 'checklist',
      woId,
      method: 'PATCH',
      path: `/work-orders/${woId}/checklist/${id}`,
      body: { done },
      label: `Checklist: ${label} ${done ? 'done' : 'not done'}`,
    });
    setOfflineDone((m) => ({ ...m, [id]: done }));
    setQueued(how === 'queued');
    if (how === 'sent') onChanged();
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
                checked={offlineDone[item.id] ?? item.done}
                disabled={!canWrite || toggle.busy}
                onChange={(e) => void toggle.run(item.id, e.target.checked)}
              />
              <span>{item.label}</span>
            </label>
          </li>
        ))}
      </ul>
      {queued ? (
        <p className="hint" role="status">
          {SAVED_OFFLINE_MESSAGE}
        </p>
      ) : null}
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
