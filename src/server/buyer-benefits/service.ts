import { and, eq } from 'drizzle-orm';
import type { BuyerBenefits } from '../../contracts/buyer-benefits';
import { readSnapshot, type Executor } from '../db/client';
import { coupons, customerCoupons, customers, memberGrades, orders } from '../db/schema/index';
import { AppError, type Lang } from '../http/errors';
import { usableCouponsOf } from '../orders/member-benefits';
import { couponMinOrderText, couponRuleText } from './labels';

/**
 * The member as staff see them: plain reads. member-benefits.ts's `loadMemberForUpdate` and
 * `loadUsableCoupon` lock the rows they read (they serve checkouts and commits, which spend), so a
 * screen that only looks must not use them: it would queue behind a checkout of the same member.
 */
async function memberOf(db: Executor, shopId: number, customerId: number) {
  const [row] = await db
    .select({ id: customers.id, name: customers.name, pointsBalance: customers.pointsBalance, gradeName: memberGrades.name, gradeDiscountRate: memberGrades.discountRate })
    .from(customers)
    .leftJoin(memberGrades, and(eq(memberGrades.shopId, customers.shopId), eq(memberGrades.id, customers.gradeId)))
    .where(and(eq(customers.shopId, shopId), eq(customers.id, customerId)));
  return row ?? null;
}

async function issuedCoupon(db: Executor, shopId: number, customerCouponId: number) {
  const [row] = await db
    .select({ rule: coupons })
    .from(customerCoupons)
    .innerJoin(coupons, and(eq(coupons.shopId, customerCoupons.shopId), eq(coupons.id, customerCoupons.couponId)))
    .where(and(eq(customerCoupons.shopId, shopId), eq(customerCoupons.id, customerCouponId)));
  return row?.rule ?? null;
}

/**
 * 쿠폰 · 적립금 of the order's buyer: the member's points balance and grade, the coupons usable now
 * (what an edit's apply_coupon and use_points accept), and the coupon the order already carries.
 * A guest order has none of these: `member: null`, empty lists.
 */
export async function buyerBenefitsOf(db: Executor, shopId: number, orderId: number, lang: Lang, now = new Date()): Promise<BuyerBenefits> {
  return readSnapshot(db, (tx) => buyerBenefitsOfInSnapshot(tx, shopId, orderId, lang, now));
}

async function buyerBenefitsOfInSnapshot(db: Executor, shopId: number, orderId: number, lang: Lang, now: Date): Promise<BuyerBenefits> {
  const [order] = await db
    .select({
      customerId: orders.customerId,
      gradeName: orders.gradeName,
      gradeDiscountRate: orders.gradeDiscountRate,
      customerCouponId: orders.customerCouponId,
      couponName: orders.couponName,
      couponDiscount: orders.couponDiscount,
      pointsUsed: orders.pointsUsed,
    })
    .from(orders)
    .where(and(eq(orders.shopId, shopId), eq(orders.id, orderId)));
  if (!order) throw new AppError('ORDER_NOT_FOUND', { orderId });

  const member = order.customerId === null ? null : await memberOf(db, shopId, order.customerId);
  if (!member) return { orderId, member: null, orderGrade: null, orderPointsUsed: order.pointsUsed, coupons: [], appliedCoupon: null };

  const held = await usableCouponsOf(db, shopId, member.id, now);
  const appliedRule = order.customerCouponId === null ? null : await issuedCoupon(db, shopId, order.customerCouponId);
  return {
    orderId,
    member: { customerId: member.id, name: member.name, gradeName: member.gradeName, gradeDiscountRate: member.gradeDiscountRate ?? 0, pointsBalance: member.pointsBalance },
    orderGrade: { name: order.gradeName, discountRate: order.gradeDiscountRate },
    orderPointsUsed: order.pointsUsed,
    coupons: held.map(({ issued, rule }) => ({
      customerCouponId: issued.id,
      couponId: rule.id,
      name: rule.name,
      kind: rule.kind,
      value: rule.value,
      maxDiscount: rule.maxDiscount,
      minOrderAmount: rule.minOrderAmount,
      ruleText: couponRuleText(rule, lang),
      minOrderText: couponMinOrderText(rule, lang),
      issuedAt: issued.createdAt.toISOString(),
      expiresAt: issued.expiresAt?.toISOString() ?? null,
    })),
    appliedCoupon:
      order.customerCouponId === null
        ? null
        : {
            customerCouponId: order.customerCouponId,
            name: order.couponName ?? appliedRule?.name ?? `#${order.customerCouponId}`,
            ruleText: appliedRule ? couponRuleText(appliedRule, lang) : null,
            discount: order.couponDiscount,
          },
  };
}
