import { z } from 'zod';
import { id, isoDateTime, signedWon, won } from './common';
import { externalIdSchema } from './members';

/** Coupon definitions, coupons issued to members, and points, as a storefront writes them by its own ids. */

export const upsertCouponSchema = z
  .object({
    name: z.string().trim().min(1).max(100),
    kind: z.enum(['fixed', 'rate']),
    /** 'fixed': won off (≥ 1); 'rate': whole percent off, 1–100 (how src/domain/coupon.ts reads `value`). */
    value: z.number().int().min(1).max(1_000_000_000),
    /** Cap on the discount in won; absent: no cap. */
    maxDiscount: won.min(1).nullable().optional(),
    /** The items amount must reach this; absent: no minimum. */
    minOrderAmount: won.nullable().optional(),
    /** Issued coupons are usable from this instant … */
    validFrom: isoDateTime.nullable().optional(),
    /** … until this one (exclusive). */
    validUntil: isoDateTime.nullable().optional(),
    /** false: no longer issued, and issued ones are not usable. */
    active: z.boolean(),
  })
  .strict()
  .superRefine((c, ctx) => {
    if (c.kind === 'rate' && c.value > 100) ctx.addIssue({ code: 'custom', path: ['value'], message: 'a rate coupon takes 1–100 (percent)' });
    if (c.validFrom && c.validUntil && Date.parse(c.validFrom) >= Date.parse(c.validUntil)) {
      ctx.addIssue({ code: 'custom', path: ['validUntil'], message: 'validUntil must be after validFrom' });
    }
  })
  .meta({ id: 'UpsertCoupon' });
export type UpsertCouponRequest = z.infer<typeof upsertCouponSchema>;

export const couponSchema = z
  .object({
    /** null for coupons made in Jumun (a new shop's starter coupons), which a storefront cannot address. */
    externalId: z.string().nullable(),
    couponId: id,
    name: z.string(),
    kind: z.enum(['fixed', 'rate']),
    value: z.number().int(),
    maxDiscount: won.nullable(),
    minOrderAmount: won.nullable(),
    validFrom: isoDateTime.nullable(),
    validUntil: isoDateTime.nullable(),
    active: z.boolean(),
    createdAt: isoDateTime,
  })
  .meta({ id: 'Coupon' });
export type Coupon = z.infer<typeof couponSchema>;
export const couponListSchema = z.object({ coupons: z.array(couponSchema) }).meta({ id: 'CouponList' });
export const couponParams = z.object({ externalId: externalIdSchema });

export const issueCouponSchema = z
  .object({
    /** The coupon definition's externalId (`COUPON_UNKNOWN` when there is none). */
    coupon: externalIdSchema,
    /** After this instant the issued coupon cannot be used; absent: it does not expire by itself. */
    expiresAt: isoDateTime.nullable().optional(),
  })
  .strict()
  .meta({ id: 'IssueCoupon' });
export type IssueCouponRequest = z.infer<typeof issueCouponSchema>;

export const issuedCouponSchema = z
  .object({
    externalId: z.string().nullable(),
    customerCouponId: id,
    memberExternalId: z.string().nullable(),
    coupon: couponSchema,
    /** available; used (by an order: `usedOrderId`); expired (by date at use, or withdrawn). */
    status: z.enum(['available', 'used', 'expired']),
    /** Whether an order could apply it now: available, not past expiresAt, its coupon active and within its dates. */
    usable: z.boolean(),
    expiresAt: isoDateTime.nullable(),
    usedOrderId: id.nullable(),
    usedAt: isoDateTime.nullable(),
    issuedAt: isoDateTime,
  })
  .meta({ id: 'IssuedCoupon' });
export type IssuedCoupon = z.infer<typeof issuedCouponSchema>;
export const issuedCouponListSchema = z.object({ coupons: z.array(issuedCouponSchema) }).meta({ id: 'IssuedCouponList' });
export const issuedCouponParams = z.object({ externalId: externalIdSchema, issuedExternalId: externalIdSchema });

export const POSTED_POINT_KINDS = ['earned', 'spent', 'adjusted', 'expired'] as const;
export const POINT_KINDS = [...POSTED_POINT_KINDS, 'used', 'restored'] as const;
export const postPointsSchema = z
  .object({
    /** earned adds; spent and expired take away; adjusted does either by the sign of `amount`. */
    kind: z.enum(POSTED_POINT_KINDS),
    /** Won: positive for earned, spent and expired (the kind gives the sign); adjusted: non-zero, either sign. */
    amount: signedWon.refine((v) => v !== 0, 'not 0'),
    reason: z.string().trim().min(1).max(200),
  })
  .strict()
  .superRefine((p, ctx) => {
    if (p.kind !== 'adjusted' && p.amount < 0) ctx.addIssue({ code: 'custom', path: ['amount'], message: `positive for ${p.kind} (the kind gives the sign)` });
  })
  .meta({ id: 'PostPoints' });
export type PostPointsRequest = z.infer<typeof postPointsSchema>;

export const pointsEntrySchema = z
  .object({
    id,
    /** earned / spent / adjusted / expired: posted by the storefront; used / restored: by an order in Jumun. */
    kind: z.enum(POINT_KINDS),
    /** Signed won: what the entry did to the balance. */
    delta: signedWon,
    reason: z.string(),
    orderId: id.nullable(),
    createdAt: isoDateTime,
  })
  .meta({ id: 'PointsEntry' });
export const postPointsResultSchema = z.object({ entry: pointsEntrySchema, balance: won }).meta({ id: 'PostPointsResult' });
export type PostPointsResult = z.infer<typeof postPointsResultSchema>;

export const pointsQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  /** `nextCursor` of the previous page. */
  cursor: z.string().max(100).optional(),
});
/** Newest first. */
export const pointsHistorySchema = z
  .object({ balance: won, entries: z.array(pointsEntrySchema), nextCursor: z.string().nullable() })
  .meta({ id: 'PointsHistory' });
export type PointsHistory = z.infer<typeof pointsHistorySchema>;
