import { useState } from 'react';
import { api } from '../api/client';
import type { WoStatus, WorkOrder } from '../api/types';
import { ErrorMessage } from './ErrorMessage';
import { useMe } from '../auth/session';
import { useAction } from '../hooks/useAction';
import { startTimer } from '../offline/timer';

// Only the moves the server says this user may make (allowed_transitions,
// which already leaves out reopening for technicians) become buttons. Pages
// show these buttons only to people who may change work orders.

export function transitionLabel(from: WoStatus, to: WoStatus): string {
  switch (to) {
    case 'scheduled':
      return 'Mark scheduled';
    case 'in_progress':
      return from === 'on_hold' ? 'Resume work' : 'Start work';
    case 'on_hold':
      return 'Put on hold';
    case 'completed':
      return 'Complete';
    case 'closed':
      return 'Close';
    case 'cancelled':
      return 'Cancel work order';
    case 'open':
      return 'Reopen';
  }
}

export function TransitionButtons({
  wo,
  onChanged,
  big = false,
}: {
  wo: WorkOrder;
  onChanged: (wo: WorkOrder) => void;
  big?: boolean;
}) {
  // Cancelling sits next to "Start work" on a phone: ask once more first.
  const [confirmCancel, setConfirmCancel] = useState(false);
  const userId = useMe().user.id;
  const move = useAction(async (to: WoStatus) => {
    const updated = await api.post<WorkOrder>(`/work-orders/${wo.id}/transition`, {
      to,
      version: wo.version,
    });
    // "Start work" starts the job timer (components/JobTimer.tsx).
    if (to === 'in_progress') startTimer(userId, wo.id);
    setConfirmCancel(false);
    onChanged(updated);
  });
  const options = wo.allowed_transitions;
  if (options.length === 0) return <p className="hint">No further status changes.</p>;
  return (
    <div className="transitions">
      <div className={big ? 'button-row button-row-big' : 'button-row'}>
        {options.map((to) => (
          <button
            key={to}
            type="button"
            disabled={move.busy}
            className={
              to === 'cancelled'
                ? 'button-danger'
                : to === 'completed' || to === 'in_progress'
                  ? 'button-primary'
                  : 'button-secondary'
            }
            onClick={() =>
              to === 'cancelled' && !confirmCancel ? setConfirmCancel(true) : void move.run(to)
            }
          >
            {to === 'cancelled' && confirmCancel
              ? 'Yes, cancel it'
              : transitionLabel(wo.status, to)}
          </button>
        ))}
        {confirmCancel ? (
          <button
            type="button"
            className="button-secondary"
            onClick={() => setConfirmCancel(false)}
          >
            Keep it
          </button>
        ) : null}
      </div>
      <ErrorMessage error={move.error} />
    </div>
  );
}
