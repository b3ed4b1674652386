import { useState, type FormEvent } from 'react';
import { api } from '../../api/client';
import { ApiError } from '../../api/errors';
import type { Customer, SmsMessage, WorkOrder } from '../../api/types';
import { Badge } from '../../components/Badge';
import { ErrorMessage, Notice } from '../../components/ErrorMessage';
import { SelectField, TextArea } from '../../components/Field';
import { Loading } from '../../components/States';
import { formatDateTime, humanize } from '../../format';
import { useAction } from '../../hooks/useAction';
import { useCursorPages } from '../../hooks/useCursorPages';
import { Link } from '../../router/router';
import { optOutSentence, withdrawnReason } from '../../domain/consent';
import { formatPhone } from '../../phone';

// The text-message conversation with one customer (dispatchers and above):
// oldest at the top like a phone shows it, "Load older" above that, and the
// form to write to the customer below.

const PAGE_SIZE = 20;
const MAX_BODY = 1000;

export function SmsThread({
  customer,
  workOrders,
}: {
  customer: Customer;
  workOrders: WorkOrder[];
}) {
  const thread = useCursorPages<SmsMessage>(
    `/customers/${customer.id}/messages`,
    {},
    { pageSize: PAGE_SIZE, keyOf: (m) => m.id },
  );
  const oldestFirst = [...thread.items].reverse();
  return (
    <section className="panel" aria-labelledby="sms-h">
      <h2 id="sms-h">Text messages</h2>
      {thread.cursor && !thread.loading ? (
        <button type="button" className="button-secondary" onClick={thread.loadMore}>
          Load older
        </button>
      ) : null}
      <ErrorMessage error={thread.error} />
      {thread.loading ? <Loading what="Loading messages" /> : null}
      {!thread.loading && thread.items.length === 0 && thread.error === undefined ? (
        <p className="empty">No text messages with this customer yet.</p>
      ) : null}
      {oldestFirst.length > 0 ? (
        <ol className="thread" aria-label={`Conversation with ${customer.name}, oldest first`}>
          {oldestFirst.map((m) => (
            <SmsBubble key={m.id} message={m} />
          ))}
        </ol>
      ) : null}
      <SendForm customer={customer} workOrders={workOrders} onSent={thread.reload} />
    </section>
  );
}

function SmsBubble({ message: m }: { message: SmsMessage }) {
  const inbound = m.direction === 'inbound';
  return (
    <li className={inbound ? 'sms sms-inbound' : 'sms sms-outbound'}>
      <p className="sms-meta">
        <strong>{inbound ? 'Customer' : 'To customer'}</strong>
        {m.kind !== 'message' && m.kind !== 'inbound' ? ` · ${humanize(m.kind)}` : ''} ·{' '}
        <time dateTime={m.created_at}>{formatDateTime(m.created_at)}</time>
        {m.work_order_id ? (
          <>
            {' · '}
            <Link to={`/work-orders/${m.work_order_id}`}>about a work order</Link>
          </>
        ) : null}
      </p>
      <p className="sms-body">{m.body}</p>
      {inbound ? null : (
        <p className="sms-meta">
          <Badge kind="sms" value={m.status} />
          {m.attempts > 1 ? ` · ${m.attempts} attempts` : ''}
        </p>
      )}
      {!inbound && m.waiting_reason ? (
        <p className="sms-waiting">Waiting: {m.waiting_reason}</p>
      ) : null}
      {!inbound && m.last_error && (m.status === 'failed' || m.status === 'undelivered') ? (
        <p className="sms-waiting">Error: {m.last_error}</p>
      ) : null}
      {!inbound && withdrawnReason(m) ? <p className="sms-waiting">{withdrawnReason(m)}</p> : null}
    </li>
  );
}

const CONFLICT: Record<string, string> = {
  sms_opted_out: 'This number has opted out of text messages, so nothing was sent.',
  no_phone: 'This customer has no phone number. Add one to send a text.',
};

function SendForm({
  customer,
  workOrders,
  onSent,
}: {
  customer: Customer;
  workOrders: WorkOrder[];
  onSent: () => void;
}) {
  const [body, setBody] = useState('');
  const [workOrderId, setWorkOrderId] = useState('');
  const [notice, setNotice] = useState<string | null>(null);
  const send = useAction(async () => {
    setNotice(null);
    try {
      const res = await api.post<{ status: string }>(`/customers/${customer.id}/messages`, {
        body,
        ...(workOrderId ? { work_order_id: Number(workOrderId) } : {}),
      });
      setBody('');
      setNotice(
        res.status === 'queued'
          ? 'Message queued for sending.'
          : 'The message was not queued (it may have been sent already).',
      );
      onSent();
    } catch (err) {
      if (err instanceof ApiError && err.status === 409 && err.reason && CONFLICT[err.reason])
        // eslint-disable-next-line @typescript-eslint/only-throw-error -- useAction shows a thrown string as it is
        throw CONFLICT[err.reason];
      throw err;
    }
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void send.run();
  };
  const optedOut = optOutSentence(customer);
  const blocked = optedOut
    ? `${optedOut} Sending is turned off.`
    : !customer.phone
      ? 'This customer has no phone number. Add one (Edit customer) to send a text.'
      : null;
  return (
    <form onSubmit={submit} aria-label="Send a text message" className="sms-form">
      {blocked ? (
        <p className="warning" id="sms-blocked">
          {blocked}
        </p>
      ) : null}
      <fieldset
        className="fieldset"
        disabled={!!blocked}
        aria-describedby={blocked ? 'sms-blocked' : undefined}
      >
        <legend>
          New message to {customer.phone ? formatPhone(customer.phone) : 'the customer'}
        </legend>
        <TextArea
          label="Message"
          value={body}
          maxLength={MAX_BODY}
          required
          onChange={(e) => setBody(e.target.value)}
          error={send.fieldErrors.body}
          hint={`${body.length}/${MAX_BODY} characters`}
        />
        {workOrders.length > 0 ? (
          <SelectField
            label="About work order (optional)"
            value={workOrderId}
            onChange={(e) => setWorkOrderId(e.target.value)}
            error={send.fieldErrors.work_order_id}
            options={[
              { value: '', label: 'None' },
              ...workOrders.map((w) => ({
                value: String(w.id),
                label: `${w.number} · ${w.title}`,
              })),
            ]}
          />
        ) : null}
        <button type="submit" className="button-primary" disabled={send.busy || !body.trim()}>
          Send message
        </button>
      </fieldset>
      <ErrorMessage error={send.error} />
      <Notice text={notice} />
    </form>
  );
}
