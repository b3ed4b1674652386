import type { Me } from './api/types';
import { can } from './auth/permissions';

// Each role lands on the page its day starts with, after sign-in and at "/":
// a dispatcher on the board, a technician on My day, an owner or admin on the
// dashboard (business figures). Anyone else (a viewer) gets the dashboard's
// welcome with links to what they may read.
export function homeFor(me: Me): string {
  // A requester (a plant operator) has one page: their requests.
  if (me.role === 'requester') return '/my-requests';
  if (me.role === 'dispatcher' && can(me, 'work_orders.assign')) return '/dispatch';
  if (me.role === 'technician' && can(me, 'work_orders.write')) return '/my-day';
  return '/dashboard';
}
