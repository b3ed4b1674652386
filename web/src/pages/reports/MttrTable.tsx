import type { MttrFigures, MttrReport } from '../../api/types';
import { HeaderRow } from '../../components/HeaderRow';

/** "2 h 38 min" for a number of minutes; a dash when there is nothing to average. */
export function duration(minutes: number | null | undefined): string {
  if (minutes === null || minutes === undefined) return '—';
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return h > 0 ? `${h} h ${m} min` : `${m} min`;
}

function Figures({ f }: { f: MttrFigures }) {
  return (
    <>
      <td className="num">{f.work_orders}</td>
      <td className="num">{duration(f.work_order_mttr_minutes)}</td>
      <td className="num">{f.downtime_repairs}</td>
      <td className="num">{duration(f.downtime_mttr_minutes)}</td>
    </>
  );
}

/** Mean time to repair per asset: from reactive work orders and from recorded downtime. */
export function MttrTable({ report }: { report: MttrReport }) {
  return (
    <>
      <p className="hint">
        Repairs finished {report.from} to {report.to}. Work orders: corrective and emergency work on
        the asset, from created to completed. Downtime: from marked down to running again.
      </p>
      {report.assets.length === 0 ? (
        <p className="empty">No repairs were finished in these dates.</p>
      ) : (
        <div className="table-wrap">
          <table className="data-table" aria-label="Mean time to repair">
            <HeaderRow
              headers={[
                'Asset',
                'Site',
                'Work orders',
                'Mean (work orders)',
                'Downtimes',
                'Mean (downtime)',
              ]}
            />
            <tbody>
              {report.assets.map((a) => (
                <tr key={a.asset_id}>
                  <td>{a.asset_name}</td>
                  <td>{a.site_name ?? '—'}</td>
                  <Figures f={a.figures} />
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row" colSpan={2}>
                  Overall
                </th>
                <Figures f={report.overall} />
              </tr>
            </tfoot>
          </table>
        </div>
      )}
    </>
  );
}
