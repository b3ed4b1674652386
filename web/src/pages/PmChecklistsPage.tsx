import { useState } from 'react';
import { api } from '../api/client';
import type { PmChecklist } from '../api/types';
import { Notice } from '../components/ErrorMessage';
import { LoadState } from '../components/States';
import { useApi } from '../hooks/useApi';
import { Link } from '../router/router';
import { NewPmChecklistForm } from './pm-checklists/NewPmChecklistForm';
import { PmChecklistPanel } from './pm-checklists/PmChecklistPanel';

// Named checklists for PM schedules (issue 14 item 7), for whoever plans PM
// (work_orders.assign: owners, admins, dispatchers). A schedule picks one;
// each work order it makes copies the items as they are then, so a change
// here reaches the next work orders, never those already issued.
export function PmChecklistsPage() {
  const [notice, setNotice] = useState<string | null>(null);
  const list = useApi(
    (signal) => api.get<{ items: PmChecklist[] }>('/pm-checklists', undefined, signal),
    [],
  );
  return (
    <section>
      <p>
        <Link to="/assets">Assets</Link> / PM checklists
      </p>
      <h1>PM checklists</h1>
      <p className="hint">
        Named checklists that preventive-maintenance schedules copy onto each work order they make.
        A change here reaches the work orders made after it; work already issued keeps its copy.
      </p>
      <LoadState loaded={list} what="Loading PM checklists">
        {(l) => (
          <>
            {l.items.length === 0 ? <p className="empty">No PM checklists yet.</p> : null}
            {l.items.map((p) => (
              <PmChecklistPanel key={p.id} plan={p} onChanged={list.reload} />
            ))}
          </>
        )}
      </LoadState>
      <Notice text={notice} />
      <NewPmChecklistForm
        onCreated={(name) => {
          setNotice(`${name} is saved.`);
          list.reload();
        }}
      />
    </section>
  );
}
