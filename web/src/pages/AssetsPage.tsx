import { api } from '../api/client';
import type { PmSchedule } from '../api/types';
import { can } from '../auth/permissions';
import { useMe } from '../auth/session';
import { LoadState } from '../components/States';
import { useApi } from '../hooks/useApi';
import { useAssignees } from '../hooks/useAssignees';
import { Link } from '../router/router';
import { PmScheduleForm } from './asset/PmScheduleForm';
import { PmScheduleTable } from './asset/PmScheduleTable';

// Assets live at customers' sites (open one from a customer's page). This
// page is the organization-wide view of preventive maintenance.
export function AssetsPage() {
  const me = useMe();
  const schedules = useApi(
    (signal) =>
      can(me, 'work_orders.read')
        ? api.get<{ items: PmSchedule[] }>('/pm-schedules', undefined, signal)
        : Promise.resolve({ items: [] }),
    [],
  );
  const { nameOf } = useAssignees();
  return (
    <section>
      <h1>Assets and preventive maintenance</h1>
      <p>
        Tanks, pumps and other equipment belong to a customer's site: open a{' '}
        <Link to="/customers">customer</Link> to see and add their assets and meter readings.
      </p>
      <section className="panel" aria-labelledby="pm-h">
        <h2 id="pm-h">Preventive-maintenance schedules</h2>
        <LoadState loaded={schedules} what="Loading schedules">
          {(s) => <PmScheduleTable schedules={s.items} nameOf={nameOf} />}
        </LoadState>
      </section>
      {can(me, 'work_orders.assign') ? (
        <details className="panel add-form">
          <summary>New calendar schedule for a site</summary>
          <PmScheduleForm onCreated={schedules.reload} />
        </details>
      ) : null}
    </section>
  );
}
