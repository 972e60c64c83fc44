/**
 * How much an order coupon takes off. The caller decides which amount is eligible (usually the
 * items amount after grade and manual discounts; never shipping) and spreads the result over the
 * lines with `priceOrder`.
 */
import { isWon, percentOf, type Won } from './money';

export interface CouponRule {
  kind: 'fixed' | 'rate';
  /** won for 'fixed', percent (at most 2 decimals) for 'rate' */
  value: number;
  /** cap on the discount; null or absent: no cap */
  maxDiscount?: Won | null;
  /** the eligible amount must reach this; null or absent: no minimum */
  minOrderAmount?: Won | null;
}

export type CouponResult = { ok: true; discount: Won } | { ok: false; code: 'COUPON_MIN_ORDER_NOT_MET' };

/**
 * The discount never exceeds the eligible amount (a 10,000원 coupon on a 7,000원 order takes 7,000원,
 * it does not make the order negative) nor `maxDiscount`. Rates round down to the won.
 * A malformed rule or amount is a bug (rules are validated when the coupon is created) and throws.
 */
export function couponDiscountFor(rule: CouponRule, eligibleAmount: Won): CouponResult {
  if (!isWon(eligibleAmount) || eligibleAmount < 0) throw new RangeError(`eligible amount must be a non-negative integer, got ${eligibleAmount}`);
  if (rule.kind === 'fixed' && (!isWon(rule.value) || rule.value < 0)) throw new RangeError(`fixed coupon value must be won >= 0, got ${rule.value}`);
  for (const [name, v] of [['maxDiscount', rule.maxDiscount], ['minOrderAmount', rule.minOrderAmount]] as const) {
    if (v !== null && v !== undefined && (!isWon(v) || v < 0)) throw new RangeError(`coupon ${name} must be won >= 0, got ${v}`);
  }

  if (rule.minOrderAmount != null && eligibleAmount < rule.minOrderAmount) return { ok: false, code: 'COUPON_MIN_ORDER_NOT_MET' };

  // percentOf throws on a negative rate or one with a third decimal
  const raw = rule.kind === 'fixed' ? rule.value : percentOf(eligibleAmount, rule.value);
  const capped = rule.maxDiscount != null ? Math.min(raw, rule.maxDiscount) : raw;
  return { ok: true, discount: Math.min(capped, eligibleAmount) };
}
