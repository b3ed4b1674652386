import { useState, type FormEvent } from 'react';
import type { WorkOrderDetails } from '../../api/types';
import { useMe } from '../../auth/session';
import { ErrorMessage } from '../../components/ErrorMessage';
import { JobTimer } from '../../components/JobTimer';
import { TextField } from '../../components/Field';
import { formatDateTime } from '../../format';
import { useAction } from '../../hooks/useAction';
import { useDraft } from '../../offline/drafts';
import { SAVED_OFFLINE_MESSAGE, sendOrQueue } from '../../offline/outbox';
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
  const userId = useMe().user.id;
  // Kept through a session expiry; queued when offline (offline/outbox.ts).
  const [minutes, setMinutes] = useDraft(userId, `${woId}.time.minutes`);
  const [note, setNote] = useDraft(userId, `${woId}.time.note`);
  const [queued, setQueued] = useState(false);
  const add = useAction(async () => {
    const how = await refusedAsInvoiced(
      sendOrQueue(userId, {
        kind: 'time',
        woId,
        method: 'POST',
        path: `/work-orders/${woId}/time`,
        body: { minutes: Number(minutes), note },
        label: `Time: ${minutes} min${note ? ` — ${note}` : ''}`,
      }),
      onInvoiced,
    );
    setMinutes('');
    setNote('');
    setQueued(how === 'queued');
    if (how === 'sent') onChanged();
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
        <JobTimer userId={userId} woId={woId} onStop={(m) => setMinutes(String(m))} />
      ) : null}
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
          {queued ? (
            <p className="hint" role="status">
              {SAVED_OFFLINE_MESSAGE}
            </p>
          ) : null}
          <ErrorMessage error={add.error} />
        </form>
      ) : null}
    </section>
  );
}
