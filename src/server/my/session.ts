import { and, eq, gt } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { buyerSessions, customers, orders } from '../db/schema/index';
import { randomToken, sha256, splitShopCredential } from '../auth/secrets';
import type { BuyerPrincipal } from './principal';

/** The buyer's own cookie, apart from staff's `jumun_session`: a browser can hold both. */
export const BUYER_SESSION_COOKIE = 'jumun_buyer';
/** A member arrives from the storefront again whenever this runs out; a guest looks the order up again. */
export const MEMBER_SESSION_HOURS = 12;
export const GUEST_SESSION_HOURS = 2;

export type NewBuyerSession = { shopId: number; buyer: 'member'; customerId: number } | { shopId: number; buyer: 'guest'; orderId: number };

/** Opens a buyer session; answers the cookie value `<shopId>.<token>` (only the token's hash is stored). */
export async function createBuyerSession(db: Executor, session: NewBuyerSession, now: Date): Promise<{ cookie: string; expiresAt: Date }> {
  const token = randomToken();
  const hours = session.buyer === 'member' ? MEMBER_SESSION_HOURS : GUEST_SESSION_HOURS;
  const expiresAt = new Date(now.getTime() + hours * 3_600_000);
  await db.insert(buyerSessions).values({
    shopId: session.shopId,
    tokenHash: sha256(token),
    kind: session.buyer,
    customerId: session.buyer === 'member' ? session.customerId : null,
    orderId: session.buyer === 'guest' ? session.orderId : null,
    createdAt: now,
    expiresAt,
  });
  return { cookie: `${session.shopId}.${token}`, expiresAt };
}

function parseCookie(cookie: string): { shopId: number; tokenHash: string } | null {
  const parts = splitShopCredential(cookie, '.');
  return parts ? { shopId: parts.shopId, tokenHash: sha256(parts.secret) } : null;
}

/** The buyer behind a cookie, or null (unknown, expired, or its member or order gone). */
export async function buyerFromSession(db: Executor, cookie: string, now: Date): Promise<BuyerPrincipal | null> {
  const parsed = parseCookie(cookie);
  if (!parsed) return null;
  const [session] = await db
    .select()
    .from(buyerSessions)
    .where(and(eq(buyerSessions.shopId, parsed.shopId), eq(buyerSessions.tokenHash, parsed.tokenHash), gt(buyerSessions.expiresAt, now)))
    .limit(1);
  if (!session) return null;
  if (session.kind === 'member' && session.customerId !== null) {
    const [member] = await db.select({ name: customers.name }).from(customers).where(and(eq(customers.shopId, session.shopId), eq(customers.id, session.customerId))).limit(1);
    return member ? { kind: 'buyer', shopId: session.shopId, buyer: 'member', customerId: session.customerId, name: member.name } : null;
  }
  if (session.kind === 'guest' && session.orderId !== null) {
    const [order] = await db.select({ name: orders.ordererName }).from(orders).where(and(eq(orders.shopId, session.shopId), eq(orders.id, session.orderId))).limit(1);
    return order ? { kind: 'buyer', shopId: session.shopId, buyer: 'guest', orderId: session.orderId, name: order.name } : null;
  }
  return null;
}

export async function endBuyerSession(db: Executor, cookie: string): Promise<void> {
  const parsed = parseCookie(cookie);
  if (parsed) await db.delete(buyerSessions).where(and(eq(buyerSessions.shopId, parsed.shopId), eq(buyerSessions.tokenHash, parsed.tokenHash)));
}
