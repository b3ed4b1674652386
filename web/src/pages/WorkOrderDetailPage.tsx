import { useState } from 'react';
import { api } from '../api/client';
import type { HistoryEntry, Invoice, WorkOrder, WorkOrderDetails } from '../api/types';
import { can } from '../auth/permissions';
import { useMe } from '../auth/session';
import { AttachmentsPanel } from '../components/AttachmentsPanel';
import { Badge, ConfirmedBadge } from '../components/Badge';
import { ErrorMessage } from '../components/ErrorMessage';
import { OnTheWayButton, canSayOnTheWay } from '../components/OnTheWayButton';
import { LoadState } from '../components/States';
import { TransitionButtons } from '../components/TransitionButtons';
import { formatDateTime, humanize } from '../format';
import { useAction } from '../hooks/useAction';
import { useApi } from '../hooks/useApi';
import { useAssignees } from '../hooks/useAssignees';
import { OfflineStatus } from '../offline/OfflineStatus';
import { useReloadWhenQueuedSent } from '../offline/useOutbox';
import { Link, navigate } from '../router/router';
import { ChecklistPanel } from './work-order/ChecklistPanel';
import { CommentsPanel } from './work-order/CommentsPanel';
import { CustomerLinksPanel } from './work-order/CustomerLinksPanel';
import { EditPanel } from './work-order/EditPanel';
import { FieldFacts } from './work-order/FieldFacts';
import { HistoryPanel } from './work-order/HistoryPanel';
import { NotifyCustomerToggle, notifyText } from './work-order/NotifyCustomer';
import { PartsPanel } from './work-order/PartsPanel';
import { TimePanel } from './work-order/TimePanel';
import {
  INVOICED_MESSAGE,
  isPastDraft,
  useWorkOrderInvoice,
} from './work-order/useWorkOrderInvoice';

export function WorkOrderDetailPage({ id }: { id: number }) {
  const me = useMe();
  const wo = useApi((signal) => api.get<WorkOrder>(`/work-orders/${id}`, undefined, signal), [id]);
  const details = useApi(
    (signal) => api.get<WorkOrderDetails>(`/work-orders/${id}/details`, undefined, signal),
    [id],
  );
  const history = useApi(
    (signal) => api.get<{ items: HistoryEntry[] }>(`/work-orders/${id}/history`, undefined, signal),
    [id],
  );
  const { nameOf, people } = useAssignees();
  useReloadWhenQueuedSent(id, details.reload);
  const canWrite = can(me, 'work_orders.write');
  const seesBilling = can(me, 'invoices.manage');
  const invoice = useWorkOrderInvoice(id, seesBilling);
  // Set when the server refuses a change with 409 work_order_invoiced (an
  // invoice this page did not know about, or one opened meanwhile).
  const [refusedAsInvoiced, setRefusedAsInvoiced] = useState(false);
  const locked = refusedAsInvoiced || isPastDraft(invoice.data);
  const onInvoiced = () => {
    setRefusedAsInvoiced(true);
    invoice.reload();
  };

  return (
    <LoadState loaded={wo} what="Loading the work order">
      {(w) => (
        <article className="work-order">
          <p className="breadcrumb">
            <Link to="/work-orders">Work orders</Link> / {w.number}
          </p>
          <h1>
            {w.number}: {w.title}
          </h1>
          <p className="badges">
            <Badge kind="status" value={w.status} /> <Badge kind="priority" value={w.priority} />{' '}
            <span className="badge">{humanize(w.type)}</span>{' '}
            <ConfirmedBadge at={w.customer_confirmed_at} />
          </p>
          {canWrite ? (
            <TransitionButtons
              wo={w}
              onChanged={(updated) => {
                wo.setData(updated);
                history.reload();
              }}
            />
          ) : null}
          {canWrite && canSayOnTheWay(w, me.user.id) ? <OnTheWayButton wo={w} /> : null}
          <FieldFacts wo={w} myId={me.user.id} />
          <Summary
            wo={w}
            assignee={w.assignee_id ? (w.assignee_name ?? nameOf(w.assignee_id)) : 'Unassigned'}
            canAssign={can(me, 'work_orders.assign')}
            onChanged={wo.setData}
          />
          {w.status === 'completed' || w.status === 'closed' ? (
            <p>
              <a href={`/api/v1/work-orders/${w.id}/report.pdf`} download>
                Download the report (PDF)
              </a>
            </p>
          ) : null}
          {can(me, 'work_orders.assign') ? (
            <EditPanel
              wo={w}
              people={people}
              onSaved={(updated) => {
                wo.setData(updated);
                history.reload();
              }}
              onConflict={wo.reload}
            />
          ) : null}
          {seesBilling && (invoice.data || w.status === 'completed' || w.status === 'closed') ? (
            <InvoiceAction woId={w.id} invoice={invoice.data ?? null} />
          ) : null}
          {can(me, 'work_orders.assign') && w.customer_id !== null ? (
            <CustomerLinksPanel woId={w.id} />
          ) : null}
          {locked ? (
            <p className="warning" role="status">
              {INVOICED_MESSAGE}
            </p>
          ) : null}
          <OfflineStatus />
          <LoadState loaded={details} what="Loading checklist and comments">
            {(d) => (
              <div className="panels">
                <ChecklistPanel
                  woId={w.id}
                  items={d.checklist}
                  canWrite={canWrite}
                  onChanged={details.reload}
                />
                <CommentsPanel
                  woId={w.id}
                  comments={d.comments}
                  canWrite={canWrite}
                  onChanged={details.reload}
                />
                <TimePanel
                  woId={w.id}
                  entries={d.time_entries}
                  canWrite={canWrite && !locked}
                  nameOf={nameOf}
                  onChanged={details.reload}
                  onInvoiced={onInvoiced}
                />
                <PartsPanel
                  woId={w.id}
                  parts={d.parts}
                  canWrite={canWrite && !locked}
                  seesPrices={seesBilling}
                  onChanged={details.reload}
                  onInvoiced={onInvoiced}
                />
              </div>
            )}
          </LoadState>
          <AttachmentsPanel owner="work-orders" ownerId={w.id} />
          <LoadState loaded={history} what="Loading history">
            {(h) => <HistoryPanel history={h.items} nameOf={nameOf} />}
          </LoadState>
        </article>
      )}
    </LoadState>
  );
}

