import type { PmComplianceReport, PmCounts } from '../../api/types';
import { HeaderRow } from '../../components/HeaderRow';

function percent(c: PmCounts): string {
  return c.compliance_percent === null || c.compliance_percent === undefined
    ? '—'
    : `${c.compliance_percent}%`;
}

function Counts({ c }: { c: PmCounts }) {
  return (
    <>
      <td className="num">{c.on_time}</td>
      <td className="num">{c.late}</td>
      <td className="num">{c.missed}</td>
      <td className="num">{c.open}</td>
      <td className="num">{percent(c)}</td>
    </>
  );
}

/** PM work orders due in the window: done by the due date, after it, not done and past it, not yet due. */
export function PmComplianceTable({ report }: { report: PmComplianceReport }) {
  return (
    <>
      <p className="hint">
        Work orders from PM schedules due {report.from} to {report.to} ({report.time_zone}). On
        time: completed by the due date.
      </p>
      {report.schedules.length === 0 ? (
        <p className="empty">No PM work orders were due in these dates.</p>
      ) : (
        <div className="table-wrap">
          <table className="data-table" aria-label="PM compliance">
            <HeaderRow
              headers={['Schedule', 'Asset', 'On time', 'Late', 'Missed', 'Open', 'On time %']}
            />
            <tbody>
              {report.schedules.map((s) => (
                <tr key={s.schedule_id}>
                  <td>{s.title}</td>
                  <td>{s.asset_name ?? s.site_name ?? '—'}</td>
                  <Counts c={s.counts} />
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row" colSpan={2}>
                  Total
                </th>
                <Counts c={report.total} />
              </tr>
            </tfoot>
          </table>
        </div>
      )}
    </>
  );
}
