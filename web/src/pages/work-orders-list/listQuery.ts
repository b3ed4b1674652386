import type { WorkOrder } from '../../api/types';
import { navigate } from '../../router/router';

// The work-order list's state lives in the URL (shareable, survives reload,
// and the dashboard's cards link straight to e.g. /work-orders?overdue=true):
// every filter and the sort are query parameters the server applies itself,
// so "Load more" pages through the matching work orders in the chosen order.

export const SORT_KEYS = ['due', 'scheduled', 'created', 'priority', 'number', 'status'] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export type SortOrder = 'asc' | 'desc';

/** The server's default direction for each key (the one a first click gives). */
export const FIRST_ORDER: Record<SortKey, SortOrder> = {
  due: 'asc',
  scheduled: 'asc',
  created: 'desc',
  priority: 'desc',
  number: 'desc',
  status: 'asc',
};

export function sortKeyOf(value: string | null): SortKey | undefined {
  return SORT_KEYS.find((k) => k === value);
}

/** The list's sort as the URL says it; newest first when it says nothing. */
export function currentSort(query: URLSearchParams): { key?: SortKey; order: SortOrder } {
  const key = sortKeyOf(query.get('sort'));
  const order = query.get('order');
  if (!key) return { order: 'desc' };
  return { key, order: order === 'asc' || order === 'desc' ? order : FIRST_ORDER[key] };
}

/** Set query parameters on the list's URL (an empty value removes one). */
export function setListParams(changes: Record<string, string>) {
  const next = new URLSearchParams(window.location.search);
  for (const [name, value] of Object.entries(changes)) {
    if (value) next.set(name, value);
    else next.delete(name);
  }
  const qs = next.toString();
  navigate(qs ? `/work-orders?${qs}` : '/work-orders', { replace: true });
}

export function setListParam(name: string, value: string) {
  setListParams({ [name]: value });
}

const DONE = ['completed', 'closed', 'cancelled'];

/** Due before now and still to be done: what the server's overdue=true lists. */
export function isOverdue(w: WorkOrder, now = Date.now()): boolean {
  return !!w.due_at && new Date(w.due_at).getTime() < now && !DONE.includes(w.status);
}
