import { z } from 'zod';
import { id, isoDateTime, won } from './common';

/**
 * A coupon the buyer holds and may use now (status available, not expired): what an order edit's
 * `apply_coupon` takes, with its rule as data and in words (the reader's language).
 */
export const buyerCouponSchema = z
  .object({
    /** What `apply_coupon` takes. */
    customerCouponId: id,
    couponId: id,
    name: z.string(),
    kind: z.enum(['fixed', 'rate']),
    /** won for 'fixed', percent for 'rate' */
    value: z.number().min(0),
    maxDiscount: won.nullable(),
    /** The items amount (after grade and 판매가 할인) must reach this for the coupon to apply. */
    minOrderAmount: won.nullable(),
    /** The discount in words: "10% 할인 (최대 10,000원)", "3,000원 할인". */
    ruleText: z.string(),
    /** The minimum in words, when there is one: "30,000원 이상 구매 시". */
    minOrderText: z.string().nullable(),
    issuedAt: isoDateTime,
    /** null: never expires */
    expiresAt: isoDateTime.nullable(),
  })
  .meta({ id: 'BuyerCoupon' });
export type BuyerCoupon = z.infer<typeof buyerCouponSchema>;

/**
 * 쿠폰 · 적립금 of an order's buyer, for the 금액 계산 of an order edit. A guest order answers
 * `member: null` with empty lists.
 */
export const buyerBenefitsSchema = z
  .object({
    orderId: id,
    member: z
      .object({
        customerId: id,
        name: z.string(),
        /** The member's grade now (an edit sells added items at the order's own rate, below). */
        gradeName: z.string().nullable(),
        gradeDiscountRate: z.number().min(0),
        /** 보유 적립금: the most an edit may add in `use_points`. */
        pointsBalance: won,
      })
      .nullable(),
    /** The grade and rate the order was placed with; items an edit adds get this rate. */
    orderGrade: z.object({ name: z.string().nullable(), discountRate: z.number().min(0) }).nullable(),
    /** Points the order already used (an edit's points come on top). */
    orderPointsUsed: won,
    /** Usable now, soonest expiry first (never-expiring last). */
    coupons: z.array(buyerCouponSchema),
    /** The coupon the order carries (one per order: while it is set, an edit cannot apply another). */
    appliedCoupon: z
      .object({
        customerCouponId: id,
        name: z.string(),
        ruleText: z.string().nullable(),
        /** What it takes off the order now. */
        discount: won,
      })
      .nullable(),
  })
  .meta({ id: 'BuyerBenefits' });
export type BuyerBenefits = z.infer<typeof buyerBenefitsSchema>;
