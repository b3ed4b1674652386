import { api } from '../../api/client';
import type { WorkOrder } from '../../api/types';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useAction } from '../../hooks/useAction';

// Whether the customer is texted about this visit (confirmation, reminder,
// "on the way"). Turning it off withdraws the texts not sent yet; it is how
// the office records work already done without texting anyone.

export function notifyText(wo: Pick<WorkOrder, 'notify_customer'>): string {
  return wo.notify_customer === false
    ? 'Off: work recorded without texting the customer'
    : 'On: the customer is texted about this visit';
}

export function NotifyCustomerToggle({
  wo,
  onChanged,
}: {
  wo: WorkOrder;
  onChanged: (updated: WorkOrder) => void;
}) {
  const on = wo.notify_customer !== false;
  const toggle = useAction(async () => {
    onChanged(
      await api.patch<WorkOrder>(`/work-orders/${wo.id}`, {
        notify_customer: !on,
        version: wo.version,
      }),
    );
  });
  return (
    <div className="notify-toggle">
      <button
        type="button"
        className="button-secondary"
        disabled={toggle.busy}
        onClick={() => void toggle.run()}
      >
        {on ? 'Stop texting the customer' : 'Text the customer about this visit'}
      </button>
      {on ? <span className="hint block">Texts not sent yet are withdrawn.</span> : null}
      <ErrorMessage error={toggle.error} />
    </div>
  );
}
