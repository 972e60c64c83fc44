import { describe, expect, it } from 'vitest';
import type { GroupPlace, GroupState } from './fulfillment-moves';
import { checkPlainMove, planStatusChanges, planWholeStatusMove, type StatusChange } from './fulfillment-plan';
import { TRANSITIONS, type UnitStatus } from './status';

const now = new Date('2026-11-26T01:00:00Z');
const earlier = new Date('2026-11-20T01:00:00Z');
const unshipped = (addressId: number, status: UnitStatus): GroupPlace => ({ addressId, status, courier: null, trackingNumber: null, shippedAt: null, deliveredAt: null });
const group = (id: number, place: GroupPlace, items: Array<[number, number]>): GroupState => ({ id, ...place, items: items.map(([itemId, quantity]) => ({ itemId, quantity })) });
const change = (shipmentGroupId: number, itemId: number, quantity: number, to: UnitStatus): StatusChange => ({ shipmentGroupId, itemId, quantity, to });
const cj = { courier: 'CJ대한통운', trackingNumber: '640123456789' };
const parcel = (addressId: number, status: UnitStatus, trackingNumber: string, deliveredAt: Date | null = null): GroupPlace => ({
  addressId, status, courier: 'CJ대한통운', trackingNumber, shippedAt: earlier, deliveredAt,
});

const paid5 = [group(1, unshipped(10, 'paid'), [[100, 5], [200, 2]])];

function ok<T extends { ok: boolean }>(r: T): Extract<T, { ok: true }> {
  if (!r.ok) throw new Error(`expected success, got ${JSON.stringify(r)}`);
  return r as Extract<T, { ok: true }>;
}

describe('planStatusChanges: split and merge', () => {
  it('splits 2 of 5 units into a new group at the same address; the other 3 and the other item stay', () => {
    const { plan } = ok(planStatusChanges(paid5, [change(1, 100, 2, 'preparing')], undefined, now));
    expect(plan.groups).toEqual([
      { ref: { kind: 'existing', id: 1 }, ...unshipped(10, 'paid'), items: [{ itemId: 100, quantity: 3 }, { itemId: 200, quantity: 2 }] },
      { ref: { kind: 'new', index: 0 }, ...unshipped(10, 'preparing'), items: [{ itemId: 100, quantity: 2 }] },
    ]);
    expect(plan.moved).toEqual([{ fromGroupId: 1, itemId: 100, quantity: 2, from: 'paid', to: 'preparing', kind: 'forward', toGroup: { kind: 'new', index: 0 } }]);
    expect(plan.removedGroupIds).toEqual([]);
  });

  it('merges the rest into the group already at that address and status, removing the emptied one', () => {
    const split = [group(1, unshipped(10, 'paid'), [[100, 3]]), group(2, unshipped(10, 'preparing'), [[100, 2]])];
    const { plan } = ok(planStatusChanges(split, [change(1, 100, 3, 'preparing')], undefined, now));
    expect(plan.groups).toEqual([{ ref: { kind: 'existing', id: 2 }, ...unshipped(10, 'preparing'), items: [{ itemId: 100, quantity: 5 }] }]);
    expect(plan.removedGroupIds).toEqual([1]);
  });

  it('changes a whole group in place, keeping its id', () => {
    const { plan } = ok(planStatusChanges(paid5, [change(1, 100, 5, 'preparing'), change(1, 200, 2, 'preparing')], undefined, now));
    expect(plan.groups).toEqual([{ ref: { kind: 'existing', id: 1 }, ...unshipped(10, 'preparing'), items: [{ itemId: 100, quantity: 5 }, { itemId: 200, quantity: 2 }] }]);
    expect(plan.removedGroupIds).toEqual([]);
  });

  it('does not merge groups at another address', () => {
    const groups = [group(1, unshipped(10, 'paid'), [[100, 2]]), group(2, unshipped(11, 'preparing'), [[100, 1]])];
    const { plan } = ok(planStatusChanges(groups, [change(1, 100, 1, 'preparing')], undefined, now));
    expect(plan.groups.map((g) => [g.ref, g.addressId, g.status, g.items])).toEqual([
      [{ kind: 'existing', id: 1 }, 10, 'paid', [{ itemId: 100, quantity: 1 }]],
      [{ kind: 'existing', id: 2 }, 11, 'preparing', [{ itemId: 100, quantity: 1 }]],
      [{ kind: 'new', index: 0 }, 10, 'preparing', [{ itemId: 100, quantity: 1 }]],
    ]);
  });

  it('moves units of one group to two statuses at once', () => {
    const groups = [group(1, unshipped(10, 'ready_to_ship'), [[100, 3]])];
    const { plan } = ok(planStatusChanges(groups, [change(1, 100, 2, 'shipping'), change(1, 100, 1, 'preparing')], cj, now));
    expect(plan.removedGroupIds).toEqual([1]);
    expect(plan.groups.map((g) => [g.status, g.trackingNumber, g.items[0]?.quantity])).toEqual([
      ['shipping', cj.trackingNumber, 2],
      ['preparing', null, 1],
    ]);
  });

  it('keeps a group a claim will return units to, empty and where it was', () => {
    const { plan } = ok(planStatusChanges([group(1, unshipped(10, 'paid'), [[100, 3]])], [change(1, 100, 3, 'preparing')], undefined, now, new Set([1])));
    expect(plan.groups).toEqual([
      { ref: { kind: 'existing', id: 1 }, ...unshipped(10, 'paid'), items: [] },
      { ref: { kind: 'new', index: 0 }, ...unshipped(10, 'preparing'), items: [{ itemId: 100, quantity: 3 }] },
    ]);
  });
});

