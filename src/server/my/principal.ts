import type { Actor } from '../../domain/events';

/**
 * A buyer on My Page: a member the storefront handed over (`customerId`), or a guest who looked
 * one order up (`orderId`, the only order that session reaches). Never a staff principal: buyer
 * routes declare `access: 'buyer'` and read this from `request.buyer`, staff routes never see it.
 */
export type BuyerPrincipal =
  | { kind: 'buyer'; shopId: number; buyer: 'member'; customerId: number; name: string }
  | { kind: 'buyer'; shopId: number; buyer: 'guest'; orderId: number; name: string };

/** The scope a buyer's Idempotency-Keys are recorded under: never shared with staff or another buyer. */
export function buyerScope(b: BuyerPrincipal): string {
  return b.buyer === 'member' ? `buyer:member:${b.customerId}` : `buyer:guest:${b.orderId}`;
}

/** The timeline names the buyer by the name on the member record or the order. */
export function buyerActor(b: BuyerPrincipal): Actor {
  return { kind: 'buyer', name: b.name };
}
