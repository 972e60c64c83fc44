import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitVat } from './vat';

describe('splitVat', () => {
  it('splits a VAT-inclusive total into 공급가액 and 세액 as a 거래명세서 prints them', () => {
    expect(splitVat(11_000)).toEqual({ supply: 10_000, vat: 1_000 });
    expect(splitVat(63_000)).toEqual({ supply: 57_273, vat: 5_727 });
    expect(splitVat(10)).toEqual({ supply: 9, vat: 1 });
    expect(splitVat(0)).toEqual({ supply: 0, vat: 0 });
  });

  it('always sums back to the total, with 세액 within a won of a tenth of 공급가액', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000_000_000 }), (total) => {
        const { supply, vat } = splitVat(total);
        expect(supply + vat).toBe(total);
        expect(Math.abs(vat * 10 - supply)).toBeLessThanOrEqual(10);
      }),
    );
  });
});
