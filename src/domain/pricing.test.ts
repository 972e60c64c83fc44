import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { priceOrder, type PricedOrder, type PricingInput } from './pricing';

function priced(input: PricingInput): PricedOrder {
  const r = priceOrder(input);
  if (!r.ok) throw new Error(`expected ok, got ${r.code}: ${r.message}`);
  return r.order;
}

describe('priceOrder', () => {
  it('prices a plain order', () => {
    const o = priced({ lines: [{ unitPrice: 12_000, quantity: 2 }], couponDiscount: 0, pointsUsed: 0, shippingFee: 3000 });
    expect(o).toMatchObject({ itemsSubtotal: 24_000, itemsAmount: 24_000, total: 27_000 });
    expect(o.lines[0]).toMatchObject({ subtotal: 24_000, amount: 24_000, couponShare: 0, pointsShare: 0, netAmount: 24_000 });
  });

  it('applies the grade discount per unit, rounded down', () => {
    const o = priced({ lines: [{ unitPrice: 9_990, quantity: 3, gradeDiscountRate: 2.5 }], couponDiscount: 0, pointsUsed: 0, shippingFee: 0 });
    // 2.5% of 9,990 = 249.75 → 249 per unit
    expect(o.lines[0]).toMatchObject({ gradeDiscountPerUnit: 249, gradeDiscount: 747, amount: 29_223 });
    expect(o.gradeDiscountTotal).toBe(747);
  });

  it('stacks a manual rate discount on the price after the grade discount', () => {
    const o = priced({
      lines: [{ unitPrice: 10_000, quantity: 2, gradeDiscountRate: 10, manualDiscount: { kind: 'rate', ratePercent: 5 } }],
      couponDiscount: 0,
      pointsUsed: 0,
      shippingFee: 0,
    });
    expect(o.lines[0]).toMatchObject({ gradeDiscountPerUnit: 1000, manualDiscountPerUnit: 450, manualDiscount: 900, amount: 17_100 });
    expect(o.manualDiscountTotal).toBe(900);
  });

  it('caps a manual amount discount at the remaining unit price', () => {
    const o = priced({
      lines: [{ unitPrice: 5000, quantity: 2, gradeDiscountRate: 10, manualDiscount: { kind: 'amount', amountPerUnit: 6000 } }],
      couponDiscount: 0,
      pointsUsed: 0,
      shippingFee: 2500,
    });
    expect(o.lines[0]).toMatchObject({ manualDiscountPerUnit: 4500, amount: 0, netAmount: 0 });
    expect(o.total).toBe(2500);
  });

  it('spreads the coupon by amount and the points by what is left', () => {
    const o = priced({
      lines: [
        { unitPrice: 10_000, quantity: 1 },
        { unitPrice: 20_000, quantity: 1 },
      ],
      couponDiscount: 3000,
      pointsUsed: 1000,
      shippingFee: 3000,
    });
    expect(o.lines.map((l) => l.couponShare)).toEqual([1000, 2000]);
    expect(o.lines.map((l) => l.pointsShare)).toEqual([333, 667]);
    expect(o.lines.map((l) => l.netAmount)).toEqual([8667, 17_333]);
    expect(o.total).toBe(29_000);
  });

  it('never drives a line negative where independent rounding would', () => {
    // three 1-won lines: coupon 1 and points 2 prorated independently would both land on line 1
    const o = priced({ lines: [1, 1, 1].map((unitPrice) => ({ unitPrice, quantity: 1 })), couponDiscount: 1, pointsUsed: 2, shippingFee: 0 });
    expect(o.lines.map((l) => l.netAmount)).toEqual([0, 0, 0]);
  });

  it('does not let the coupon discount shipping', () => {
    const r = priceOrder({ lines: [{ unitPrice: 1000, quantity: 1 }], couponDiscount: 1500, pointsUsed: 0, shippingFee: 3000 });
    expect(r).toMatchObject({ ok: false, code: 'DISCOUNT_EXCEEDS_AMOUNT' });
    const r2 = priceOrder({ lines: [{ unitPrice: 1000, quantity: 1 }], couponDiscount: 500, pointsUsed: 501, shippingFee: 3000 });
    expect(r2).toMatchObject({ ok: false, code: 'DISCOUNT_EXCEEDS_AMOUNT' });
  });

  it('rejects invalid quantities and amounts with codes', () => {
    const base = { couponDiscount: 0, pointsUsed: 0, shippingFee: 0 };
    expect(priceOrder({ ...base, lines: [{ unitPrice: 1000, quantity: 0 }] })).toMatchObject({ ok: false, code: 'INVALID_QUANTITY' });
    expect(priceOrder({ ...base, lines: [{ unitPrice: 1000, quantity: 1.5 }] })).toMatchObject({ ok: false, code: 'INVALID_QUANTITY' });
    expect(priceOrder({ ...base, lines: [{ unitPrice: -1, quantity: 1 }] })).toMatchObject({ ok: false, code: 'INVALID_AMOUNT' });
    expect(priceOrder({ ...base, lines: [{ unitPrice: 10.5, quantity: 1 }] })).toMatchObject({ ok: false, code: 'INVALID_AMOUNT' });
    expect(priceOrder({ ...base, lines: [{ unitPrice: 1000, quantity: 1, gradeDiscountRate: 101 }] })).toMatchObject({ ok: false, code: 'INVALID_AMOUNT' });
    expect(priceOrder({ ...base, lines: [{ unitPrice: 1000, quantity: 1, gradeDiscountRate: 1.234 }] })).toMatchObject({ ok: false, code: 'INVALID_AMOUNT' });
    const badManual = { unitPrice: 1000, quantity: 1, manualDiscount: { kind: 'amount' as const, amountPerUnit: -5 } };
    expect(priceOrder({ ...base, lines: [badManual] })).toMatchObject({ ok: false, code: 'INVALID_AMOUNT' });
    expect(priceOrder({ ...base, lines: [], shippingFee: -1 })).toMatchObject({ ok: false, code: 'INVALID_AMOUNT' });
    expect(priceOrder({ ...base, lines: [{ unitPrice: 2 ** 52, quantity: 4 }] })).toMatchObject({ ok: false, code: 'INVALID_AMOUNT' });
  });

  it('prices an order without lines as its shipping fee', () => {
    expect(priced({ lines: [], couponDiscount: 0, pointsUsed: 0, shippingFee: 3000 }).total).toBe(3000);
  });

  const rate = fc.integer({ min: 0, max: 10_000 }).map((h) => h / 100);
  const line = fc.record(
    {
      unitPrice: fc.integer({ min: 0, max: 2_000_000 }),
      quantity: fc.integer({ min: 1, max: 50 }),
      gradeDiscountRate: rate,
      manualDiscount: fc.oneof(
        fc.record({ kind: fc.constant('rate' as const), ratePercent: rate }),
        fc.record({ kind: fc.constant('amount' as const), amountPerUnit: fc.integer({ min: 0, max: 2_000_000 }) }),
      ),
    },
    { requiredKeys: ['unitPrice', 'quantity'] },
  );
  const input = fc
    .record({ lines: fc.array(line, { maxLength: 8 }), couponFrac: fc.double({ min: 0, max: 1, noNaN: true }), pointsFrac: fc.double({ min: 0, max: 1, noNaN: true }), shippingFee: fc.integer({ min: 0, max: 10_000 }) })
    .map(({ lines, couponFrac, pointsFrac, shippingFee }): PricingInput => {
      // pick coupon and points within what the first pricing allows
      const probe = priced({ lines, couponDiscount: 0, pointsUsed: 0, shippingFee });
      const couponDiscount = Math.floor(probe.itemsAmount * couponFrac);
      const pointsUsed = Math.floor((probe.itemsAmount - couponDiscount) * pointsFrac);
      return { lines, couponDiscount, pointsUsed, shippingFee };
    });

  it('property: shares sum to the coupon and points, nets sum to the total, no line is negative', () => {
    fc.assert(
      fc.property(input, (inp) => {
        const o = priced(inp);
        const sum = (f: (l: PricedOrder['lines'][number]) => number) => o.lines.reduce((a, l) => a + f(l), 0);
        expect(sum((l) => l.couponShare)).toBe(inp.couponDiscount);
        expect(sum((l) => l.pointsShare)).toBe(inp.pointsUsed);
        expect(sum((l) => l.netAmount) + o.shippingFee).toBe(o.total);
        expect(o.itemsSubtotal - o.gradeDiscountTotal - o.manualDiscountTotal).toBe(o.itemsAmount);
        for (const l of o.lines) {
          expect(l.netAmount).toBeGreaterThanOrEqual(0);
          expect(l.amount).toBe(l.subtotal - l.gradeDiscount - l.manualDiscount);
          expect(l.amount).toBeGreaterThanOrEqual(0);
        }
      }),
    );
  });

  it('property: a discount beyond the items amount is refused', () => {
    fc.assert(
      fc.property(input, fc.integer({ min: 1, max: 1000 }), (inp, extra) => {
        const itemsAmount = priced(inp).itemsAmount;
        const r = priceOrder({ ...inp, couponDiscount: itemsAmount - inp.pointsUsed + extra });
        expect(r).toMatchObject({ ok: false, code: 'DISCOUNT_EXCEEDS_AMOUNT' });
      }),
    );
  });
});
