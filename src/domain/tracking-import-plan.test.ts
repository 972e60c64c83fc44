import { describe, expect, it } from 'vitest';
import type { GroupState } from './fulfillment-moves';
import type { UnitStatus } from './status';
import { planTrackingRows, trackingKey, type TrackingRowInput } from './tracking-import-plan';

const group = (id: number, status: UnitStatus, items: Array<[number, number]>, parcel: { courier: string; trackingNumber: string } | null = null, addressId = 1): GroupState => ({
  id,
  addressId,
  status,
  courier: parcel?.courier ?? null,
  trackingNumber: parcel?.trackingNumber ?? null,
  shippedAt: parcel ? new Date('2026-11-20T00:00:00Z') : null,
  deliveredAt: null,
  items: items.map(([itemId, quantity]) => ({ itemId, quantity })),
});
const row = (n: number, itemId: number | null, trackingNumber: string, courier = 'CJ', invalid?: TrackingRowInput['invalid']): TrackingRowInput => ({ row: n, itemId, courier, trackingNumber, invalid });
const ITEMS = new Set([10, 11]);

describe('planTrackingRows', () => {
  it('ships every 배송대기 unit of the order as one parcel', () => {
    const plan = planTrackingRows([group(1, 'ready_to_ship', [[10, 2], [11, 1]])], ITEMS, [row(2, null, '640000000001')]);
    expect(plan.verdicts).toEqual([{ row: 2, outcome: 'apply', parcel: 0, quantity: 3 }]);
    expect(plan.parcels).toEqual([{ courier: 'CJ', trackingNumber: '640000000001', units: [{ itemId: 10, addressId: 1, quantity: 2 }, { itemId: 11, addressId: 1, quantity: 1 }], rows: [2] }]);
  });

  it('splits an order into two parcels by item; units not yet 배송대기 stay', () => {
    const groups = [group(1, 'ready_to_ship', [[10, 2], [11, 1]]), group(2, 'preparing', [[10, 1]])];
    const plan = planTrackingRows(groups, ITEMS, [row(2, 10, 'A-1'), row(3, 11, 'B-1', 'HANJIN')]);
    expect(plan.verdicts.map((v) => v.outcome)).toEqual(['apply', 'apply']);
    expect(plan.parcels.map((p) => [p.courier, p.trackingNumber, p.units])).toEqual([
      ['CJ', 'A-1', [{ itemId: 10, addressId: 1, quantity: 2 }]],
      ['HANJIN', 'B-1', [{ itemId: 11, addressId: 1, quantity: 1 }]],
    ]);
  });

  it('rows with one tracking number make one parcel', () => {
    const plan = planTrackingRows([group(1, 'ready_to_ship', [[10, 2], [11, 1]])], ITEMS, [row(2, 10, '123-456'), row(3, 11, '123456')]);
    expect(plan.parcels).toHaveLength(1);
    expect(plan.parcels[0]!.rows).toEqual([2, 3]);
  });

  it('serves item rows before the order row, whatever their order in the sheet', () => {
    const plan = planTrackingRows([group(1, 'ready_to_ship', [[10, 2], [11, 1]])], ITEMS, [row(2, null, 'REST-1'), row(3, 10, 'A-1')]);
    expect(plan.verdicts).toEqual([
      { row: 2, outcome: 'apply', parcel: 1, quantity: 1 },
      { row: 3, outcome: 'apply', parcel: 0, quantity: 2 },
    ]);
  });

  it('a bad row rejects its siblings; a repeated row does not', () => {
    const groups = [group(1, 'ready_to_ship', [[10, 2], [11, 1]])];
    const bad = planTrackingRows(groups, ITEMS, [row(2, 10, 'A-1'), row(3, 99, 'B-1')]);
    expect(bad.parcels).toEqual([]);
    expect(bad.verdicts).toEqual([
      { row: 2, outcome: 'reject', code: 'TRACKING_SIBLING_REJECTED', blocking: true, details: { rejectedRows: [3] } },
      { row: 3, outcome: 'reject', code: 'TRACKING_ITEM_NOT_FOUND', blocking: true, details: { itemId: 99 } },
    ]);
    const invalid = planTrackingRows(groups, ITEMS, [row(2, null, 'x', 'CJ', { code: 'TRACKING_NUMBER_INVALID', details: {} }), row(3, 10, 'A-1')]);
    expect(invalid.verdicts.map((v) => v.outcome === 'reject' && v.code)).toEqual(['TRACKING_NUMBER_INVALID', 'TRACKING_SIBLING_REJECTED']);
    const twice = planTrackingRows(groups, ITEMS, [row(2, 10, 'A-1'), row(3, 10, 'a1')]);
    expect(twice.verdicts[1]).toMatchObject({ outcome: 'reject', code: 'TRACKING_DUPLICATE_ROW', blocking: false, details: { sameAsRow: 2 } });
    expect(twice.parcels).toHaveLength(1);
  });

  it('nothing 배송대기: rejected with the statuses found', () => {
    const plan = planTrackingRows([group(1, 'preparing', [[10, 2]]), group(2, 'ready_to_ship', [[11, 1]])], ITEMS, [row(2, 10, 'A-1')]);
    expect(plan.verdicts).toEqual([{ row: 2, outcome: 'reject', code: 'TRACKING_NOTHING_TO_SHIP', blocking: true, details: { statuses: ['preparing'] } }]);
  });

  it('a parcel already carrying the units is "already shipped" and blocks nothing; its number on waiting units is refused', () => {
    const groups = [group(1, 'shipping', [[10, 2]], { courier: 'CJ', trackingNumber: '640000000001' }), group(2, 'ready_to_ship', [[11, 1]])];
    const again = planTrackingRows(groups, ITEMS, [row(2, 10, '6400-0000-0001'), row(3, 11, 'NEW-1')]);
    expect(again.verdicts).toEqual([
      { row: 2, outcome: 'reject', code: 'TRACKING_ALREADY_SHIPPED', blocking: false, details: { shipmentGroupIds: [1] } },
      { row: 3, outcome: 'apply', parcel: 0, quantity: 1 },
    ]);
    const reused = planTrackingRows(groups, ITEMS, [row(2, 11, '640000000001')]);
    expect(reused.verdicts[0]).toMatchObject({ code: 'TRACKING_NUMBER_IN_USE', blocking: true });
    const wholeOrder = planTrackingRows(groups, ITEMS, [row(2, null, '640000000001')]);
    expect(wholeOrder.verdicts[0]).toMatchObject({ code: 'TRACKING_NUMBER_IN_USE', blocking: true });
  });

  it('units claimed by an earlier row, one number with two couriers, one parcel over two addresses', () => {
    const groups = [group(1, 'ready_to_ship', [[10, 2]]), group(2, 'ready_to_ship', [[11, 1]], null, 2)];
    expect(planTrackingRows(groups, ITEMS, [row(2, 10, 'A-1'), row(3, 10, 'A-2')]).verdicts[1]).toMatchObject({ code: 'TRACKING_UNITS_TAKEN', details: { takenByRows: [2] } });
    expect(planTrackingRows(groups, ITEMS, [row(2, 10, 'A-1'), row(3, 11, 'A-1', 'HANJIN')]).verdicts[1]).toMatchObject({ code: 'TRACKING_COURIER_CONFLICT' });
    const spans = planTrackingRows(groups, ITEMS, [row(2, null, 'A-1')]);
    expect(spans.verdicts[0]).toMatchObject({ code: 'TRACKING_SPANS_ADDRESSES', details: { addresses: 2 } });
    expect(spans.parcels).toEqual([]);
    const byAddress = planTrackingRows(groups, ITEMS, [row(2, 10, 'A-1'), row(3, 11, 'B-1')]);
    expect(byAddress.parcels.map((p) => p.units[0]!.addressId)).toEqual([1, 2]);
  });

  it('tracking numbers compare without hyphens and case', () => {
    expect(trackingKey('ab-12 34')).toBe('AB1234');
  });
});

