import { describe, expect, it } from 'vitest';
import { cancelsAtOnce, pickableItems, toClaimUnits } from './units';

/** The picker asks "how many of this item"; the API wants units per shipment group. */
const order = {
  items: [
    { itemId: 1, productName: '에코백', optionName: '네이비' },
    { itemId: 2, productName: '머그컵', optionName: null },
  ],
  parcels: [
    { shipmentGroupId: 10, status: 'preparing' },
    { shipmentGroupId: 11, status: 'paid' },
    { shipmentGroupId: 12, status: 'paid' },
  ],
  actions: { instantCancel: true },
} as unknown as Parameters<typeof pickableItems>[0] & Parameters<typeof cancelsAtOnce>[0];

const cancellable = [
  { itemId: 2, shipmentGroupId: 12, quantity: 1 },
  { itemId: 1, shipmentGroupId: 10, quantity: 2 },
  { itemId: 1, shipmentGroupId: 11, quantity: 1 },
];

describe('picking units by item', () => {
  it('groups the units of an item, in the order of the items, least advanced parcel first', () => {
    const items = pickableItems(order, cancellable);
    expect(items.map((i) => [i.itemId, i.max])).toEqual([
      [1, 3],
      [2, 1],
    ]);
    expect(items[0]!.groups.map((g) => g.shipmentGroupId)).toEqual([11, 10]);
  });

  it('spreads a count over the parcels, never beyond what is there', () => {
    const items = pickableItems(order, cancellable);
    expect(toClaimUnits(items, { 1: 2 })).toEqual([
      { itemId: 1, shipmentGroupId: 11, quantity: 1 },
      { itemId: 1, shipmentGroupId: 10, quantity: 1 },
    ]);
    expect(toClaimUnits(items, { 1: 99, 2: 1 })).toEqual([
      { itemId: 1, shipmentGroupId: 11, quantity: 1 },
      { itemId: 1, shipmentGroupId: 10, quantity: 2 },
      { itemId: 2, shipmentGroupId: 12, quantity: 1 },
    ]);
    expect(toClaimUnits(items, { 1: 0, 2: -1 })).toEqual([]);
  });

  it('cancels at once only when the shop allows it and no unit picked was prepared', () => {
    const items = pickableItems(order, cancellable);
    expect(cancelsAtOnce(order, toClaimUnits(items, { 1: 1 }))).toBe(true);
    expect(cancelsAtOnce(order, toClaimUnits(items, { 1: 2 }))).toBe(false);
    expect(cancelsAtOnce({ ...order, actions: { ...order.actions, instantCancel: false } }, toClaimUnits(items, { 2: 1 }))).toBe(false);
    expect(cancelsAtOnce(order, [])).toBe(false);
  });
});