describe('planStatusChanges: parcels', () => {
  const ready = [group(1, unshipped(10, 'ready_to_ship'), [[100, 5]])];

  it('ships part of the units with a courier and tracking number', () => {
    const { plan } = ok(planStatusChanges(ready, [change(1, 100, 2, 'shipping')], cj, now));
    expect(plan.groups[1]).toEqual({ ref: { kind: 'new', index: 0 }, addressId: 10, status: 'shipping', ...cj, shippedAt: now, deliveredAt: null, items: [{ itemId: 100, quantity: 2 }] });
    expect(plan.trackingAssigned).toEqual([{ group: { kind: 'new', index: 0 }, ...cj }]);
  });

  it('needs a tracking number to ship, and one only when shipping', () => {
    expect(planStatusChanges(ready, [change(1, 100, 2, 'shipping')], undefined, now)).toMatchObject({ ok: false, code: 'TRACKING_REQUIRED' });
    expect(planStatusChanges(ready, [change(1, 100, 2, 'preparing')], cj, now)).toMatchObject({ ok: false, code: 'TRACKING_WITHOUT_SHIPPING' });
  });

  it('ships one parcel to one address', () => {
    const two = [...ready, group(2, unshipped(11, 'ready_to_ship'), [[100, 1]])];
    expect(planStatusChanges(two, [change(1, 100, 1, 'shipping'), change(2, 100, 1, 'shipping')], cj, now)).toMatchObject({ ok: false, code: 'SHIPMENT_SPANS_ADDRESSES' });
  });

  it('keeps parcels with different tracking numbers apart and joins the same one', () => {
    const groups = [group(1, unshipped(10, 'ready_to_ship'), [[100, 3]]), group(2, parcel(10, 'shipping', '640123456789'), [[100, 2]])];
    const same = ok(planStatusChanges(groups, [change(1, 100, 1, 'shipping')], cj, now)).plan;
    expect(same.groups.find((g) => g.ref.kind === 'existing' && g.ref.id === 2)?.items).toEqual([{ itemId: 100, quantity: 3 }]);
    const other = ok(planStatusChanges(groups, [change(1, 100, 1, 'shipping')], { ...cj, trackingNumber: '999999999999' }, now)).plan;
    expect(other.groups).toHaveLength(3);
  });

  it('reverting a shipment clears the parcel, records the old number and rejoins the waiting units', () => {
    const groups = [group(1, unshipped(10, 'ready_to_ship'), [[100, 3]]), group(2, parcel(10, 'shipping', '111'), [[100, 2]])];
    const { plan } = ok(planStatusChanges(groups, [change(2, 100, 2, 'ready_to_ship')], undefined, now));
    expect(plan.groups).toEqual([{ ref: { kind: 'existing', id: 1 }, ...unshipped(10, 'ready_to_ship'), items: [{ itemId: 100, quantity: 5 }] }]);
    expect(plan.removedGroupIds).toEqual([2]);
    expect(plan.trackingRemoved).toEqual([{ shipmentGroupId: 2, courier: 'CJ대한통운', trackingNumber: '111' }]);
    expect(plan.moved[0]).toMatchObject({ from: 'shipping', to: 'ready_to_ship', kind: 'revert' });
  });

  it('delivery sets the delivery time; confirmation keeps it; reverting delivery clears it', () => {
    const shipping = [group(1, parcel(10, 'shipping', '111'), [[100, 2]])];
    const delivered = ok(planStatusChanges(shipping, [change(1, 100, 2, 'delivered')], undefined, now)).plan.groups[0];
    expect(delivered).toMatchObject({ ref: { kind: 'existing', id: 1 }, status: 'delivered', trackingNumber: '111', shippedAt: earlier, deliveredAt: now });
    const atDoor = [group(1, parcel(10, 'delivered', '111', earlier), [[100, 2]])];
    expect(ok(planStatusChanges(atDoor, [change(1, 100, 1, 'purchase_confirmed')], undefined, now)).plan.groups[1]).toMatchObject({ status: 'purchase_confirmed', deliveredAt: earlier, trackingNumber: '111' });
    expect(ok(planStatusChanges(atDoor, [change(1, 100, 2, 'shipping')], undefined, now)).plan.groups[0]).toMatchObject({ status: 'shipping', deliveredAt: null, trackingNumber: '111' });
    const confirmed = [group(1, parcel(10, 'purchase_confirmed', '111', earlier), [[100, 2]])];
    expect(ok(planStatusChanges(confirmed, [change(1, 100, 2, 'delivered')], undefined, now)).plan.moved[0]).toMatchObject({ to: 'delivered', kind: 'revert' });
  });
});

