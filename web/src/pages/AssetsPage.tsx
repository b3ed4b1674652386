import { useState } from 'react';
import { api } from '../api/client';
import type { PmSchedule } from '../api/types';
import { can } from '../auth/permissions';
import { useMe } from '../auth/session';
import { LoadState } from '../components/States';
import { useApi } from '../hooks/useApi';
import { Link } from '../router/router';
import { AssetList } from './asset/AssetList';
import { NewAssetPanel } from './asset/NewAssetPanel';
import { PmScheduleForm } from './asset/PmScheduleForm';
import { PmScheduleTable } from './asset/PmScheduleTable';

// Every asset of the organization (issue 14 item 7), by site and area with
// its status, and the preventive-maintenance schedules.
export function AssetsPage() {
  const me = useMe();
  const [added, setAdded] = useState(0);
  const schedules = useApi(
    (signal) =>
      can(me, 'work_orders.read')
        ? api.get<{ items: PmSchedule[] }>('/pm-schedules', undefined, signal)
        : Promise.resolve({ items: [] }),
    [],
  );
  return (
    <section>
      <h1>Assets and preventive maintenance</h1>
      <AssetList reloadKey={added} />
      {can(me, 'customers.write') ? (
        <NewAssetPanel onCreated={() => setAdded((n) => n + 1)} />
      ) : null}
      <section className="panel" aria-labelledby="pm-h">
        <h2 id="pm-h">Preventive-maintenance schedules</h2>
        {can(me, 'work_orders.assign') ? (
          <p>
            <Link to="/pm-checklists">Edit PM checklists</Link> (the named checklists a schedule
            copies onto its work orders)
          </p>
        ) : null}
        <LoadState loaded={schedules} what="Loading schedules">
          {(s) => (
            <PmScheduleTable
              schedules={s.items}
              canEdit={can(me, 'work_orders.assign')}
              onChanged={schedules.reload}
            />
          )}
        </LoadState>
      </section>
      {can(me, 'work_orders.assign') ? (
        <details className="panel add-form">
          <summary>New calendar schedule for a site</summary>
          <PmScheduleForm onSaved={schedules.reload} />
        </details>
      ) : null}
    </section>
  );
}
