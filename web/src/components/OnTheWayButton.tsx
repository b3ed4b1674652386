import { useState } from 'react';
import { api } from '../api/client';
import { ApiError } from '../api/errors';
import type { OnTheWayView, WorkOrder } from '../api/types';
import { useAction } from '../hooks/useAction';
import { ErrorMessage } from './ErrorMessage';

// A technician setting off texts the customer ("your technician is on the
// way"). The server answers 202 with what happened and a sentence saying
// truthfully whether a text will reach the customer (no phone, STOP, texts
// turned off, no SMS number): shown as is, a warning when none goes out.

/** Offered only on a scheduled visit assigned to the caller, with a customer to tell. */
export function canSayOnTheWay(
  wo: Pick<WorkOrder, 'status' | 'assignee_id' | 'customer_id'>,
  myId: number,
): boolean {
  return wo.status === 'scheduled' && wo.assignee_id === myId && !!wo.customer_id;
}

// Before the tap: whether a text will go out, as the server sees it.
const BLOCKED: Record<string, string> = {
  no_phone: 'No text will be sent: the customer has no phone number on file.',
  customer_opted_out: 'No text will be sent: the customer opted out of texts. Call them if needed.',
  not_notified: 'No text will be sent: texts are turned off for this work order.',
};

export function OnTheWayButton({
  wo,
  big = false,
}: {
  wo: Pick<WorkOrder, 'id' | 'customer_textable' | 'customer_text_blocker'>;
  big?: boolean;
}) {
  const woId = wo.id;
  const before =
    wo.customer_textable === false
      ? (BLOCKED[wo.customer_text_blocker ?? ''] ?? 'No text will be sent to the customer.')
      : wo.customer_textable
        ? 'Tapping texts the customer that you are on the way.'
        : null;
  const [outcome, setOutcome] = useState<{ text: string; ok: boolean } | null>(null);
  const send = useAction(async () => {
    setOutcome(null);
    try {
      const res = await api.post<OnTheWayView>(`/work-orders/${woId}/on-the-way`);
      setOutcome({
        text: res.explanation,
        ok: res.text_will_send || res.status === 'already_sent',
      });
    } catch (err) {
      if (err instanceof ApiError && err.status === 409 && err.reason === 'not_scheduled') {
        setOutcome({ text: `No text was sent: ${err.message}.`, ok: false });
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
      {before && !outcome ? <p className="hint">{before}</p> : null}
      <ErrorMessage error={send.error} />
      <div className="notice-slot" aria-live="polite">
        {outcome ? <p className={outcome.ok ? 'notice' : 'warning'}>{outcome.text}</p> : null}
      </div>
    </div>
  );
}
