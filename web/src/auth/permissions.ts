import type { Me, Permission } from '../api/types';

export function can(me: Me | null, permission: Permission): boolean {
  return !!me && me.permissions.includes(permission);
}
