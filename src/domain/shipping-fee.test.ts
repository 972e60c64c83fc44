import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { remoteAreaOf, shippingFeeFor, type ShippingPolicy } from './shipping-fee';

const policy: ShippingPolicy = { baseFee: 3000, freeThreshold: 50_000, jejuFee: 3000, islandFee: 5000 };
const SEOUL = '04524';
const ULLEUNG = '40220';

describe('remoteAreaOf', () => {
  it('finds Jeju by its postcode block', () => {
    expect(remoteAreaOf('63000')).toBe('jeju');
    expect(remoteAreaOf('63644')).toBe('jeju');
    expect(remoteAreaOf('63645')).toBeNull();
    expect(remoteAreaOf('62999')).toBeNull();
  });

  it('finds islands from the sample table', () => {
    expect(remoteAreaOf(ULLEUNG)).toBe('island');
    expect(remoteAreaOf('40200')).toBe('island');
    expect(remoteAreaOf('40240')).toBe('island');
    expect(remoteAreaOf('40241')).toBeNull();
    expect(remoteAreaOf('23005')).toBe('island');
    expect(remoteAreaOf('58810')).toBe('island');
    expect(remoteAreaOf('53100')).toBe('island');
  });

  it('treats mainland and malformed postcodes as not remote', () => {
    expect(remoteAreaOf(SEOUL)).toBeNull();
    expect(remoteAreaOf(' 63000 ')).toBe('jeju');
    for (const bad of ['', '6300', '630000', '690-010', 'abcde', '６３０００']) expect(remoteAreaOf(bad)).toBeNull();
  });
});

describe('shippingFeeFor', () => {
  it('charges the base fee once per order below the threshold', () => {
    expect(shippingFeeFor(policy, { itemsAmount: 30_000, postcodes: [SEOUL, SEOUL] })).toEqual({ base: 3000, remote: 0, total: 3000 });
  });

  it('waives the base fee at the threshold and for an empty amount', () => {
    expect(shippingFeeFor(policy, { itemsAmount: 50_000, postcodes: [SEOUL] })).toEqual({ base: 0, remote: 0, total: 0 });
    expect(shippingFeeFor(policy, { itemsAmount: 0, postcodes: [SEOUL] })).toEqual({ base: 0, remote: 0, total: 0 });
    expect(shippingFeeFor({ ...policy, freeThreshold: null }, { itemsAmount: 10_000_000, postcodes: [SEOUL] }).base).toBe(3000);
  });

  it('adds a surcharge per remote address, even when shipping is free', () => {
    expect(shippingFeeFor(policy, { itemsAmount: 30_000, postcodes: ['63000'] })).toEqual({ base: 3000, remote: 3000, total: 6000 });
    expect(shippingFeeFor(policy, { itemsAmount: 80_000, postcodes: ['63644', ULLEUNG, SEOUL, '63645'] })).toEqual({ base: 0, remote: 8000, total: 8000 });
  });

  it('rejects malformed policies (bugs)', () => {
    expect(() => shippingFeeFor({ ...policy, baseFee: -1 }, { itemsAmount: 1, postcodes: [] })).toThrow(RangeError);
    expect(() => shippingFeeFor(policy, { itemsAmount: 1.5, postcodes: [] })).toThrow(RangeError);
  });

  it('property: total = base + remote, base is 0 or the base fee, remote is a sum of surcharges', () => {
    const postcode = fc.oneof(fc.integer({ min: 0, max: 99_999 }).map((n) => String(n).padStart(5, '0')), fc.constantFrom('63000', ULLEUNG, SEOUL));
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 200_000 }), fc.array(postcode, { maxLength: 5 }), (itemsAmount, postcodes) => {
        const fee = shippingFeeFor(policy, { itemsAmount, postcodes });
        expect(fee.total).toBe(fee.base + fee.remote);
        expect([0, policy.baseFee]).toContain(fee.base);
        const jeju = postcodes.filter((p) => remoteAreaOf(p) === 'jeju').length;
        const island = postcodes.filter((p) => remoteAreaOf(p) === 'island').length;
        expect(fee.remote).toBe(jeju * policy.jejuFee + island * policy.islandFee);
      }),
    );
  });
});
