/**
 * The permission table as the admin reads it (the staff screen shows it; menus and buttons offer
 * only what the signed-in staff member may do). The table itself lives in the domain.
 */
export { API_SCOPES, PERMISSIONS, PERMISSION_NAMES, ROLE_LABELS, SCOPE_LABELS, STAFF_ROLES, type ApiScope, type Permission, type StaffRole } from '../domain/permissions';
