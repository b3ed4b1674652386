import { useState } from 'react';
import { api } from '../api/client';
import { ApiError } from '../api/errors';
import type { OnTheWayStatus, WorkOrder } from '../api/types';
import { useAction } from '../hooks/useAction';
import { ErrorMessage } from './ErrorMessage';

// A technician setting off texts the customer ("your technician is on the
// way"). The server answers 202 with what happened; each outcome gets a
// sentence a person in a van can act on.

const OUTCOME: Record<OnTheWayStatus, { text: string; ok: boolean }> = {
  queued: { text: 'The customer will get a text that you are on the way.', ok: true },
  already_sent: {
    text: 'The customer was already told you are on the way (within the last hour).',
    ok: true,
  },
  customer_opted_out: {
    text: 'The customer has opted out of text messages; no text was sent. Call them if needed.',
    ok: false,
  },
  no_phone: { text: 'The customer has no phone number on file; no text was sent.', ok: false },
  no_schedule: {
    text: 'This work order has no scheduled time or customer, so no text was sent.',
    ok: false,
  },
  not_notified: {
    text: 'Texts to the customer are turned off for this work order; no text was sent.',
    ok: false,
  },
};

export function canSayOnTheWay(wo: Pick<WorkOrder, 'status'>): boolean {
  return wo.status === 'scheduled' || wo.status === 'open';
}

export function OnTheWayButton({ woId, big = false }: { woId: number; big?: boolean }) {
  const [outcome, setOutcome] = useState<{ text: string; ok: boolean } | null>(null);
  const send = useAction(async () => {
    setOutcome(null);
    try {
      const res = await api.post<{ status: OnTheWayStatus }>(`/work-orders/${woId}/on-the-way`);
      setOutcome(OUTCOME[res.status] ?? { text: 'The request was accepted.', ok: true });
    } catch (err) {
      if (err instanceof ApiError && err.status === 409 && err.reason === 'not_scheduled') {
        setOutcome({ text: 'This work order is not waiting for a visit any more.', ok: false });
        return;
      }
      throw err;
    }
  });
  return (
    <div className="on-the-way">
      <button
        type="button"
        className={big ? 'button-secondary button-block button-big' : 'button-secondary'}
        disabled={send.busy}
        onClick={() => void send.run()}
      >
        On the way
      </button>
      <ErrorMessage error={send.error} />
      <div className="notice-slot" aria-live="polite">
        {outcome ? <p className={outcome.ok ? 'notice' : 'warning'}>{outcome.text}</p> : null}
      </div>
    </div>
  );
}
