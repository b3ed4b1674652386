import { api } from '../api/client';
import type { MyRequestView } from '../api/types.gen';
import { LoadState } from '../components/States';
import { formatDateTime, humanize } from '../format';
import { useApi } from '../hooks/useApi';
import { Link } from '../router/router';

// A requester's (a plant operator's) home: the problems they reported and
// where each stands: new, approved (with the work order's number and
// status) or declined (with the office's reason). Nothing else of the
// organization: the server answers only their own requests.

export function MyRequestsPage() {
  const list = useApi(
    (signal) => api.get<{ items: MyRequestView[] }>('/my/requests', undefined, signal),
    [],
  );
  return (
    <section>
      <h1>My requests</h1>
      <p>
        <Link to="/my-requests/new" className="button button-primary">
          New request
        </Link>
      </p>
      <LoadState loaded={list} what="Loading your requests">
        {(l) =>
          l.items.length === 0 ? (
            <p className="empty">You have not reported a problem yet.</p>
          ) : (
            <ul className="plain-list request-list">
              {l.items.map((r) => (
                <li key={r.id} className="panel request-item" aria-label={`Request ${r.id}`}>
                  <p>
                    <strong>{[r.asset_name, r.site_name].filter(Boolean).join(' · ')}</strong>{' '}
                    <span className="hint">{formatDateTime(r.created_at)}</span>
                  </p>
                  <p className="request-text">{r.description}</p>
                  <p className="request-status">
                    {humanize(r.status)}
                    {r.work_order_number
                      ? ` · work order ${r.work_order_number}${
                          r.work_order_status ? ` (${humanize(r.work_order_status)})` : ''
                        }`
                      : ''}
                  </p>
                  {r.decline_reason ? <p>Reason: {r.decline_reason}</p> : null}
                </li>
              ))}
            </ul>
          )
        }
      </LoadState>
    </section>
  );
}