describe('planStatusChanges: refusals change nothing', () => {
  it.each([
    ['a move the table does not allow', change(1, 100, 1, 'shipping'), 'TRANSITION_NOT_ALLOWED', { from: 'paid', to: 'shipping' }],
    ['a move into a claim', change(1, 100, 1, 'cancel_requested'), 'USE_CLAIM_ROUTE', { to: 'cancel_requested' }],
    ['a revert that moves money', change(1, 100, 1, 'awaiting_payment'), 'REVERT_NEEDS_MONEY', { from: 'paid', to: 'awaiting_payment', moneyEffect: 'refund' }],
    ['more units than the group holds', change(1, 100, 6, 'preparing'), 'QUANTITY_EXCEEDS_AVAILABLE', { available: 5, requested: 6 }],
    ['an unknown group', change(9, 100, 1, 'preparing'), 'SHIPMENT_GROUP_NOT_FOUND', { shipmentGroupId: 9 }],
    ['an item the group does not hold', change(1, 300, 1, 'preparing'), 'ITEM_NOT_IN_SHIPMENT_GROUP', { itemId: 300 }],
    ['a zero quantity', change(1, 100, 0, 'preparing'), 'INVALID_QUANTITY', {}],
  ] as const)('%s', (_name, c, code, details) => {
    const before = structuredClone(paid5);
    const r = planStatusChanges(paid5, [change(1, 200, 1, 'preparing'), c], undefined, now);
    expect(r).toMatchObject({ ok: false, code, details });
    expect(paid5).toEqual(before);
  });

  it('sums changes of the same units before checking the quantity', () => {
    expect(planStatusChanges(paid5, [change(1, 100, 3, 'preparing'), change(1, 100, 3, 'preparing')], undefined, now)).toMatchObject({
      ok: false,
      code: 'QUANTITY_EXCEEDS_AVAILABLE',
      details: { available: 5, requested: 6 },
    });
  });

  it('leaves the deposit to its own route', () => {
    const waiting = [group(1, unshipped(10, 'awaiting_payment'), [[100, 1]])];
    expect(planStatusChanges(waiting, [change(1, 100, 1, 'paid')], undefined, now)).toMatchObject({ ok: false, code: 'USE_DEPOSIT_CONFIRMATION' });
  });

  it('allows as plain changes exactly the shipping-flow moves without money', () => {
    const plain = TRANSITIONS.filter((t) => checkPlainMove(t.from, t.to).ok).map((t) => `${t.from}>${t.to}`);
    expect(plain.sort()).toEqual(
      [
        'paid>preparing', 'preparing>ready_to_ship', 'ready_to_ship>shipping', 'shipping>delivered', 'delivered>purchase_confirmed',
        'purchase_confirmed>delivered', 'delivered>shipping', 'shipping>ready_to_ship', 'ready_to_ship>preparing', 'preparing>paid',
      ].sort(),
    );
  });
});

describe('planWholeStatusMove', () => {
  it('moves every unit in a status where it stands, and answers null when there is none', () => {
    const groups = [group(1, unshipped(10, 'awaiting_payment'), [[100, 2]]), group(2, unshipped(11, 'awaiting_payment'), [[200, 1]])];
    const plan = planWholeStatusMove(groups, 'awaiting_payment', 'paid');
    expect(plan?.groups.map((g) => [g.ref, g.status])).toEqual([
      [{ kind: 'existing', id: 1 }, 'paid'],
      [{ kind: 'existing', id: 2 }, 'paid'],
    ]);
    expect(planWholeStatusMove(groups, 'paid', 'awaiting_payment')).toBeNull();
  });
});
