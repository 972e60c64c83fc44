import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { delayedIfPaidBefore, shippingDelayDaysOf } from './shipping-delay';

const at = (iso: string) => new Date(iso);
const waiting = (paidAt: string | null, statuses: string[] = ['preparing']) => ({ unitStatuses: statuses, paidAt: paidAt === null ? null : at(paidAt) });

describe('배송지연 days', () => {
  // 2026-03-10 00:30 in Seoul (UTC+9) is 2026-03-09 15:30 UTC
  const now = at('2026-03-09T15:30:00Z');

  it('counts Seoul calendar days since the payment: paid yesterday is 1, paid today 0', () => {
    expect(shippingDelayDaysOf(waiting('2026-03-09T14:59:00Z'), now)).toBe(1); // 23:59 yesterday in Seoul
    expect(shippingDelayDaysOf(waiting('2026-03-09T15:00:00Z'), now)).toBe(0); // 00:00 today in Seoul
    expect(shippingDelayDaysOf(waiting('2026-03-02T03:00:00Z'), now)).toBe(8);
  });

  it('is null when nothing waits to ship or nothing was paid, and never negative', () => {
    expect(shippingDelayDaysOf(waiting('2026-03-01T00:00:00Z', ['shipping', 'delivered']), now)).toBeNull();
    expect(shippingDelayDaysOf(waiting(null, ['paid']), now)).toBeNull();
    expect(shippingDelayDaysOf(waiting('2026-03-01T00:00:00Z', ['shipping', 'ready_to_ship']), now)).toBe(9);
    expect(shippingDelayDaysOf(waiting('2026-03-12T00:00:00Z'), now)).toBe(0);
  });

  it('agrees with the filter: at least N days late exactly when paid before the filter’s bound', () => {
    const base = Date.parse('2026-01-01T00:00:00Z');
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 90 * 86_400_000 }), fc.integer({ min: 0, max: 60 * 86_400_000 }), fc.integer({ min: 0, max: 40 }), (nowOffset, age, days) => {
        const when = new Date(base + nowOffset);
        const paidAt = new Date(when.getTime() - age);
        const late = shippingDelayDaysOf({ unitStatuses: ['paid'], paidAt }, when);
        expect(late !== null && late >= days).toBe(paidAt < delayedIfPaidBefore(days, when));
      }),
    );
  });
});
