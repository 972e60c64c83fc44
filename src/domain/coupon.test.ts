import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { couponDiscountFor, type CouponRule } from './coupon';

describe('couponDiscountFor', () => {
  it('takes a fixed amount, capped at the eligible amount', () => {
    expect(couponDiscountFor({ kind: 'fixed', value: 3000 }, 20_000)).toEqual({ ok: true, discount: 3000 });
    expect(couponDiscountFor({ kind: 'fixed', value: 10_000 }, 7000)).toEqual({ ok: true, discount: 7000 });
  });

  it('takes a rate, rounded down and capped by maxDiscount', () => {
    expect(couponDiscountFor({ kind: 'rate', value: 10 }, 19_990)).toEqual({ ok: true, discount: 1999 });
    expect(couponDiscountFor({ kind: 'rate', value: 2.5 }, 9_999)).toEqual({ ok: true, discount: 249 });
    expect(couponDiscountFor({ kind: 'rate', value: 10, maxDiscount: 5000 }, 100_000)).toEqual({ ok: true, discount: 5000 });
    expect(couponDiscountFor({ kind: 'rate', value: 10, maxDiscount: null }, 100_000)).toEqual({ ok: true, discount: 10_000 });
  });

  it('enforces the minimum order amount (inclusive)', () => {
    const rule: CouponRule = { kind: 'fixed', value: 3000, minOrderAmount: 30_000 };
    expect(couponDiscountFor(rule, 29_999)).toEqual({ ok: false, code: 'COUPON_MIN_ORDER_NOT_MET' });
    expect(couponDiscountFor(rule, 30_000)).toEqual({ ok: true, discount: 3000 });
    expect(couponDiscountFor({ ...rule, minOrderAmount: null }, 0)).toEqual({ ok: true, discount: 0 });
  });

  it('throws on malformed rules (bugs)', () => {
    expect(() => couponDiscountFor({ kind: 'fixed', value: -1 }, 1000)).toThrow(RangeError);
    expect(() => couponDiscountFor({ kind: 'rate', value: 1.234 }, 1000)).toThrow(RangeError);
    expect(() => couponDiscountFor({ kind: 'fixed', value: 1, maxDiscount: 1.5 }, 1000)).toThrow(RangeError);
    expect(() => couponDiscountFor({ kind: 'fixed', value: 1 }, -1)).toThrow(RangeError);
  });

  it('property: the discount is between 0 and both the eligible amount and the cap', () => {
    const rule = fc.record({
      kind: fc.constantFrom('fixed' as const, 'rate' as const),
      value: fc.integer({ min: 0, max: 20_000 }),
      maxDiscount: fc.option(fc.integer({ min: 0, max: 50_000 })),
      minOrderAmount: fc.option(fc.integer({ min: 0, max: 50_000 })),
    }).map((r): CouponRule => (r.kind === 'rate' ? { ...r, value: r.value / 100 } : r));
    fc.assert(
      fc.property(rule, fc.integer({ min: 0, max: 1_000_000 }), (r, eligible) => {
        const result = couponDiscountFor(r, eligible);
        if (!result.ok) {
          expect(eligible).toBeLessThan(r.minOrderAmount ?? 0);
          return;
        }
        expect(result.discount).toBeGreaterThanOrEqual(0);
        expect(result.discount).toBeLessThanOrEqual(eligible);
        if (r.maxDiscount != null) expect(result.discount).toBeLessThanOrEqual(r.maxDiscount);
        expect(Number.isSafeInteger(result.discount)).toBe(true);
      }),
    );
  });
});
