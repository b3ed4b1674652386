import { useState, type FormEvent } from 'react';
import { api } from '../../api/client';
import type { WorkOrderDetails } from '../../api/types';
import { ErrorMessage } from '../../components/ErrorMessage';
import { TextField } from '../../components/Field';
import { formatDateTime } from '../../format';
import { useAction } from '../../hooks/useAction';
import { refusedAsInvoiced } from './useWorkOrderInvoice';

export function TimePanel({
  woId,
  entries,
  canWrite,
  nameOf,
  onChanged,
  onInvoiced,
}: {
  woId: number;
  entries: WorkOrderDetails['time_entries'];
  canWrite: boolean;
  nameOf: (id: number) => string;
  onChanged: () => void;
  onInvoiced: () => void;
}) {
  const [minutes, setMinutes] = useState('');
  const [note, setNote] = useState('');
  const add = useAction(async () => {
    await refusedAsInvoiced(
      api.post(`/work-orders/${woId}/time`, { minutes: Number(minutes), note }),
      onInvoiced,
    );
    setMinutes('');
    setNote('');
    onChanged();
  });
  const total = entries.reduce((sum, e) => sum + e.minutes, 0);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void add.run();
  };
  return (
    <section className="panel" aria-labelledby="time-h">
      <h2 id="time-h">Time entries</h2>
      {entries.length === 0 ? (
        <p className="empty">No time recorded.</p>
      ) : (
        <>
          <ul className="plain-list">
            {entries.map((t) => (
              <li key={t.id}>
                {t.minutes} min by {nameOf(t.user_id)} on {formatDateTime(t.created_at)}
                {t.note ? ` — ${t.note}` : ''}
              </li>
            ))}
          </ul>
          <p>
            Total: <strong>{(total / 60).toFixed(2)} h</strong>
          </p>
        </>
      )}
      {canWrite ? (
        <form onSubmit={submit} className="inline-form">
          <TextField
            label="Minutes"
            type="number"
            inputMode="numeric"
            min={1}
            max={1440}
            required
            value={minutes}
            onChange={(e) => setMinutes(e.target.value)}
            error={add.fieldErrors.minutes}
          />
          <TextField
            label="Note"
            value={note}
            maxLength={1000}
            onChange={(e) => setNote(e.target.value)}
            error={add.fieldErrors.note}
          />
          <button type="submit" className="button-secondary" disabled={add.busy || !minutes}>
            Record time
          </button>
          <ErrorMessage error={add.error} />
        </form>
      ) : null}
    </section>
  );
}
