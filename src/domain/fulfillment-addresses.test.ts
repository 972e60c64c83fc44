import { describe, expect, it } from 'vitest';
import { addressHasShipped, nextAddressPosition, planAllocation, postcodesCarryingUnits, remoteFeeDifference } from './fulfillment-addresses';
import type { GroupState } from './fulfillment-moves';
import type { UnitStatus } from './status';

const group = (id: number, addressId: number, status: UnitStatus, items: Array<[number, number]>): GroupState => ({
  id, addressId, status, courier: status === 'shipping' ? 'CJ' : null, trackingNumber: status === 'shipping' ? '111' : null,
  shippedAt: null, deliveredAt: null, items: items.map(([itemId, quantity]) => ({ itemId, quantity })),
});
const policy = { baseFee: 3000, freeThreshold: 50000, jejuFee: 3000, islandFee: 5000 };

describe('planAllocation', () => {
  const groups = [group(1, 10, 'paid', [[100, 3]]), group(2, 10, 'shipping', [[200, 1]])];

  it('moves 1 of 3 units to another address, keeping their status', () => {
    const r = planAllocation(groups, 11, [{ fromShipmentGroupId: 1, itemId: 100, quantity: 1 }]);
    expect(r).toMatchObject({
      ok: true,
      plan: {
        groups: [
          { ref: { kind: 'existing', id: 1 }, addressId: 10, status: 'paid', items: [{ itemId: 100, quantity: 2 }] },
          { ref: { kind: 'existing', id: 2 } },
          { ref: { kind: 'new', index: 0 }, addressId: 11, status: 'paid', items: [{ itemId: 100, quantity: 1 }] },
        ],
      },
    });
  });

  it('joins the group with the same status at the target address', () => {
    const r = planAllocation([...groups, group(3, 11, 'paid', [[100, 1]])], 11, [{ fromShipmentGroupId: 1, itemId: 100, quantity: 3 }]);
    expect(r).toMatchObject({ ok: true, plan: { removedGroupIds: [1], moved: [{ toGroup: { kind: 'existing', id: 3 } }] } });
  });

  it('refuses shipped units, units already there and unknown groups', () => {
    expect(planAllocation(groups, 11, [{ fromShipmentGroupId: 2, itemId: 200, quantity: 1 }])).toMatchObject({ ok: false, code: 'UNITS_ALREADY_SHIPPED' });
    expect(planAllocation(groups, 10, [{ fromShipmentGroupId: 1, itemId: 100, quantity: 1 }])).toMatchObject({ ok: false, code: 'ALREADY_AT_ADDRESS' });
    expect(planAllocation(groups, 11, [{ fromShipmentGroupId: 7, itemId: 100, quantity: 1 }])).toMatchObject({ ok: false, code: 'SHIPMENT_GROUP_NOT_FOUND' });
    expect(planAllocation(groups, 11, [{ fromShipmentGroupId: 1, itemId: 100, quantity: 4 }])).toMatchObject({ ok: false, code: 'QUANTITY_EXCEEDS_AVAILABLE', details: { available: 3 } });
  });
});

describe('addresses', () => {
  it('knows when units at an address have shipped, also those a return took', () => {
    const groups = [group(1, 10, 'paid', [[100, 1]]), group(2, 11, 'shipping', [[100, 1]]), group(3, 12, 'delivered', [])];
    expect(addressHasShipped(10, groups, [])).toBe(false);
    expect(addressHasShipped(11, groups, [])).toBe(true);
    expect(addressHasShipped(10, [group(1, 10, 'paid', [])], [{ fromShipmentGroupId: 1, fromStatus: 'delivered' }])).toBe(true);
    expect(addressHasShipped(10, [group(1, 10, 'paid', [])], [{ fromShipmentGroupId: 1, fromStatus: 'paid' }])).toBe(false);
  });

  it('counts the surcharge on addresses that hold units only', () => {
    const addresses = [{ id: 10, postcode: '04524' }, { id: 11, postcode: '63122' }];
    expect(postcodesCarryingUnits(addresses, [group(1, 10, 'paid', [[1, 1]]), group(2, 11, 'paid', [])])).toEqual(['04524']);
    expect(remoteFeeDifference(policy, 20000, ['04524'], ['04524', '63122'])).toBe(3000);
    expect(remoteFeeDifference(policy, 20000, ['63122'], ['04524'])).toBe(-3000);
    expect(remoteFeeDifference(policy, 20000, ['40200'], ['63122'])).toBe(-2000);
    expect(remoteFeeDifference(policy, 90000, ['04524'], ['04524'])).toBe(0);
  });

  it('hands out the smallest free position, up to 5 addresses', () => {
    expect(nextAddressPosition([0])).toBe(1);
    expect(nextAddressPosition([0, 2, 3])).toBe(1);
    expect(nextAddressPosition([0, 1, 2, 3, 4])).toBeNull();
  });
});
