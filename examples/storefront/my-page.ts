import { createHmac, randomBytes } from 'node:crypto';

/**
 * The buyer's way from this storefront to Jumun's My Page (docs/integration.md, "My Page: signing
 * members in"), written as any storefront would, without Jumun's code:
 * - a signed-in member is handed over with a token this server signs with the shop's hand-off
 *   secret, at the moment of the click (a token lives 2 minutes and works once);
 * - a guest goes to Jumun's order lookup page (`/my`), which asks for the order password.
 */
export const HANDOFF_LIFETIME_SECONDS = 120;

export interface MyPageLinks {
  /** Jumun as the buyer's browser reaches it. */
  jumunUrl: string;
  /** The shop of this storefront's API key (`jm_<shopId>_…`). */
  shopId: number | null;
  /** The shop's hand-off secret (Jumun admin → POST /api/v1/shop/handoff-secret); null: members look orders up like guests. */
  handoffSecret: string | null;
}

/** `<shopId>.<base64url payload>.<base64url HMAC-SHA256 of "<shopId>.<payload>">`. */
export function signHandoffToken(shopId: number, secret: string, memberExternalId: string, now = Date.now()): string {
  const iat = Math.floor(now / 1000);
  const claims = { sub: memberExternalId, iat, exp: iat + HANDOFF_LIFETIME_SECONDS, nonce: randomBytes(18).toString('base64url') };
  const signed = `${shopId}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}`;
  return `${signed}.${createHmac('sha256', secret).update(signed).digest('base64url')}`;
}

/** Where a member's browser goes: Jumun signs them in and shows `next` (an order) or their order list. */
export function memberHandoffUrl(links: MyPageLinks, memberExternalId: string, orderNumber?: string): string | null {
  if (links.shopId === null || !links.handoffSecret) return null;
  const url = new URL('/my/handoff', links.jumunUrl);
  url.searchParams.set('token', signHandoffToken(links.shopId, links.handoffSecret, memberExternalId));
  if (orderNumber) url.searchParams.set('next', `/my/orders/${encodeURIComponent(orderNumber)}`);
  return url.toString();
}

/** Jumun's 비회원 주문조회 page, with the order number filled in when known. */
export function guestLookupUrl(links: MyPageLinks, orderNumber?: string): string {
  const url = new URL('/my', links.jumunUrl);
  if (links.shopId !== null) url.searchParams.set('shop', String(links.shopId));
  if (orderNumber) url.searchParams.set('order', orderNumber);
  return url.toString();
}

/** The shop an API key belongs to. */
export function shopOfApiKey(apiKey: string): number | null {
  const match = /^jm_([1-9]\d*)_/.exec(apiKey);
  return match ? Number(match[1]) : null;
}
