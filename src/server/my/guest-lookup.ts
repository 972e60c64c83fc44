/**
 * 비회원 주문조회: a guest opens their one order with its order number, the orderer's phone number
 * (or name) and the password given at checkout. A wrong answer, whichever part was wrong, is one
 * refusal; guessing is slowed per order and per client address (throttle kinds 'guest-order' and
 * 'guest-address', src/domain/sign-in-throttle.ts), and every failure on an existing order is
 * written on that order's staff timeline.
 */
import { asc, and, eq } from 'drizzle-orm';
import { guestLookupFailed } from '../../domain/events';
import { normalizePhone } from '../../domain/phone';
import { throttleSubject } from '../../domain/sign-in-throttle';
import { verifyPasswordOrDecoy } from '../auth/secrets';
import { admission, clearThrottle, recordFailure, type Subject } from '../auth/throttle';
import type { Db } from '../db/client';
import { orders, shops, signInThrottles } from '../db/schema/index';
import { AppError } from '../http/errors';
import { appendEvents } from '../timeline/queries';
import { createBuyerSession } from './session';

export interface GuestLookup {
  /** Omitted: the installation's only shop (an installation with several must say which). */
  shopId?: number | undefined;
  orderNumber: string;
  contact: string;
  password: string;
}

/**
 * The shop a lookup is for. Order numbers are unique per shop only, so with several shops the
 * My Page link names its shop (`/my?shop=<id>`); one shop — the usual installation — needs nothing.
 */
export async function lookupShopId(db: Db, shopId: number | undefined): Promise<number> {
  if (shopId !== undefined) return shopId;
  const first = await db.select({ id: shops.id }).from(shops).orderBy(asc(shops.id)).limit(2);
  if (first.length === 1 && first[0]) return first[0].id;
  throw new AppError('VALIDATION_FAILED', { issues: [{ path: '/shopId', message: 'shopId is required: this installation serves several shops' }] });
}

/** The phone number compared by its digits (hyphens, spaces, +82 do not matter), or the name as written. */
export function contactMatches(contact: string, order: { ordererName: string; ordererPhone: string }): boolean {
  const given = contact.trim();
  if (given === order.ordererName.trim()) return true;
  const phone = normalizePhone(given);
  const stored = normalizePhone(order.ordererPhone);
  if (phone && stored) return phone === stored;
  const digits = given.replace(/\D/g, '');
  return digits.length >= 8 && digits === order.ordererPhone.replace(/\D/g, '');
}

export interface GuestSignIn {
  shopId: number;
  orderId: number;
  orderNumber: string;
  name: string;
  cookie: string;
  expiresAt: Date;
}

/**
 * Opens a guest session for the order, or refuses: 429 GUEST_LOOKUP_THROTTLED / _LOCKED while the
 * order or the address is slowed down (before anything is checked, so a refusal says nothing about
 * the password), else 401 GUEST_LOOKUP_FAILED for any wrong part. Member orders are not looked up
 * this way (members arrive by hand-off), so they fail like a wrong password.
 */
export async function lookUpGuestOrder(db: Db, input: GuestLookup, clientAddress: string, now: Date): Promise<GuestSignIn> {
  const shopId = await lookupShopId(db, input.shopId);
  const orderSubject: Subject = { kind: 'guest-order', value: `${shopId}:${input.orderNumber}`, shopId };
  const addressSubject: Subject = { kind: 'guest-address', value: clientAddress };
  const verdict = await admission(db, [orderSubject, addressSubject], now);
  if (!verdict.allowed) throw new AppError(verdict.locked ? 'GUEST_LOOKUP_LOCKED' : 'GUEST_LOOKUP_THROTTLED', { retryAfterSeconds: verdict.retryAfterSeconds });

  const [order] = await db
    .select({ id: orders.id, orderNumber: orders.orderNumber, ordererName: orders.ordererName, ordererPhone: orders.ordererPhone, guestPasswordHash: orders.guestPasswordHash })
    .from(orders)
    .where(and(eq(orders.shopId, shopId), eq(orders.orderNumber, input.orderNumber)))
    .limit(1);
  // the password is checked whatever else is wrong, so the time taken says nothing either
  const passwordRight = await verifyPasswordOrDecoy(input.password, order?.guestPasswordHash);
  if (order?.guestPasswordHash && passwordRight && contactMatches(input.contact, order)) {
    await clearThrottle(db, orderSubject);
    const session = await createBuyerSession(db, { shopId, buyer: 'guest', orderId: order.id }, now);
    return { shopId, orderId: order.id, orderNumber: order.orderNumber, name: order.ordererName, ...session };
  }
  await recordFailure(db, [orderSubject, addressSubject], now);
  if (order) await noteFailure(db, shopId, order.id, orderSubject, clientAddress, now);
  throw new AppError('GUEST_LOOKUP_FAILED');
}

/**
 * Writes the failure on the order's timeline, for staff only (the event is not buyer-visible),
 * with the order's failure count and whether it is now locked. The order's version is left as it
 * was: nothing about the order changed, and a staff member editing it meanwhile must not be told
 * someone else did.
 */
async function noteFailure(db: Db, shopId: number, orderId: number, subject: Subject, clientAddress: string, now: Date) {
  await db.transaction(async (tx) => {
    const [count] = await tx
      .select({ failures: signInThrottles.failures, lockedAt: signInThrottles.lockedAt })
      .from(signInThrottles)
      .where(eq(signInThrottles.subject, throttleSubject(subject.kind, subject.value)));
    const event = guestLookupFailed({ kind: 'system' }, { clientAddress, failures: count?.failures ?? 1, locked: count?.lockedAt != null });
    await appendEvents(tx, shopId, orderId, [event], now);
  });
}
