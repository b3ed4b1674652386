import { useState, type FormEvent } from 'react';
import { api } from '../../api/client';
import type { ChecklistItemView } from '../../api/types.gen';
import type { WorkOrderDetails } from '../../api/types';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useMe } from '../../auth/session';
import { useAction } from '../../hooks/useAction';
import { SAVED_OFFLINE_MESSAGE, sendOrQueue } from '../../offline/outbox';
import { ChecklistItemInput, answerText, type ItemBody } from './ChecklistItemInput';
import { KIND_LABELS, type ItemKind } from './checklistKinds';
import { NewChecklistItemFields, useNewChecklistItem } from './NewChecklistItemFields';

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
  const newItem = useNewChecklistItem(false);
  const add = useAction(async () => {
    await api.post(`/work-orders/${woId}/checklist`, newItem.body());
    newItem.reset();
    onChanged();
  });
  const userId = useMe().user.id;
  // Values entered offline, shown as done until the queue sends them.
  const [offlineDone, setOfflineDone] = useState<Record<number, boolean>>({});
  const [queued, setQueued] = useState(false);
  const enter = useAction(async (item: ChecklistItemView, body: ItemBody, what: string) => {
    const done = body.done !== false;
    const how = await sendOrQueue(userId, {
      kind: 'checklist',
      woId,
      method: 'PATCH',
      path: `/work-orders/${woId}/checklist/${item.id}`,
      body,
      label: `Checklist: ${item.label} ${done ? what || 'done' : 'not done'}`,
    });
    setOfflineDone((m) => ({ ...m, [item.id]: done }));
    setQueued(how === 'queued');
    if (how === 'sent') onChanged();
  });
  const send = (item: ChecklistItemView, body: ItemBody, what: string) =>
    enter.run(item, body, what);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void add.run();
  };
  const open = items.filter((i) => i.required && !(offlineDone[i.id] ?? i.done));
  return (
    <section className="panel" aria-labelledby="checklist-h">
      <h2 id="checklist-h">Checklist</h2>
      {items.length === 0 ? <p className="empty">No checklist items.</p> : null}
      {open.length > 0 ? (
        <p className="hint" role="status">
          {open.length === 1 ? '1 required item' : `${open.length} required items`} still open
          before the job can be completed.
        </p>
      ) : null}
      <ul className="checklist">
        {items.map((item) => {
          const done = offlineDone[item.id] ?? item.done;
          return (
            <li key={item.id} className="checklist-item">
              {item.kind === 'checkbox' ? (
                <label className="check-row">
                  <input
                    type="checkbox"
                    checked={done}
                    disabled={!canWrite || enter.busy}
                    onChange={(e) =>
                      void send(item, { done: e.target.checked }, e.target.checked ? 'done' : '')
                    }
                  />
                  <span>{item.label}</span>
                  {item.required ? <span className="badge">Required</span> : null}
                </label>
              ) : (
                <div className="check-typed">
                  <p className="check-label">
                    <span>{item.label}</span>{' '}
                    {item.required ? <span className="badge">Required</span> : null}
                  </p>
                  {item.done ? (
                    <p className="check-answer">
                      <strong>{answerText(item)}</strong>
                      {item.done_by_name ? (
                        <span className="hint"> by {item.done_by_name}</span>
                      ) : null}{' '}
                      {canWrite ? (
                        <button
                          type="button"
                          className="button-secondary"
                          disabled={enter.busy}
                          onClick={() => void send(item, { done: false }, '')}
                        >
                          Change
                        </button>
                      ) : null}
                    </p>
                  ) : canWrite ? (
                    <ChecklistItemInput
                      woId={woId}
                      item={item}
                      send={send}
                      busy={enter.busy}
                      onChanged={onChanged}
                    />
                  ) : (
                    <p className="hint">Not done yet ({KIND_LABELS[item.kind as ItemKind]})</p>
                  )}
                </div>
              )}
            </li>
          );
        })}
      </ul>
      {queued ? (
        <p className="hint" role="status">
          {SAVED_OFFLINE_MESSAGE}
        </p>
      ) : null}
      <ErrorMessage error={enter.error} />
      {canWrite ? (
        <details className="add-form">
          <summary>Add a checklist item</summary>
          <form onSubmit={submit} className="inline-form">
            <NewChecklistItemFields
              item={newItem}
              labelText="New checklist item"
              errors={add.fieldErrors}
            />
            <button
              type="submit"
              className="button-secondary"
              disabled={add.busy || !newItem.label.trim()}
            >
              Add item
            </button>
            <ErrorMessage error={add.error} />
          </form>
        </details>
      ) : null}
    </section>
  );
}
