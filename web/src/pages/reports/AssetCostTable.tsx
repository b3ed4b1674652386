import type { AssetCostsReport } from '../../api/types';
import { HeaderRow } from '../../components/HeaderRow';
import { formatMoney } from '../../format';
import { Link } from '../../router/router';

/** Labour and parts per asset, highest total first, as the server sorts them. */
export function AssetCostTable({ report }: { report: AssetCostsReport }) {
  if (report.assets.length === 0) return <p className="empty">No work on assets in these dates.</p>;
  return (
    <div className="table-wrap">
      <table className="data-table" aria-label="Cost per asset">
        <HeaderRow headers={['Asset', 'Site', 'Work orders', 'Labour', 'Parts', 'Total']} />
        <tbody>
          {report.assets.map((a) => (
            <tr key={a.asset_id}>
              <td>
                <Link to={`/assets/${a.asset_id}`}>{a.asset_name}</Link>
              </td>
              <td>{a.site_name ?? '—'}</td>
              <td className="num">{a.work_orders}</td>
              <td className="num">{formatMoney(a.labour_cents)}</td>
              <td className="num">{formatMoney(a.parts_cents)}</td>
              <td className="num">{formatMoney(a.total_cents)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={3}>
              Total
            </th>
            <td className="num">{formatMoney(report.labour_cents)}</td>
            <td className="num">{formatMoney(report.parts_cents)}</td>
            <td className="num">{formatMoney(report.total_cents)}</td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