describe('planTrackingRows: parcels of a 송장 출력 file', () => {
  const parcelRow = (n: number, groupId: number, units: Array<[number, number]>, trackingNumber: string, addressId = 1): TrackingRowInput => ({
    row: n,
    itemId: null,
    courier: 'CJ',
    trackingNumber,
    parcel: { groupId, addressId, units: units.map(([itemId, quantity]) => ({ itemId, quantity })) },
  });

  it('two parcels merged into one 배송대기 group ship exactly their own units under their own numbers', () => {
    // parcel 1 held 2 × item 10, parcel 2 held 1 × item 10 and 1 × item 11: stepped to 배송대기, they share group 2
    const groups = [group(2, 'ready_to_ship', [[10, 3], [11, 1]])];
    const plan = planTrackingRows(groups, ITEMS, [parcelRow(2, 1, [[10, 2]], 'P-1'), parcelRow(3, 2, [[10, 1], [11, 1]], 'P-2')]);
    expect(plan.verdicts).toEqual([
      { row: 2, outcome: 'apply', parcel: 0, quantity: 2 },
      { row: 3, outcome: 'apply', parcel: 1, quantity: 2 },
    ]);
    expect(plan.parcels.map((p) => [p.trackingNumber, p.units])).toEqual([
      ['P-1', [{ itemId: 10, addressId: 1, quantity: 2 }]],
      ['P-2', [{ itemId: 10, addressId: 1, quantity: 1 }, { itemId: 11, addressId: 1, quantity: 1 }]],
    ]);
  });

  it('a parcel leaves the order’s other 배송대기 units and other addresses alone; shipped again it is already shipped', () => {
    const groups = [group(1, 'ready_to_ship', [[10, 1]], null, 1), group(2, 'ready_to_ship', [[10, 1], [11, 1]], null, 2)];
    const plan = planTrackingRows(groups, ITEMS, [parcelRow(2, 2, [[11, 1]], 'P-3', 2)]);
    expect(plan.parcels).toEqual([{ courier: 'CJ', trackingNumber: 'P-3', units: [{ itemId: 11, addressId: 2, quantity: 1 }], rows: [2] }]);
    const shipped = [group(2, 'shipping', [[11, 1]], { courier: 'CJ', trackingNumber: 'P-3' }, 2)];
    expect(planTrackingRows(shipped, ITEMS, [parcelRow(2, 2, [[11, 1]], 'P-3', 2)]).verdicts).toEqual([
      { row: 2, outcome: 'reject', code: 'TRACKING_ALREADY_SHIPPED', blocking: false, details: { shipmentGroupIds: [2] } },
    ]);
  });
});
