import { and, asc, eq, gt, isNull, lte, or, sql } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { coupons, customerCoupons, customers, memberGrades, pointsLedger } from '../db/schema/index';
import { AppError } from '../http/errors';

export interface Member {
  id: number;
  gradeName: string | null;
  gradeDiscountRate: number;
  pointsBalance: number;
}

/** Locks the member's row: points and coupons are spent by one order at a time. */
/** `path`: the request field that named the member, when there is one (intake), for the refusal. */
export async function loadMemberForUpdate(tx: Executor, shopId: number, customerId: number, path?: string): Promise<Member> {
  const [row] = await tx
    .select({ id: customers.id, pointsBalance: customers.pointsBalance, gradeName: memberGrades.name, gradeDiscountRate: memberGrades.discountRate })
    .from(customers)
    .leftJoin(memberGrades, and(eq(memberGrades.shopId, customers.shopId), eq(memberGrades.id, customers.gradeId)))
    .where(and(eq(customers.shopId, shopId), eq(customers.id, customerId)))
    .for('update', { of: customers });
  if (!row) throw new AppError('CUSTOMER_NOT_FOUND', { ...(path ? { path } : {}), customerId });
  return { id: row.id, pointsBalance: row.pointsBalance, gradeName: row.gradeName, gradeDiscountRate: row.gradeDiscountRate ?? 0 };
}

export async function loadUsableCoupon(tx: Executor, shopId: number, customerId: number, customerCouponId: number, now: Date, path?: string) {
  const [row] = await tx
    .select({ issued: customerCoupons, rule: coupons })
    .from(customerCoupons)
    .innerJoin(coupons, and(eq(coupons.shopId, customerCoupons.shopId), eq(coupons.id, customerCoupons.couponId)))
    .where(and(eq(customerCoupons.shopId, shopId), eq(customerCoupons.id, customerCouponId), eq(customerCoupons.customerId, customerId)))
    .for('update', { of: customerCoupons });
  if (!row || !isUsable(row, now)) {
    throw new AppError('COUPON_NOT_AVAILABLE', { ...(path ? { path } : {}), customerCouponId });
  }
  return row;
}

/** Issued, not used, not expired, and its definition active and within its validity window. */
function isUsable(row: { issued: typeof customerCoupons.$inferSelect; rule: typeof coupons.$inferSelect }, now: Date): boolean {
  const { issued, rule } = row;
  if (issued.status !== 'available' || (issued.expiresAt && issued.expiresAt <= now)) return false;
  return rule.active && (!rule.validFrom || rule.validFrom <= now) && (!rule.validUntil || rule.validUntil > now);
}

export async function markCouponUsed(tx: Executor, shopId: number, customerCouponId: number, orderId: number, now: Date) {
  await tx
    .update(customerCoupons)
    .set({ status: 'used', usedOrderId: orderId, usedAt: now })
    .where(and(eq(customerCoupons.shopId, shopId), eq(customerCoupons.id, customerCouponId)));
}

type PointsEntry = typeof pointsLedger.$inferInsert;

/**
 * The one way points move: the ledger row and the cached balance together, in the caller's
 * transaction. Answers the entry and the balance after it.
 */
export async function recordPointsEntry(tx: Executor, entry: Required<Pick<PointsEntry, 'shopId' | 'customerId' | 'delta' | 'kind' | 'reason' | 'createdAt'>> & Pick<PointsEntry, 'orderId'>) {
  const [row] = await tx.insert(pointsLedger).values(entry).returning();
  const [member] = await tx
    .update(customers)
    .set({ pointsBalance: sql`${customers.pointsBalance} + ${entry.delta}` })
    .where(and(eq(customers.shopId, entry.shopId), eq(customers.id, entry.customerId)))
    .returning({ balance: customers.pointsBalance });
  if (!row || !member) throw new Error('expected the points entry and the member');
  return { entry: row, balance: member.balance };
}

/** An order's own entries: points it used (negative) or gave back (positive). */
export async function addPoints(tx: Executor, shopId: number, customerId: number, delta: number, reason: string, orderId: number | null, at: Date) {
  await recordPointsEntry(tx, { shopId, customerId, orderId, delta, kind: delta < 0 ? 'used' : 'restored', reason, createdAt: at });
}

/**
 * The member's coupons usable at `now` — issued to them, available, not expired — soonest expiry
 * first (never-expiring last). Plain reads: the edit's snapshot and the buyer-benefits screen
 * share this rule; spending a coupon locks it with loadUsableCoupon.
 */
export async function usableCouponsOf(db: Executor, shopId: number, customerId: number, now: Date) {
  return db
    .select({ issued: customerCoupons, rule: coupons })
    .from(customerCoupons)
    .innerJoin(coupons, and(eq(coupons.shopId, customerCoupons.shopId), eq(coupons.id, customerCoupons.couponId)))
    .where(
      and(
        eq(customerCoupons.shopId, shopId),
        eq(customerCoupons.customerId, customerId),
        eq(customerCoupons.status, 'available'),
        or(isNull(customerCoupons.expiresAt), gt(customerCoupons.expiresAt, now)),
        eq(coupons.active, true),
        or(isNull(coupons.validFrom), lte(coupons.validFrom, now)),
        or(isNull(coupons.validUntil), gt(coupons.validUntil, now)),
      ),
    )
    // ascending puts NULLs (never expires) last in PostgreSQL
    .orderBy(asc(customerCoupons.expiresAt), asc(customerCoupons.id));
}
