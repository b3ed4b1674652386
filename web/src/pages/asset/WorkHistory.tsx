import { api } from '../../api/client';
import type { AssetWorkHistory } from '../../api/types';
import { Badge } from '../../components/Badge';
import { LoadState } from '../../components/States';
import { formatDateTime, formatMoney } from '../../format';
import { useApi } from '../../hooks/useApi';
import { Link } from '../../router/router';

// The asset's work orders, newest first, with what each cost as its invoice
// would bill it (labour at the organization's rate, parts at unit cost).
// Technicians get their own work without costs (the server leaves them out).

function money(cents: number | undefined): string {
  return cents === undefined ? '—' : formatMoney(cents);
}

export function WorkHistory({ assetId }: { assetId: number }) {
  const history = useApi(
    (signal) => api.get<AssetWorkHistory>(`/assets/${assetId}/work-orders`, undefined, signal),
    [assetId],
  );
  return (
    <section className="panel" aria-labelledby="asset-work-h">
      <h2 id="asset-work-h">Work history</h2>
      <LoadState loaded={history} what="Loading the work history">
        {(h) =>
          h.items.length === 0 ? (
            <p className="empty">No work orders for this asset yet.</p>
          ) : (
            <div className="table-wrap">
              <table className="data-table">
                <thead>
                  <tr>
                    <th scope="col">Work order</th>
                    <th scope="col">Status</th>
                    <th scope="col">Scheduled</th>
                    <th scope="col">Completed</th>
                    <th scope="col">Labour</th>
                    {h.total_cents !== undefined ? (
                      <>
                        <th scope="col">Labour cost</th>
                        <th scope="col">Parts cost</th>
                        <th scope="col">Total</th>
                      </>
                    ) : null}
                  </tr>
                </thead>
                <tbody>
                  {h.items.map((w) => (
                    <tr key={w.id}>
                      <td>
                        <Link to={`/work-orders/${w.id}`}>
                          {w.number}: {w.title}
                        </Link>
                      </td>
                      <td>
                        <Badge kind="status" value={w.status} />
                      </td>
                      <td>{formatDateTime(w.scheduled_start)}</td>
                      <td>{formatDateTime(w.completed_at)}</td>
                      <td>{w.labour_minutes} min</td>
                      {h.total_cents !== undefined ? (
                        <>
                          <td>{money(w.labour_cents)}</td>
                          <td>{money(w.parts_cents)}</td>
                          <td>{money(w.total_cents)}</td>
                        </>
                      ) : null}
                    </tr>
                  ))}
                </tbody>
                {h.total_cents !== undefined ? (
                  <tfoot>
                    <tr>
                      <th scope="row" colSpan={5}>
                        Total{h.truncated ? ' (newest 200 work orders)' : ''}
                      </th>
                      <td>{money(h.labour_cents)}</td>
                      <td>{money(h.parts_cents)}</td>
                      <td>{money(h.total_cents)}</td>
                    </tr>
                  </tfoot>
                ) : null}
              </table>
            </div>
          )
        }
      </LoadState>
    </section>
  );
}
