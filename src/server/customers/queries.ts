import { and, asc, eq, gt, isNull, lte, or, sql, type SQL } from 'drizzle-orm';
import type { Grade, Member } from '../../contracts/members';
import type { Executor } from '../db/client';
import { coupons, customerCoupons, customers, memberGrades } from '../db/schema/index';
import { AppError } from '../http/errors';

export type CustomerRow = typeof customers.$inferSelect;
export type GradeRow = typeof memberGrades.$inferSelect;

/**
 * Usable at `now`: the issued coupon is available and not past its own expiry, and its definition
 * is active and within its dates. (orders/member-benefits.ts's usableCouponsOf, which checkouts and
 * the staff's buyer-benefits screen use, checks only the issued coupon: until it checks the
 * definition too, an order may still apply a coupon the storefront deactivated.)
 */
export function usableAt(now: Date): SQL {
  const usable = and(
    eq(customerCoupons.status, 'available'),
    or(isNull(customerCoupons.expiresAt), gt(customerCoupons.expiresAt, now)),
    eq(coupons.active, true),
    or(isNull(coupons.validFrom), lte(coupons.validFrom, now)),
    or(isNull(coupons.validUntil), gt(coupons.validUntil, now)),
  );
  if (!usable) throw new Error('expected the usable-coupon condition');
  return usable;
}

/** The member's row by the storefront's id; `lock` takes it FOR UPDATE (points and upserts change it). */
export async function customerByExternalId(db: Executor, shopId: number, externalId: string, lock = false): Promise<CustomerRow | null> {
  const query = db
    .select()
    .from(customers)
    .where(and(eq(customers.shopId, shopId), eq(customers.externalId, externalId)));
  const [row] = lock ? await query.for('update') : await query;
  return row ?? null;
}

/** Another shop's member is not found, exactly like one that does not exist. */
export async function requireCustomer(db: Executor, shopId: number, externalId: string, lock = false): Promise<CustomerRow> {
  const row = await customerByExternalId(db, shopId, externalId, lock);
  if (!row) throw new AppError('MEMBER_NOT_FOUND', { externalId });
  return row;
}

export async function gradeByName(db: Executor, shopId: number, name: string): Promise<GradeRow | null> {
  const [row] = await db
    .select()
    .from(memberGrades)
    .where(and(eq(memberGrades.shopId, shopId), eq(memberGrades.name, name)));
  return row ?? null;
}

export async function gradesOf(db: Executor, shopId: number): Promise<GradeRow[]> {
  return db.select().from(memberGrades).where(eq(memberGrades.shopId, shopId)).orderBy(asc(memberGrades.position), asc(memberGrades.id));
}

export const toGrade = (row: Pick<GradeRow, 'name' | 'discountRate' | 'position'>): Grade => ({ name: row.name, discountRate: row.discountRate, position: row.position });

/** Members with their grade and usable-coupon count, in the order they were first written. */
export async function memberViews(db: Executor, shopId: number, where: SQL | undefined, limit: number, now: Date): Promise<Member[]> {
  const available = sql<number>`(
    select count(*)::int from ${customerCoupons}
    inner join ${coupons} on ${coupons.shopId} = ${customerCoupons.shopId} and ${coupons.id} = ${customerCoupons.couponId}
    where ${customerCoupons.shopId} = ${customers.shopId} and ${customerCoupons.customerId} = ${customers.id} and ${usableAt(now)}
  )`;
  const rows = await db
    .select({ customer: customers, grade: memberGrades, available })
    .from(customers)
    .leftJoin(memberGrades, and(eq(memberGrades.shopId, customers.shopId), eq(memberGrades.id, customers.gradeId)))
    .where(and(eq(customers.shopId, shopId), where))
    .orderBy(asc(customers.id))
    .limit(limit);
  return rows.map(({ customer: c, grade, available: n }) => ({
    externalId: c.externalId,
    customerId: c.id,
    name: c.name,
    phone: c.phone,
    email: c.email,
    grade: grade ? toGrade(grade) : null,
    pointsBalance: c.pointsBalance,
    // count(*) is a number on PGlite and may come back as text over pg
    availableCoupons: Number(n),
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
  }));
}

export async function memberView(db: Executor, shopId: number, customerId: number, now: Date): Promise<Member> {
  const [member] = await memberViews(db, shopId, eq(customers.id, customerId), 1, now);
  if (!member) throw new Error(`expected member ${customerId}`);
  return member;
}

/** Whether a database error is the unique index `name` refusing a row (PGlite and pg both report it). */
export function violatesUnique(error: unknown, name: string): boolean {
  for (let e: unknown = error; e && typeof e === 'object'; e = (e as { cause?: unknown }).cause) {
    const { code, constraint, message } = e as { code?: unknown; constraint?: unknown; message?: unknown };
    if (code === '23505' && (constraint === name || (typeof message === 'string' && message.includes(`"${name}"`)))) return true;
  }
  return false;
}
