import { eq } from 'drizzle-orm';
import type { CheckoutInput } from '../../contracts/orders';
import { couponDiscountFor } from '../../domain/coupon';
import { priceOrder, type PricedOrder } from '../../domain/pricing';
import { shippingFeeFor } from '../../domain/shipping-fee';
import type { Executor } from '../db/client';
import { shops } from '../db/schema/index';
import { AppError } from '../http/errors';
import { currentPolicy, type PolicyVersion } from '../shops/policy';
import { resolveLines, type ResolvedLine } from './catalog-lookup';
import { loadMemberForUpdate, loadUsableCoupon, type Member } from './member-benefits';
import { resolveStorefrontIds } from './storefront-ids';

export interface PricedCheckout {
  /** The checkout with the storefront's ids turned into Jumun's. */
  input: CheckoutInput;
  shop: typeof shops.$inferSelect;
  /** The shop's current policy version: the order is placed under it (orders.policy_id). */
  policy: PolicyVersion;
  member: Member | null;
  resolved: ResolvedLine[];
  priced: PricedOrder;
  coupon: Awaited<ReturnType<typeof loadUsableCoupon>> | null;
  couponDiscount: number;
  shipping: { base: number; remote: number };
}

/**
 * What a checkout costs, by the shop's current policy: the catalog's prices, the member's grade discount per
 * unit, the coupon on the items after grade discount, points, and shipping by the shop's rule and
 * the postcodes. Intake charges exactly this; the quote route shows it to a storefront before the
 * buyer pays, so the two can never disagree. Reads only (the member's row is locked for intake).
 */
export async function priceCheckout(tx: Executor, shopId: number, request: CheckoutInput, now: Date): Promise<PricedCheckout> {
  const input = await resolveStorefrontIds(tx, shopId, request);
  const [shop] = await tx.select().from(shops).where(eq(shops.id, shopId));
  if (!shop) throw new AppError('NOT_FOUND');
  const policy = await currentPolicy(tx, shopId);

  const { customerId } = input.orderer;
  const memberPath = request.orderer.memberExternalId === undefined ? 'orderer.customerId' : 'orderer.memberExternalId';
  const member = customerId !== undefined ? await loadMemberForUpdate(tx, shopId, customerId, memberPath) : null;
  const { customerCouponId, pointsUsed } = input.discounts;
  if (!member && (customerCouponId !== undefined || pointsUsed > 0)) throw new AppError('MEMBER_ONLY_BENEFIT');
  if (member && pointsUsed > member.pointsBalance) throw new AppError('POINTS_EXCEED_BALANCE', { balance: member.pointsBalance, requested: pointsUsed });

  const resolved = await resolveLines(tx, shopId, input.items);
  const gradeDiscountRate = member?.gradeDiscountRate ?? 0;
  const lines = resolved.map((r) => ({ unitPrice: r.unitPrice, quantity: r.quantity, gradeDiscountRate }));

  // The coupon applies to the items after grade discount; price once without it to know that base.
  const base = priceOrder({ lines, couponDiscount: 0, pointsUsed: 0, shippingFee: 0 });
  if (!base.ok) throw new AppError(base.code, { message: base.message });
  let couponDiscount = 0;
  let coupon: PricedCheckout['coupon'] = null;
  if (member && customerCouponId !== undefined) {
    const couponPath = request.discounts.issuedCouponExternalId === undefined ? 'discounts.customerCouponId' : 'discounts.issuedCouponExternalId';
    coupon = await loadUsableCoupon(tx, shopId, member.id, customerCouponId, now, couponPath);
    const discount = couponDiscountFor(coupon.rule, base.order.itemsAmount);
    if (!discount.ok) throw new AppError(discount.code, { path: couponPath, minOrderAmount: coupon.rule.minOrderAmount });
    couponDiscount = discount.discount;
  }
  const computedShipping = shippingFeeFor(policy.policy.shipping, { itemsAmount: base.order.itemsAmount, postcodes: input.addresses.map((a) => a.postcode) });
  const shipping = input.shippingFee === undefined ? { base: computedShipping.base, remote: computedShipping.remote } : { base: input.shippingFee, remote: 0 };

  const priced = priceOrder({ lines, couponDiscount, pointsUsed, shippingFee: shipping.base + shipping.remote });
  if (!priced.ok) throw new AppError(priced.code, { message: priced.message });
  return { input, shop, policy, member, resolved, priced: priced.order, coupon, couponDiscount, shipping };
}
