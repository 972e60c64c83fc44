import { buyerScope, type BuyerPrincipal } from '../my/principal';
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
export type Access = 'public' | 'read' | 'write' | 'integrate' | 'manage' | 'owner' | 'buyer';
/** Staff and API-key access levels; `buyer` is a door of its own (the buyer's session, src/server/my/). */
export type StaffAccess = Exclude<Access, 'public' | 'buyer'>;
const NEEDED: Record<StaffAccess, StaffRole> = { read: 'viewer', write: 'staff', integrate: 'manager', manage: 'manager', owner: 'owner' };

export function allows(principal: Principal, access: StaffAccess): boolean {
  if (principal.kind === 'api') return access === 'read' || access === 'write' || access === 'integrate';
  return RANK[principal.role] >= RANK[NEEDED[access]];
}

/** The scope idempotency keys and timeline actors are recorded under. */
export function principalScope(p: Principal | BuyerPrincipal): string {
  if (p.kind === 'buyer') return buyerScope(p);
  return p.kind === 'staff' ? `staff:${p.staffId}` : `api:${p.keyId}`;
}
