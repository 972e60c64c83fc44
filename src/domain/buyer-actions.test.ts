import { describe, expect, it } from 'vitest';
import type { UnitStatus } from './status';
import { buyerActionableUnits, isClaimWithdrawable, isWithinReturnWindow, paymentRequestState, returnWindowEndsAt, unitsPerStatus, type ParcelUnits } from './buyer-actions';

const at = (iso: string) => new Date(iso);

describe('unitsPerStatus', () => {
  it('adds units up per status in the order of the status flow, leaving empty statuses out', () => {
    const units = [
      { status: 'delivered' as const, quantity: 1 },
      { status: 'cancelled' as const, quantity: 2 },
      { status: 'paid' as const, quantity: 1 },
      { status: 'delivered' as const, quantity: 2 },
      { status: 'shipping' as const, quantity: 0 },
    ];
    expect(unitsPerStatus(units)).toEqual([
      { status: 'paid', quantity: 1 },
      { status: 'delivered', quantity: 3 },
      { status: 'cancelled', quantity: 2 },
    ]);
    expect(unitsPerStatus([])).toEqual([]);
  });
});

describe('the return window', () => {
  const delivered = at('2026-03-02T05:00:00Z');

  it('ends the given number of whole days after the delivery, that moment included', () => {
    expect(returnWindowEndsAt(delivered, 7).toISOString()).toBe('2026-03-09T05:00:00.000Z');
    expect(isWithinReturnWindow(delivered, at('2026-03-09T05:00:00Z'), 7)).toBe(true);
    expect(isWithinReturnWindow(delivered, at('2026-03-09T05:00:01Z'), 7)).toBe(false);
    expect(isWithinReturnWindow(delivered, at('2026-03-12T00:00:00Z'), 14)).toBe(true);
  });

  it('is closed for a delivery without a recorded time', () => {
    expect(isWithinReturnWindow(null, at('2026-03-02T05:00:00Z'), 7)).toBe(false);
  });
});

describe('buyerActionableUnits', () => {
  const now = at('2026-03-10T00:00:00Z');
  const parcel = (shipmentGroupId: number, status: ParcelUnits['status'], deliveredAt: string | null = null): ParcelUnits => ({
    shipmentGroupId,
    status,
    deliveredAt: deliveredAt ? at(deliveredAt) : null,
    items: [{ itemId: 100 + shipmentGroupId, quantity: shipmentGroupId }],
  });
  const parcels = [
    parcel(1, 'awaiting_payment'),
    parcel(2, 'paid'),
    parcel(3, 'preparing'),
    parcel(4, 'ready_to_ship'),
    parcel(5, 'shipping'),
    parcel(6, 'delivered', '2026-03-05T00:00:00Z'),
    parcel(7, 'delivered', '2026-02-20T00:00:00Z'),
    parcel(8, 'purchase_confirmed', '2026-03-06T00:00:00Z'),
  ];

  it('cancels what has not shipped, returns recent deliveries, confirms every delivery', () => {
    const actions = buyerActionableUnits(parcels, now, 7);
    const groups = (list: Array<{ shipmentGroupId: number }>) => list.map((u) => u.shipmentGroupId);
    expect(groups(actions.cancellable)).toEqual([1, 2, 3, 4]);
    expect(groups(actions.returnable)).toEqual([6]);
    expect(groups(actions.confirmable)).toEqual([6, 7]);
    expect(actions.returnable).toEqual([{ itemId: 106, shipmentGroupId: 6, quantity: 6 }]);
  });

  it('follows the shop window: a longer one keeps older deliveries returnable', () => {
    expect(buyerActionableUnits(parcels, now, 30).returnable.map((u) => u.shipmentGroupId)).toEqual([6, 7]);
    expect(buyerActionableUnits(parcels, now, 0).returnable).toEqual([]);
  });

  it('offers nothing for claims and finished units', () => {
    const claimed = (['cancel_requested', 'cancelled', 'return_requested', 'returned', 'exchanged'] as const).map((s, i) => parcel(20 + i, s, '2026-03-09T00:00:00Z'));
    expect(buyerActionableUnits(claimed, now, 7)).toEqual({ cancellable: [], returnable: [], confirmable: [] });
  });
});

describe('withdrawable claims', () => {
  it('are the ones still where a claim starts (접수)', () => {
    const started: UnitStatus[] = ['cancel_requested', 'return_requested', 'exchange_requested'];
    const moved: UnitStatus[] = ['cancelled', 'return_collecting', 'exchange_collected', 'returned', 'delivered'];
    expect(started.every(isClaimWithdrawable)).toBe(true);
    expect(moved.some(isClaimWithdrawable)).toBe(false);
  });
});

describe('paymentRequestState', () => {
  const now = at('2026-03-10T00:00:00Z');
  it('is payable while pending and not past its due date', () => {
    expect(paymentRequestState({ status: 'pending', dueAt: null }, now)).toEqual({ status: 'pending', payable: true });
    expect(paymentRequestState({ status: 'pending', dueAt: at('2026-03-10T00:00:01Z') }, now)).toEqual({ status: 'pending', payable: true });
  });

  it('reads expired once the due date has come, and never payable when settled', () => {
    expect(paymentRequestState({ status: 'pending', dueAt: now }, now)).toEqual({ status: 'expired', payable: false });
    expect(paymentRequestState({ status: 'paid', dueAt: null }, now)).toEqual({ status: 'paid', payable: false });
    expect(paymentRequestState({ status: 'cancelled', dueAt: null }, now)).toEqual({ status: 'cancelled', payable: false });
  });
});
