import { api } from '../api/client';
import type { PmChecklist } from '../api/types';
import { can } from '../auth/permissions';
import { useMe } from '../auth/session';
import { useApi } from './useApi';

/** The named checklist templates a PM schedule may use; none for who cannot plan PM. */
export function usePmChecklists(): PmChecklist[] {
  const me = useMe();
  const loaded = useApi(
    (signal) =>
      can(me, 'work_orders.assign')
        ? api.get<{ items: PmChecklist[] }>('/pm-checklists', undefined, signal)
        : Promise.resolve({ items: [] }),
    [me.user.id],
  );
  return loaded.data?.items ?? [];
}