function Summary({
  wo,
  assignee,
  canAssign,
  onChanged,
}: {
  wo: WorkOrder;
  assignee: string;
  canAssign: boolean;
  onChanged: (updated: WorkOrder) => void;
}) {
  return (
    <section className="panel" aria-labelledby="summary-h">
      <h2 id="summary-h">Details</h2>
      <dl className="facts">
        <dt>Customer</dt>
        <dd>
          {wo.customer_id ? (
            <Link to={`/customers/${wo.customer_id}`}>
              {wo.customer_name ?? `Customer #${wo.customer_id}`}
            </Link>
          ) : (
            '—'
          )}
          {wo.customer_confirmed_at ? (
            <span className="hint">
              {' '}
              · confirmed the visit by SMS on {formatDateTime(wo.customer_confirmed_at)}
            </span>
          ) : null}
        </dd>
        <dt>Assignee</dt>
        <dd>{assignee}</dd>
        <dt>Scheduled</dt>
        <dd>
          {formatDateTime(wo.scheduled_start)}
          {wo.scheduled_end ? ` – ${formatDateTime(wo.scheduled_end)}` : ''}
        </dd>
        <dt>Due</dt>
        <dd>{formatDateTime(wo.due_at)}</dd>
        <dt>Customer texts</dt>
        <dd>
          {notifyText(wo)}
          {canAssign ? <NotifyCustomerToggle wo={wo} onChanged={onChanged} /> : null}
        </dd>
        <dt>Estimated hours</dt>
        <dd>{wo.estimated_hours ?? '—'}</dd>
        <dt>Completed</dt>
        <dd>{formatDateTime(wo.completed_at)}</dd>
      </dl>
      <h3>Description</h3>
      <p className="prewrap">{wo.description || 'No description.'}</p>
    </section>
  );
}

/** Invoice a completed work order (labour at the org's rate plus parts), or show its invoice. */
function InvoiceAction({ woId, invoice }: { woId: number; invoice: Invoice | null }) {
  const create = useAction(async () => {
    const invoice = await api.post<Invoice>(`/work-orders/${woId}/invoice`);
    navigate(`/invoices/${invoice.id}`);
  });
  return (
    <section className="panel" aria-labelledby="invoice-h">
      <h2 id="invoice-h">Billing</h2>
      {invoice ? (
        <p>
          <Link to={`/invoices/${invoice.id}`}>Invoice {invoice.number}</Link>{' '}
          <Badge kind="invoice" value={invoice.status} />
        </p>
      ) : (
        <button
          type="button"
          className="button-primary"
          disabled={create.busy}
          onClick={() => void create.run()}
        >
          Create invoice
        </button>
      )}
      <ErrorMessage error={create.error} />
    </section>
  );
}
