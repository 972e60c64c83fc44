import { can, type ApiScope, type Grantee, type Permission, type StaffRole } from '../../domain/permissions';
import { buyerScope, type BuyerPrincipal } from '../my/principal';

/** Who is calling: a signed-in staff member or an integration holding a shop API key. */
export type Principal =
  | { kind: 'staff'; shopId: number; staffId: number; name: string; email: string; role: StaffRole }
  | { kind: 'api'; shopId: number; keyId: number; keyName: string; scopes: readonly ApiScope[] };

/**
 * What a route needs: `public` (anyone), `buyer` (the buyer's own door, src/server/my/), or one
 * permission of the domain's table (src/domain/permissions.ts), checked for staff by role and for
 * API keys by scope.
 */
export type Access = 'public' | 'buyer' | Permission;

export function granteeOf(principal: Principal): Grantee {
  return principal.kind === 'staff' ? { kind: 'staff', role: principal.role } : { kind: 'api', scopes: principal.scopes };
}

export function allows(principal: Principal, permission: Permission): boolean {
  return can(granteeOf(principal), permission);
}

/** The scope idempotency keys and timeline actors are recorded under. */
export function principalScope(p: Principal | BuyerPrincipal): string {
  if (p.kind === 'buyer') return buyerScope(p);
  return p.kind === 'staff' ? `staff:${p.staffId}` : `api:${p.keyId}`;
}
