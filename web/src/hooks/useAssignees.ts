import { api } from '../api/client';
import type { DispatchWeek, Me, User } from '../api/types';
import { can } from '../auth/permissions';
import { useMe } from '../auth/session';
import { useApi } from './useApi';

export interface Person {
  id: number;
  name: string;
}

/**
 * People work can be assigned to, for names and pickers. Owners and admins
 * read the user list; dispatchers only see technicians (via the dispatch
 * week, as the API has no assignee list for them); others see none.
 */
export function useAssignees(): {
  people: Person[];
  nameOf: (id: number | null | undefined) => string;
} {
  const me = useMe();
  const loaded = useApi((signal) => loadPeople(me, signal), [me.user.id]);
  const people = loaded.data ?? [];
  const nameOf = (id: number | null | undefined) => {
    if (id === null || id === undefined) return 'Unassigned';
    if (id === me.user.id) return me.user.name || 'Me';
    return people.find((p) => p.id === id)?.name ?? `User #${id}`;
  };
  return { people, nameOf };
}

async function loadPeople(me: Me, signal: AbortSignal): Promise<Person[]> {
  try {
    if (can(me, 'users.manage')) {
      const users = await api.get<{ items: User[] }>('/users', { limit: 200 }, signal);
      return users.items
        .filter((u) => u.active)
        .map((u) => ({ id: u.id, name: u.name || u.email }));
    }
    if (can(me, 'work_orders.assign')) {
      const week = await api.get<DispatchWeek>('/dispatch/week', undefined, signal);
      return week.technicians;
    }
  } catch {
    // Names are a convenience; the page still works with ids.
  }
  return [];
}
