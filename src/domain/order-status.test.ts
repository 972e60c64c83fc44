import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { ORDER_STATUSES, ORDER_STATUS_LABELS, deriveOrderStatus } from './order-status';
// status.ts re-exports the order status so importers of the status table need one module
import { deriveOrderStatus as viaStatus, isOpenClaimStatus, UNIT_STATUSES, type UnitStatus } from './status';

const u = (status: UnitStatus, quantity = 1) => ({ status, quantity });

describe('deriveOrderStatus', () => {
  it('is re-exported from status', () => {
    expect(viaStatus).toBe(deriveOrderStatus);
  });

  it('gives a uniform order its units’ status', () => {
    for (const s of ['awaiting_payment', 'paid', 'preparing', 'ready_to_ship', 'shipping', 'delivered', 'purchase_confirmed', 'cancelled', 'returned', 'exchanged'] as const) {
      expect(deriveOrderStatus([u(s, 2), u(s, 3)])).toBe(s);
    }
  });

  it('puts any open claim first', () => {
    expect(deriveOrderStatus([u('paid', 5), u('cancel_requested', 1)])).toBe('claim_in_progress');
    expect(deriveOrderStatus([u('delivered', 5), u('exchange_reshipped', 1)])).toBe('claim_in_progress');
    expect(deriveOrderStatus([u('returned', 5), u('return_collected', 1)])).toBe('claim_in_progress');
  });

  it('ends as cancelled or returned when nothing is live', () => {
    expect(deriveOrderStatus([u('cancelled', 2), u('returned', 1)])).toBe('returned');
    expect(deriveOrderStatus([u('cancelled', 2), u('cancelled', 1)])).toBe('cancelled');
  });

  it('prefers the work still to do over partial markers', () => {
    expect(deriveOrderStatus([u('cancelled', 1), u('paid', 2)])).toBe('paid');
    expect(deriveOrderStatus([u('paid', 1), u('preparing', 2)])).toBe('paid');
    expect(deriveOrderStatus([u('ready_to_ship', 1), u('preparing', 2)])).toBe('preparing');
    expect(deriveOrderStatus([u('awaiting_payment', 1), u('paid', 2)])).toBe('awaiting_payment');
    expect(deriveOrderStatus([u('ready_to_ship', 1), u('shipping', 2)])).toBe('partially_shipped');
    expect(deriveOrderStatus([u('paid', 1), u('delivered', 2)])).toBe('partially_shipped');
    expect(deriveOrderStatus([u('shipping', 1), u('delivered', 2), u('cancelled', 1)])).toBe('shipping');
  });

  it('shows partial cancels and returns once every live unit is delivered', () => {
    expect(deriveOrderStatus([u('cancelled', 1), u('delivered', 2)])).toBe('partially_cancelled');
    expect(deriveOrderStatus([u('returned', 1), u('purchase_confirmed', 2)])).toBe('partially_returned');
    expect(deriveOrderStatus([u('returned', 1), u('cancelled', 1), u('delivered', 2)])).toBe('partially_returned');
  });

  it('settles delivered, exchanged and confirmed mixtures', () => {
    expect(deriveOrderStatus([u('purchase_confirmed', 1), u('delivered', 2)])).toBe('delivered');
    expect(deriveOrderStatus([u('exchanged', 1), u('delivered', 2)])).toBe('delivered');
    expect(deriveOrderStatus([u('exchanged', 1), u('purchase_confirmed', 2)])).toBe('purchase_confirmed');
  });

  it('ignores zero quantities and throws without units', () => {
    expect(deriveOrderStatus([u('cancel_requested', 0), u('paid', 1)])).toBe('paid');
    expect(() => deriveOrderStatus([])).toThrow(RangeError);
    expect(() => deriveOrderStatus([u('paid', 0)])).toThrow(RangeError);
    expect(() => deriveOrderStatus([u('paid', -1)])).toThrow(RangeError);
  });

  it('labels every order status', () => {
    expect(ORDER_STATUS_LABELS.partially_shipped.ko).toBe('부분배송');
    expect(ORDER_STATUS_LABELS.claim_in_progress.ko).toBe('클레임 처리중');
    expect(Object.keys(ORDER_STATUS_LABELS).sort()).toEqual([...ORDER_STATUSES].sort());
  });

  const units = fc
    .array(fc.record({ status: fc.constantFrom(...UNIT_STATUSES), quantity: fc.integer({ min: 0, max: 5 }) }), { minLength: 1, maxLength: 8 })
    .filter((us) => us.some((x) => x.quantity > 0));

  it('property: total for any multiset of units with positive quantity', () => {
    fc.assert(
      fc.property(units, (us) => {
        expect(ORDER_STATUSES).toContain(deriveOrderStatus(us));
      }),
    );
  });

  it('property: independent of unit order and of how a quantity is split', () => {
    fc.assert(
      fc.property(units, fc.nat(), (us, seed) => {
        const status = deriveOrderStatus(us);
        const rotated = us.map((_, i) => us[(i + seed) % us.length] as (typeof us)[number]);
        expect(deriveOrderStatus(rotated)).toBe(status);
        const split = us.flatMap((x) => (x.quantity > 1 ? [{ ...x, quantity: 1 }, { ...x, quantity: x.quantity - 1 }] : [x]));
        expect(deriveOrderStatus(split)).toBe(status);
      }),
    );
  });

  it('property: claim_in_progress exactly when a unit is in an open claim', () => {
    fc.assert(
      fc.property(units, (us) => {
        const open = us.some((x) => x.quantity > 0 && isOpenClaimStatus(x.status));
        expect(deriveOrderStatus(us) === 'claim_in_progress').toBe(open);
      }),
    );
  });
});
