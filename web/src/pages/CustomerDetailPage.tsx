import { useState } from 'react';
import { api } from '../api/client';
import type { Customer, CustomerChange, Page, WorkOrder } from '../api/types';
import { can } from '../auth/permissions';
import { useMe } from '../auth/session';
import { Badge, ConfirmedBadge } from '../components/Badge';
import { LoadState } from '../components/States';
import type { Loaded } from '../hooks/useApi';
import { formatDateTime } from '../format';
import { useApi } from '../hooks/useApi';
import { Link } from '../router/router';
import { CustomerForm } from './customer/CustomerForm';
import { SitesPanel } from './customer/SitesPanel';
import { ServicePlansPanel } from './customer/ServicePlansPanel';
import { SmsThread } from './customer/SmsThread';
import { PrivacyPanel } from './customer/PrivacyPanel';
import { optInSentence, optOutSentence } from '../domain/consent';
import { formatPhone } from '../phone';
import { Breadcrumb } from '../components/Breadcrumb';

export function CustomerDetailPage({ id }: { id: number }) {
  const me = useMe();
  const customer = useApi(
    (signal) => api.get<Customer>(`/customers/${id}`, undefined, signal),
    [id],
  );
  const [editing, setEditing] = useState(false);
  const canWrite = can(me, 'customers.write');
  const readsWork = can(me, 'work_orders.read');
  // One list of the customer's work orders for the history and the "about
  // work order" choice when texting.
  const workOrders = useApi(
    (signal) =>
      readsWork
        ? api.get<Page<WorkOrder>>('/work-orders', { customer_id: id, limit: 50 }, signal)
        : Promise.resolve({ items: [], next_cursor: null }),
    [id, readsWork],
  );
  return (
    <LoadState loaded={customer} what="Loading the customer">
      {(c) => (
        <article>
          <Breadcrumb to="/customers" list="Customers" here={c.name} />
          <div className="page-head">
            <h1>{c.name}</h1>
            <div className="actions">
              {can(me, 'work_orders.assign') ? (
                <Link className="button button-primary" to={`/work-orders/new?customer_id=${c.id}`}>
                  New work order
                </Link>
              ) : null}
              {canWrite ? (
                <button
                  type="button"
                  className="button-secondary"
                  aria-expanded={editing}
                  onClick={() => setEditing((e) => !e)}
                >
                  {editing ? 'Cancel editing' : 'Edit customer'}
                </button>
              ) : null}
            </div>
          </div>
          {editing ? (
            <section className="panel" aria-labelledby="edit-h">
              <h2 id="edit-h">Edit customer</h2>
              <CustomerForm
                initial={c}
                submitLabel="Save changes"
                onSubmit={async (body) => {
                  const change: CustomerChange = { ...body, version: c.version };
                  const updated = await api.patch<Customer>(`/customers/${c.id}`, change);
                  customer.setData(updated);
                  setEditing(false);
                }}
              />
            </section>
          ) : (
            <section className="panel" aria-labelledby="contact-h">
              <h2 id="contact-h">Contact</h2>
              <dl className="facts">
                <dt>Phone</dt>
                <dd>{formatPhone(c.phone)}</dd>
                <dt>Email</dt>
                <dd>{c.email ?? '—'}</dd>
                <dt>SMS</dt>
                <dd>
                  <span className={c.sms_opt_out ? 'badge badge-optout' : 'badge badge-optin'}>
                    {c.sms_opt_out ? 'Opted out of SMS' : 'SMS allowed'}
                  </span>
                  <SmsConsentNote customer={c} />
                </dd>
                <dt>Billing address</dt>
                <dd className="prewrap">{c.billing_address || '—'}</dd>
                <dt>Notes</dt>
                <dd className="prewrap">{c.notes || '—'}</dd>
              </dl>
            </section>
          )}
          <SitesPanel customerId={c.id} canWrite={canWrite} />
          {can(me, 'work_orders.assign') ? <ServicePlansPanel customerId={c.id} /> : null}
          <PrivacyPanel
            customerId={c.id}
            customerName={c.name}
            canWrite={canWrite}
            canManage={can(me, 'users.manage')}
            onErased={customer.reload}
          />
          {can(me, 'work_orders.assign') ? (
            <SmsThread customer={c} workOrders={workOrders.data?.items ?? []} />
          ) : null}
          {readsWork ? <CustomerWorkOrders list={workOrders} /> : null}
        </article>
      )}
    </LoadState>
  );
}

/** Who chose, and when: consent belongs to the phone number, not this record. */
function SmsConsentNote({ customer }: { customer: Customer }) {
  const text = optOutSentence(customer) ?? optInSentence(customer);
  return text ? <span className="hint block consent-note">{text}</span> : null;
}

function CustomerWorkOrders({ list }: { list: Loaded<Page<WorkOrder>> }) {
  return (
    <section className="panel" aria-labelledby="cust-wo-h">
      <h2 id="cust-wo-h">Work-order history</h2>
      <LoadState loaded={list} what="Loading work orders">
        {(page) =>
          page.items.length === 0 ? (
            <p className="empty">No work orders for this customer.</p>
          ) : (
            <ul className="plain-list">
              {page.items.map((w) => (
                <li key={w.id}>
                  <Link to={`/work-orders/${w.id}`}>{w.number}</Link> {w.title}{' '}
                  <Badge kind="status" value={w.status} />{' '}
                  <ConfirmedBadge at={w.customer_confirmed_at} />{' '}
                  {formatDateTime(w.scheduled_start ?? w.created_at)}
                </li>
              ))}
            </ul>
          )
        }
      </LoadState>
    </section>
  );
}
