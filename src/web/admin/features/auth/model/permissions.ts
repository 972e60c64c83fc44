import type { StaffMe } from '../../../../../contracts/auth';
import type { Permission } from '../../../../../contracts/permissions';

/** Whether the signed-in staff member may do this (the server answers 403 otherwise): screens offer only what works. */
export function may(me: StaffMe | undefined, permission: Permission): boolean {
  return me?.permissions.includes(permission) ?? false;
}
