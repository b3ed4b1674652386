import { api } from '../../api/client';
import type { AssetCost } from '../../api/types';
import { LoadState } from '../../components/States';
import { formatMoney } from '../../format';
import { useApi } from '../../hooks/useApi';

function monthName(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return new Date(Date.UTC(y ?? 2000, (m ?? 1) - 1, 1)).toLocaleDateString(undefined, {
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });
}

/** Labour and parts per month over the last year, as invoices would bill them. */
export function CostTable({ assetId }: { assetId: number }) {
  const cost = useApi(
    (signal) => api.get<AssetCost>(`/assets/${assetId}/cost`, { months: 12 }, signal),
    [assetId],
  );
  return (
    <section className="panel" aria-labelledby="cost-h">
      <h2 id="cost-h">Cost per month</h2>
      <LoadState loaded={cost} what="Loading costs">
        {(c) =>
          c.months.every((m) => m.work_orders === 0) ? (
            <p className="empty">No work orders on this asset in the last 12 months.</p>
          ) : (
            <div className="table-wrap">
              <table className="data-table">
                <caption className="visually-hidden">Labour and parts per month</caption>
                <thead>
                  <tr>
                    <th scope="col">Month</th>
                    <th scope="col">Work orders</th>
                    <th scope="col">Labour</th>
                    <th scope="col">Parts</th>
                    <th scope="col">Total</th>
                  </tr>
                </thead>
                <tbody>
                  {c.months
                    .filter((m) => m.work_orders > 0)
                    .reverse()
                    .map((m) => (
                      <tr key={m.month}>
                        <td data-label="Month">{monthName(m.month)}</td>
                        <td data-label="Work orders">{m.work_orders}</td>
                        <td data-label="Labour">{formatMoney(m.labour_cents)}</td>
                        <td data-label="Parts">{formatMoney(m.parts_cents)}</td>
                        <td data-label="Total">{formatMoney(m.total_cents)}</td>
                      </tr>
                    ))}
                </tbody>
                <tfoot>
                  <tr>
                    <th scope="row">Last 12 months</th>
                    <td />
                    <td>{formatMoney(c.labour_cents)}</td>
                    <td>{formatMoney(c.parts_cents)}</td>
                    <td>{formatMoney(c.total_cents)}</td>
                  </tr>
                </tfoot>
              </table>
            </div>
          )
        }
      </LoadState>
    </section>
  );
}
