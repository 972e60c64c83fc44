import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { formatWon, isValidRate, isWon, percentOf, prorate, sumWon } from './money';

describe('isWon', () => {
  it('accepts safe integers only', () => {
    expect(isWon(0)).toBe(true);
    expect(isWon(-1200)).toBe(true);
    expect(isWon(Number.MAX_SAFE_INTEGER)).toBe(true);
    expect(isWon(1.5)).toBe(false);
    expect(isWon(Number.MAX_SAFE_INTEGER + 1)).toBe(false);
    expect(isWon(Number.NaN)).toBe(false);
    expect(isWon('100')).toBe(false);
    expect(isWon(null)).toBe(false);
  });
});

describe('prorate', () => {
  it('splits proportionally with the leftover to the largest remainders', () => {
    expect(prorate(1000, [1, 1, 1])).toEqual([334, 333, 333]);
    expect(prorate(100, [30000, 20000, 50000])).toEqual([30, 20, 50]);
    // exact shares 3.33.., 6.66..: the larger remainder takes the leftover won
    expect(prorate(10, [1, 2])).toEqual([3, 7]);
  });

  it('gives ties in remainder to the lower index', () => {
    expect(prorate(1, [1, 1])).toEqual([1, 0]);
    expect(prorate(2, [1, 1, 1])).toEqual([1, 1, 0]);
  });

  it('gives zero weights nothing', () => {
    expect(prorate(5, [0, 1, 0, 1])).toEqual([0, 3, 0, 2]);
  });

  it('splits equally by count when every weight is zero', () => {
    expect(prorate(10, [0, 0, 0])).toEqual([4, 3, 3]);
    expect(prorate(0, [0, 0])).toEqual([0, 0]);
  });

  it('handles the empty list', () => {
    expect(prorate(0, [])).toEqual([]);
    expect(() => prorate(1, [])).toThrow(RangeError);
  });

  it('mirrors a negative total', () => {
    expect(prorate(-10, [1, 2])).toEqual([-3, -7]);
    expect(prorate(-1, [1, 1])).toEqual([-1, 0]);
    expect(Object.is(prorate(-1, [1, 1])[1], -0)).toBe(false);
  });

  it('is exact for fractional weights', () => {
    expect(prorate(3, [0.1, 0.2])).toEqual([1, 2]);
    expect(prorate(100, [0.5, 0.25, 0.25])).toEqual([50, 25, 25]);
  });

  it('is exact for large amounts and weights beyond float precision', () => {
    const parts = prorate(9_007_199_254_740_991, [9_007_199_254_740_991, 1]);
    expect(parts).toEqual([9_007_199_254_740_990, 1]);
  });

  it('throws on bad input (a bug, not an expected failure)', () => {
    expect(() => prorate(10, [1, -1])).toThrow(RangeError);
    expect(() => prorate(10, [1, Number.NaN])).toThrow(RangeError);
    expect(() => prorate(10, [Number.POSITIVE_INFINITY])).toThrow(RangeError);
    expect(() => prorate(1.5, [1])).toThrow(RangeError);
  });

  const totals = fc.integer({ min: -10_000_000, max: 10_000_000 });
  const weights = fc.array(fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 5_000_000 }), fc.double({ min: 0, max: 1e6, noNaN: true })), {
    minLength: 1,
    maxLength: 12,
  });

  it('property: parts are integers that sum exactly to the total', () => {
    fc.assert(
      fc.property(totals, weights, (total, ws) => {
        const parts = prorate(total, ws);
        expect(parts).toHaveLength(ws.length);
        expect(parts.every((p) => Number.isSafeInteger(p))).toBe(true);
        expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
      }),
    );
  });

  it('property: each part is within 1 of its exact share and zero weights get 0', () => {
    fc.assert(
      fc.property(totals, weights, (total, ws) => {
        const parts = prorate(total, ws);
        const allZero = ws.every((w) => w === 0);
        const sumW = ws.reduce((a, b) => a + b, 0);
        parts.forEach((p, i) => {
          const w = ws[i] ?? 0;
          const share = allZero ? total / ws.length : (total * w) / sumW;
          // float tolerance only for the reference computation, not for prorate itself
          expect(Math.abs(p - share)).toBeLessThan(1 + 1e-6);
          if (!allZero && w === 0) expect(p).toBe(0);
        });
      }),
    );
  });
});

describe('percentOf', () => {
  it('floors positive amounts', () => {
    expect(percentOf(10_000, 10)).toBe(1000);
    expect(percentOf(999, 10)).toBe(99);
    expect(percentOf(12_345, 0)).toBe(0);
  });

  it('has no float error on two-decimal rates', () => {
    // 1000 * 2.55 / 100 in floats is 25.499999999999996
    expect(percentOf(1000, 2.55)).toBe(25);
    expect(percentOf(10_000, 2.5)).toBe(250);
    expect(percentOf(100, 0.29)).toBe(0);
    expect(percentOf(10_000, 0.29)).toBe(29);
    expect(percentOf(1_000_000, 33.33)).toBe(333_300);
  });

  it('rounds negative amounts toward zero', () => {
    expect(percentOf(-999, 10)).toBe(-99);
    expect(Object.is(percentOf(-5, 10), -0)).toBe(false);
  });

  it('rejects rates with a third decimal or negative rates', () => {
    expect(() => percentOf(1000, 2.555)).toThrow(RangeError);
    expect(() => percentOf(1000, -1)).toThrow(RangeError);
    expect(isValidRate(2.55)).toBe(true);
    expect(isValidRate(2.555)).toBe(false);
    expect(isValidRate(Number.NaN)).toBe(false);
  });

  it('property: equals exact integer arithmetic on hundredths and mirrors for negatives', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e12 }), fc.integer({ min: 0, max: 10_000 }), (amount, hundredths) => {
        const rate = hundredths / 100;
        const expected = Number((BigInt(amount) * BigInt(hundredths)) / 10_000n);
        expect(percentOf(amount, rate)).toBe(expected);
        expect(percentOf(-amount, rate)).toBe(expected === 0 ? 0 : -expected);
      }),
    );
  });
});

describe('sumWon', () => {
  it('sums and refuses non-won values', () => {
    expect(sumWon([])).toBe(0);
    expect(sumWon([1000, 2500, -500])).toBe(3000);
    expect(() => sumWon([1.5])).toThrow(RangeError);
    expect(() => sumWon([Number.MAX_SAFE_INTEGER, 1])).toThrow(RangeError);
  });
});

describe('formatWon', () => {
  it('groups thousands and appends 원', () => {
    expect(formatWon(0)).toBe('0원');
    expect(formatWon(999)).toBe('999원');
    expect(formatWon(12_000)).toBe('12,000원');
    expect(formatWon(1_234_567)).toBe('1,234,567원');
    expect(formatWon(-3500)).toBe('-3,500원');
  });
});
