import type { StaffRole } from '../shops/service';

/** Who is calling: a signed-in staff member or an integration holding a shop API key. */
export type Principal =
  | { kind: 'staff'; shopId: number; staffId: number; name: string; email: string; role: StaffRole }
  | { kind: 'api'; shopId: number; keyId: number; keyName: string };

const RANK: Record<StaffRole, number> = { viewer: 0, staff: 1, manager: 2, owner: 3 };

/**
 * What a route needs. `read`: any staff (viewers too); `write`: staff and up; `manage`: managers and
 * owners; `owner`: owners. API keys act as `write` integrations: they never manage the shop.
 * `integrate`: what a storefront feeds Jumun (catalog, members, coupons, points) — an API key, or a
 * manager or owner doing it by hand.
 */
export type Access = 'public' | 'read' | 'write' | 'integrate' | 'manage' | 'owner';
const NEEDED: Record<Exclude<Access, 'public'>, StaffRole> = { read: 'viewer', write: 'staff', integrate: 'manager', manage: 'manager', owner: 'owner' };

export function allows(principal: Principal, access: Exclude<Access, 'public'>): boolean {
  if (principal.kind === 'api') return access === 'read' || access === 'write' || access === 'integrate';
  return RANK[principal.role] >= RANK[NEEDED[access]];
}

/** The scope idempotency keys and timeline actors are recorded under. */
export function principalScope(p: Principal): string {
  return p.kind === 'staff' ? `staff:${p.staffId}` : `api:${p.keyId}`;
}
