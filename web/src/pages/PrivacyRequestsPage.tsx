import { useState } from 'react';
import { api } from '../api/client';
import type { PrivacyRequestView } from '../api/types.gen';
import { ErrorMessage } from '../components/ErrorMessage';
import { LoadState } from '../components/States';
import { formatDateTime } from '../format';
import { useApi } from '../hooks/useApi';
import { Link } from '../router/router';
import { OrgExportPanel } from './org/OrgExportPanel';

interface Items<T> {
  items: T[];
}

const TYPES: Record<string, string> = {
  access: 'Access / copy',
  deletion: 'Deletion',
  opt_out: 'Opt-out',
};

/** Settings → Privacy requests: the data-subject request log (GDPR 30 days, CCPA 45). */
export function PrivacyRequestsPage() {
  const list = useApi(
    (signal) => api.get<Items<PrivacyRequestView>>('/privacy-requests', undefined, signal),
    [],
  );
  return (
    <section>
      <h1>Privacy requests</h1>
      <p className="hint">
        A customer asking for their data, its deletion or an opt-out. GDPR requests are due in 30
        days, CCPA requests in 45.
      </p>
      <NewRequestForm onCreated={list.reload} />
      <LoadState loaded={list} what="Loading privacy requests">
        {(page) =>
          page.items.length === 0 ? (
            <p className="empty">No privacy requests yet.</p>
          ) : (
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">Received</th>
                  <th scope="col">Type</th>
                  <th scope="col">Customer</th>
                  <th scope="col">Due</th>
                  <th scope="col">Status</th>
                </tr>
              </thead>
              <tbody>
                {page.items.map((r) => (
                  <RequestRow key={r.id} r={r} onDone={list.reload} />
                ))}
              </tbody>
            </table>
          )
        }
      </LoadState>
      <OrgExportPanel />
    </section>
  );
}

function RequestRow({ r, onDone }: { r: PrivacyRequestView; onDone: () => void }) {
  const [error, setError] = useState<unknown>(null);
  const complete = async () => {
    try {
      await api.post(`/privacy-requests/${r.id}/complete`);
      onDone();
    } catch (e) {
      setError(e);
    }
  };
  return (
    <tr>
      <td>{r.received_on}</td>
      <td>
        {TYPES[r.type] ?? r.type} ({r.regime.toUpperCase()})
      </td>
      <td>
        {r.customer_id ? (
          <Link to={`/customers/${r.customer_id}`}>{r.customer_name ?? 'Customer'}</Link>
        ) : (
          '—'
        )}
      </td>
      <td>
        {r.due_on} {r.overdue ? <span className="badge badge-optout">Overdue</span> : null}
      </td>
      <td>
        {r.completed_at ? (
          `Done ${formatDateTime(r.completed_at)}${r.completed_by_name ? ` by ${r.completed_by_name}` : ''}`
        ) : (
          <button type="button" className="button-secondary" onClick={() => void complete()}>
            Mark done
          </button>
        )}
        <ErrorMessage error={error} />
      </td>
    </tr>
  );
}

function NewRequestForm({ onCreated }: { onCreated: () => void }) {
  const [type, setType] = useState('access');
  const [regime, setRegime] = useState('gdpr');
  const [receivedOn, setReceivedOn] = useState('');
  const [customerId, setCustomerId] = useState('');
  const [notes, setNotes] = useState('');
  const [error, setError] = useState<unknown>(null);
  const submit = async () => {
    setError(null);
    try {
      await api.post('/privacy-requests', {
        type,
        regime,
        received_on: receivedOn,
        notes,
        ...(customerId ? { customer_id: Number(customerId) } : {}),
      });
      setNotes('');
      onCreated();
    } catch (e) {
      setError(e);
    }
  };
  return (
    <form
      className="panel form-grid"
      aria-labelledby="new-pr-h"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <h2 id="new-pr-h">Log a request</h2>
      <div className="field">
        <label htmlFor="pr-type">Type</label>
        <select id="pr-type" value={type} onChange={(e) => setType(e.target.value)}>
          {Object.entries(TYPES).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="pr-regime">Law</label>
        <select id="pr-regime" value={regime} onChange={(e) => setRegime(e.target.value)}>
          <option value="gdpr">GDPR (30 days)</option>
          <option value="ccpa">CCPA (45 days)</option>
        </select>
      </div>
      <div className="field">
        <label htmlFor="pr-received">Received on</label>
        <input
          id="pr-received"
          type="date"
          required
          value={receivedOn}
          onChange={(e) => setReceivedOn(e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor="pr-customer">Customer number (optional)</label>
        <input
          id="pr-customer"
          inputMode="numeric"
          value={customerId}
          onChange={(e) => setCustomerId(e.target.value.replace(/\D/g, ''))}
        />
      </div>
      <div className="field">
        <label htmlFor="pr-notes">Notes</label>
        <input id="pr-notes" value={notes} onChange={(e) => setNotes(e.target.value)} />
      </div>
      <ErrorMessage error={error} />
      <div className="form-actions">
        <button type="submit" className="button-primary">
          Log request
        </button>
      </div>
    </form>
  );
}

/** The owner's dashboard card: open requests past their due date. */
export function OverduePrivacyCard() {
  const list = useApi(
    (signal) => api.get<Items<PrivacyRequestView>>('/privacy-requests', undefined, signal),
    [],
  );
  const overdue = list.data?.items.filter((r) => r.overdue).length ?? 0;
  if (overdue === 0) return null;
  return (
    <section className="panel" aria-labelledby="pr-card-h">
      <h2 id="pr-card-h">Privacy requests overdue</h2>
      <p>
        {overdue} data-subject request{overdue === 1 ? ' is' : 's are'} past the legal deadline.{' '}
        <Link to="/admin/privacy-requests">See privacy requests</Link>
      </p>
    </section>
  );
}
