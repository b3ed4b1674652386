import { useState } from 'react';
import { api } from '../api/client';
import type { RequestDeclined, WorkRequestView } from '../api/types.gen';
import { ErrorMessage } from '../components/ErrorMessage';
import { SelectField, TextField } from '../components/Field';
import { LoadState } from '../components/States';
import { formatDateTime, humanize } from '../format';
import { useAction } from '../hooks/useAction';
import { useApi } from '../hooks/useApi';
import { Link } from '../router/router';

// The office's inbox of problem reports filed from QR labels: approve one
// (a work order on that asset and site) or decline it with a reason, which
// is texted to the requester when they gave a phone (unless they texted STOP),
// or emailed to a requester who filed in the app (their account's address).

const FILTERS = [
  { value: 'new', label: 'New' },
  { value: 'approved', label: 'Approved' },
  { value: 'declined', label: 'Declined' },
  { value: '', label: 'All' },
];

export function RequestsPage() {
  const [status, setStatus] = useState('new');
  const list = useApi(
    (signal) =>
      api.get<{ items: WorkRequestView[] }>('/requests', status ? { status } : undefined, signal),
    [status],
  );
  return (
    <section>
      <h1>Requests</h1>
      <p className="hint">
        Problems reported by scanning an asset&apos;s QR label (make labels on an asset&apos;s
        page).
      </p>
      <SelectField
        label="Show"
        value={status}
        options={FILTERS}
        onChange={(e) => setStatus(e.target.value)}
      />
      <LoadState loaded={list} what="Loading requests">
        {(l) =>
          l.items.length === 0 ? (
            <p className="empty">No requests here.</p>
          ) : (
            <ul className="plain-list request-list">
              {l.items.map((r) => (
                <RequestItem key={r.id} request={r} onChanged={list.reload} />
              ))}
            </ul>
          )
        }
      </LoadState>
    </section>
  );
}

function RequestItem({
  request: r,
  onChanged,
}: {
  request: WorkRequestView;
  onChanged: () => void;
}) {
  const [declining, setDeclining] = useState(false);
  const [reason, setReason] = useState('');
  const [told, setTold] = useState<string | null>(null);
  const approve = useAction(async () => {
    await api.post(`/requests/${r.id}/approve`, { version: r.version });
    onChanged();
  });
  const decline = useAction(async () => {
    const answer = await api.post<RequestDeclined>(`/requests/${r.id}/decline`, {
      version: r.version,
      reason,
    });
    setTold(
      answer.email === 'queued'
        ? 'The reason is being emailed to them.'
        : answer.text === 'queued'
          ? 'The reason is being texted.'
          : answer.text
            ? 'Not texted: they opted out.'
            : null,
    );
    onChanged();
  });
  const where = [r.asset_name, r.site_name].filter(Boolean).join(' · ');
  return (
    <li className="panel request-item" aria-label={`Request ${r.id}`}>
      <p>
        <strong>{where || 'Request'}</strong>{' '}
        <span className="hint">
          {formatDateTime(r.created_at)} · {humanize(r.status)}
        </span>
      </p>
      <p className="request-text">{r.description}</p>
      {r.photos.length > 0 ? (
        <ul className="request-photos" aria-label="Photos">
          {r.photos.map((p, i) => (
            <li key={p.id}>
              <a href={p.url} target="_blank" rel="noreferrer">
                <img src={p.thumbnail_url ?? p.url} alt={`Photo ${i + 1}`} width={96} />
              </a>
            </li>
          ))}
        </ul>
      ) : null}
      <p className="hint">
        From {r.requester_name}
        {r.requester_phone ? ` · ${r.requester_phone}` : ''}
      </p>
      {r.work_order_id ? (
        <p>
          Work order <Link to={`/work-orders/${r.work_order_id}`}>{r.work_order_number}</Link>
        </p>
      ) : null}
      {r.decline_reason ? <p>Declined: {r.decline_reason}</p> : null}
      {told ? <p role="status">{told}</p> : null}
      {r.status === 'new' ? (
        declining ? (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              void decline.run();
            }}
          >
            <TextField
              label="Reason (texted to them if they gave a phone, emailed if they filed in the app)"
              value={reason}
              required
              maxLength={500}
              error={decline.fieldErrors.reason}
              onChange={(e) => setReason(e.target.value)}
            />
            <span className="button-row">
              <button type="submit" className="button button-primary" disabled={decline.busy}>
                Decline
              </button>
              <button
                type="button"
                className="button-secondary"
                onClick={() => setDeclining(false)}
              >
                Cancel
              </button>
            </span>
          </form>
        ) : (
          <span className="button-row">
            <button
              type="button"
              className="button button-primary"
              disabled={approve.busy}
              onClick={() => void approve.run()}
            >
              Approve
            </button>
            <button type="button" className="button-secondary" onClick={() => setDeclining(true)}>
              Decline…
            </button>
          </span>
        )
      ) : null}
      <ErrorMessage error={approve.error ?? decline.error} />
    </li>
  );
}
