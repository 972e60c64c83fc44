import { and, asc, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { Coupon, IssueCouponRequest, IssuedCoupon, UpsertCouponRequest } from '../../contracts/member-benefits';
import { readSnapshot, type Executor, type Tx } from '../db/client';
import { coupons, customerCoupons, customers } from '../db/schema/index';
import { AppError } from '../http/errors';
import type { StoredResponse } from '../idempotency/service';
import { requireCustomer, usableAt } from './queries';

/** Coupon definitions and the coupons issued to members, by the storefront's ids. */

type CouponRow = typeof coupons.$inferSelect;
const iso = (d: Date | null) => d?.toISOString() ?? null;
const sameInstant = (a: Date | null, b: Date | null) => (a === null ? b === null : b !== null && a.getTime() === b.getTime());

export const toCoupon = (c: CouponRow): Coupon => ({
  externalId: c.externalId,
  couponId: c.id,
  name: c.name,
  kind: c.kind,
  value: c.value,
  maxDiscount: c.maxDiscount,
  minOrderAmount: c.minOrderAmount,
  validFrom: iso(c.validFrom),
  validUntil: iso(c.validUntil),
  active: c.active,
  createdAt: c.createdAt.toISOString(),
});

async function couponByExternalId(db: Executor, shopId: number, externalId: string, lock = false): Promise<CouponRow | null> {
  const query = db
    .select()
    .from(coupons)
    .where(and(eq(coupons.shopId, shopId), eq(coupons.externalId, externalId)));
  const [row] = lock ? await query.for('update') : await query;
  return row ?? null;
}

/** Replaces the coupon's rule; coupons already issued follow it (orders keep what they were charged). */
export async function upsertCoupon(tx: Tx, shopId: number, externalId: string, input: UpsertCouponRequest): Promise<StoredResponse<Coupon>> {
  const fields = {
    name: input.name,
    kind: input.kind,
    value: input.value,
    maxDiscount: input.maxDiscount ?? null,
    minOrderAmount: input.minOrderAmount ?? null,
    validFrom: input.validFrom ? new Date(input.validFrom) : null,
    validUntil: input.validUntil ? new Date(input.validUntil) : null,
    active: input.active,
  };
  const existing = await couponByExternalId(tx, shopId, externalId, true);
  if (existing) {
    const same =
      existing.name === fields.name && existing.kind === fields.kind && existing.value === fields.value && existing.maxDiscount === fields.maxDiscount &&
      existing.minOrderAmount === fields.minOrderAmount && sameInstant(existing.validFrom, fields.validFrom) && sameInstant(existing.validUntil, fields.validUntil) &&
      existing.active === fields.active;
    if (same) return { status: 200, body: toCoupon(existing) };
    const [row] = await tx.update(coupons).set(fields).where(and(eq(coupons.shopId, shopId), eq(coupons.id, existing.id))).returning();
    if (!row) throw new Error('expected the updated coupon');
    return { status: 200, body: toCoupon(row) };
  }
  const [row] = await tx
    .insert(coupons)
    .values({ shopId, externalId, ...fields })
    .onConflictDoNothing({ target: [coupons.shopId, coupons.externalId], where: sql`${coupons.externalId} is not null` })
    .returning();
  if (!row) return upsertCoupon(tx, shopId, externalId, input);
  return { status: 201, body: toCoupon(row) };
}

export async function listCoupons(db: Executor, shopId: number): Promise<{ coupons: Coupon[] }> {
  const rows = await db.select().from(coupons).where(eq(coupons.shopId, shopId)).orderBy(asc(coupons.id));
  return { coupons: rows.map(toCoupon) };
}

export async function getCoupon(db: Executor, shopId: number, externalId: string): Promise<Coupon> {
  const row = await couponByExternalId(db, shopId, externalId);
  if (!row) throw new AppError('COUPON_DEFINITION_NOT_FOUND', { externalId });
  return toCoupon(row);
}

async function issuedViews(db: Executor, shopId: number, where: SQL | undefined, now: Date): Promise<IssuedCoupon[]> {
  const rows = await db
    .select({ issued: customerCoupons, rule: coupons, memberExternalId: customers.externalId, usable: sql<boolean>`(${usableAt(now)})` })
    .from(customerCoupons)
    .innerJoin(coupons, and(eq(coupons.shopId, customerCoupons.shopId), eq(coupons.id, customerCoupons.couponId)))
    .innerJoin(customers, and(eq(customers.shopId, customerCoupons.shopId), eq(customers.id, customerCoupons.customerId)))
    .where(and(eq(customerCoupons.shopId, shopId), where))
    .orderBy(desc(customerCoupons.id));
  return rows.map(({ issued, rule, memberExternalId, usable }) => ({
    externalId: issued.externalId,
    customerCouponId: issued.id,
    memberExternalId,
    coupon: toCoupon(rule),
    status: issued.status,
    usable: usable === true,
    expiresAt: iso(issued.expiresAt),
    usedOrderId: issued.usedOrderId,
    usedAt: iso(issued.usedAt),
    issuedAt: issued.createdAt.toISOString(),
  }));
}

async function issuedView(db: Executor, shopId: number, customerCouponId: number, now: Date): Promise<IssuedCoupon> {
  const [view] = await issuedViews(db, shopId, eq(customerCoupons.id, customerCouponId), now);
  if (!view) throw new Error(`expected issued coupon ${customerCouponId}`);
  return view;
}

/** Newest first, every status: the storefront sees what it issued and what became of it. */
export async function listIssuedCoupons(db: Executor, shopId: number, memberExternalId: string, now = new Date()): Promise<{ coupons: IssuedCoupon[] }> {
  return readSnapshot(db, async (tx) => {
    const member = await requireCustomer(tx, shopId, memberExternalId);
    return { coupons: await issuedViews(tx, shopId, eq(customerCoupons.customerId, member.id), now) };
  });
}

async function issuedByExternalId(tx: Tx, shopId: number, externalId: string) {
  const [row] = await tx
    .select()
    .from(customerCoupons)
    .where(and(eq(customerCoupons.shopId, shopId), eq(customerCoupons.externalId, externalId)))
    .for('update');
  return row ?? null;
}

/**
 * Issues the coupon under the storefront's id, or re-points it (another coupon, another expiry).
 * The same body again changes nothing. A used coupon stays what the order used; a withdrawn one
 * stays withdrawn (issue a new id to give the member another).
 */
export async function issueCoupon(tx: Tx, shopId: number, memberExternalId: string, externalId: string, input: IssueCouponRequest, now: Date): Promise<StoredResponse<IssuedCoupon>> {
  const member = await requireCustomer(tx, shopId, memberExternalId);
  const coupon = await couponByExternalId(tx, shopId, input.coupon);
  if (!coupon) throw new AppError('COUPON_UNKNOWN', { field: 'coupon', coupon: input.coupon });
  const expiresAt = input.expiresAt ? new Date(input.expiresAt) : null;
  const existing = await issuedByExternalId(tx, shopId, externalId);
  if (existing) {
    if (existing.customerId !== member.id) throw new AppError('ISSUED_COUPON_OTHER_MEMBER', { externalId });
    if (existing.couponId === coupon.id && sameInstant(existing.expiresAt, expiresAt)) return { status: 200, body: await issuedView(tx, shopId, existing.id, now) };
    if (existing.status === 'used') throw new AppError('ISSUED_COUPON_USED', { externalId, orderId: existing.usedOrderId });
    if (existing.couponId !== coupon.id && !coupon.active) throw new AppError('COUPON_INACTIVE', { field: 'coupon', coupon: input.coupon });
    await tx
      .update(customerCoupons)
      .set({ couponId: coupon.id, expiresAt })
      .where(and(eq(customerCoupons.shopId, shopId), eq(customerCoupons.id, existing.id)));
    return { status: 200, body: await issuedView(tx, shopId, existing.id, now) };
  }
  if (!coupon.active) throw new AppError('COUPON_INACTIVE', { field: 'coupon', coupon: input.coupon });
  const [row] = await tx
    .insert(customerCoupons)
    .values({ shopId, externalId, customerId: member.id, couponId: coupon.id, expiresAt, createdAt: now })
    .onConflictDoNothing({ target: [customerCoupons.shopId, customerCoupons.externalId], where: sql`${customerCoupons.externalId} is not null` })
    .returning({ id: customerCoupons.id });
  if (!row) return issueCoupon(tx, shopId, memberExternalId, externalId, input, now);
  return { status: 201, body: await issuedView(tx, shopId, row.id, now) };
}

/** Takes back a coupon the member has not used: it stays listed, as expired. Withdrawing twice is a no-op. */
export async function withdrawCoupon(tx: Tx, shopId: number, memberExternalId: string, externalId: string, now: Date): Promise<StoredResponse<IssuedCoupon>> {
  const member = await requireCustomer(tx, shopId, memberExternalId);
  const existing = await issuedByExternalId(tx, shopId, externalId);
  if (!existing || existing.customerId !== member.id) throw new AppError('ISSUED_COUPON_NOT_FOUND', { externalId });
  if (existing.status === 'used') throw new AppError('ISSUED_COUPON_USED', { externalId, orderId: existing.usedOrderId });
  if (existing.status === 'available') {
    await tx
      .update(customerCoupons)
      .set({ status: 'expired' })
      .where(and(eq(customerCoupons.shopId, shopId), eq(customerCoupons.id, existing.id)));
  }
  return { status: 200, body: await issuedView(tx, shopId, existing.id, now) };
}
