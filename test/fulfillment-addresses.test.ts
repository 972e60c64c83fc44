import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { AddressResult, AllocationResult, StatusChangeResult } from '../src/contracts/fulfillment';
import type { OrderDetail } from '../src/contracts/orders';
import type { TimelineResponse } from '../src/contracts/timeline';
import { addProduct, cardPayment, jejuAddress, seoulAddress } from './support/fixtures';
import { expectOrdersSound } from './support/invariants';
import { startTestServer, type TestResponse, type TestServer } from './support/server';

type ErrorBody = { error: { code: string; message: string; details?: Record<string, unknown> } };
type Answer<T> = { order: OrderDetail; result: T };

let server: TestServer;
let socks: number;
const touched = new Set<number>();

beforeAll(async () => {
  server = await startTestServer();
  socks = (await addProduct(server.database.db, server.shop.shopId, { name: '면 양말', price: 12000 })).productId;
});
afterAll(() => server.close());

/** After every test, the invariants of every order it touched, read straight from the tables. */
afterEach(() => expectOrdersSound(server, touched));

/** 3 pairs of socks to Seoul by card: 36,000원 + 3,000원 shipping. */
async function seoulOrder(): Promise<OrderDetail> {
  const res = await server.storefront.post<OrderDetail>('/api/v1/orders', {
    orderer: { name: '오세훈', phone: '010-1212-3434', guestPassword: '4321' },
    addresses: [seoulAddress()],
    items: [{ productId: socks, quantity: 3 }],
    payment: cardPayment(39000),
  });
  expect(res.status).toBe(201);
  touched.add(res.body.id);
  return res.body;
}

const detail = async (orderId: number) => (await server.owner.get<OrderDetail>(`/api/v1/orders/${orderId}`)).body;
const base = (order: OrderDetail) => `/api/v1/orders/${order.id}/addresses`;
const addAddress = (order: OrderDetail, address: Record<string, unknown>) => server.owner.post<Answer<AddressResult>>(base(order), { expectedVersion: order.version, ...address });
const editAddress = (order: OrderDetail, addressId: number, patch: Record<string, unknown>) =>
  server.owner.request<Answer<AddressResult>>('PATCH', `${base(order)}/${addressId}`, { expectedVersion: order.version, ...patch });
const allocate = (order: OrderDetail, addressId: number, moves: Array<{ fromShipmentGroupId: number; itemId: number; quantity: number }>) =>
  server.owner.post<Answer<AllocationResult>>(`${base(order)}/${addressId}/allocations`, { expectedVersion: order.version, moves });

async function expectRefused(order: OrderDetail, call: () => Promise<TestResponse<unknown>>, status: number, code: string): Promise<ErrorBody['error']> {
  const before = await detail(order.id);
  const res = (await call()) as TestResponse<ErrorBody>;
  expect([res.status, res.body.error?.code]).toEqual([status, code]);
  expect(await detail(order.id)).toEqual(before);
  return res.body.error;
}

/** The order with 1 of its 3 units moved to a new Jeju address. */
async function splitToJeju() {
  const order = await seoulOrder();
  const added = await addAddress(order, jejuAddress());
  const jeju = added.body.result.addressId;
  const moved = await allocate(added.body.order, jeju, [{ fromShipmentGroupId: order.shipmentGroups[0]!.id, itemId: order.items[0]!.id, quantity: 1 }]);
  expect(moved.status).toBe(200);
  return { order: moved.body.order, result: moved.body.result, jeju, seoul: order.addresses[0]!.id };
}

describe('shipping addresses', () => {
  it('adds up to 5 addresses and refuses a 6th', async () => {
    let order = await seoulOrder();
    for (let n = 2; n <= 5; n++) {
      const res = await addAddress(order, seoulAddress({ recipientName: `수령인${n}` }));
      expect(res.status).toBe(201);
      expect(res.body.result).toMatchObject({ position: n - 1, remoteFeeDifference: 0 });
      order = res.body.order;
    }
    expect(order.addresses.map((a) => a.position)).toEqual([0, 1, 2, 3, 4]);
    const error = await expectRefused(order, () => addAddress(order, seoulAddress()), 422, 'TOO_MANY_ADDRESSES');
    expect(error.message).toMatch(/5개/);
  });

  it('moves 1 of 3 units to a new Jeju address and reports the surcharge, without touching the money', async () => {
    const before = await seoulOrder();
    const { order, result, jeju, seoul } = await splitToJeju();
    expect(result).toMatchObject({ addressId: jeju, remoteFeeDifference: 3000, remoteFeeSettlement: 'order_edit', removedShipmentGroupIds: [] });
    expect(order.shipmentGroups.map((g) => [g.addressId, g.status, g.items[0]!.quantity])).toEqual([
      [seoul, 'paid', 2],
      [jeju, 'paid', 1],
    ]);
    expect(order.totals).toEqual(before.totals);
    const events = (await server.owner.get<TimelineResponse>(`/api/v1/orders/${order.id}/timeline?only=events`)).body.entries;
    const moved = events.find((e) => e.kind === 'event' && e.type === 'units_reallocated');
    expect(moved).toMatchObject({ payload: { toAddressId: jeju, moves: [{ itemId: order.items[0]!.id, quantity: 1, fromAddressId: seoul }], remoteFeeDifference: 3000 } });
    expect(moved?.kind === 'event' && moved.description).toMatch(/3,000원.*주문 수정/);
  });

  it('ships each address on its own', async () => {
    let { order } = await splitToJeju();
    const [seoulGroup, jejuGroup] = order.shipmentGroups;
    const itemId = order.items[0]!.id;
    for (const to of ['preparing', 'ready_to_ship']) {
      const g = order.shipmentGroups.find((x) => x.addressId === jejuGroup!.addressId)!;
      order = (await server.owner.post<Answer<StatusChangeResult>>(`/api/v1/orders/${order.id}/status-changes`, { expectedVersion: order.version, changes: [{ shipmentGroupId: g.id, itemId, quantity: 1, to }] })).body.order;
    }
    const res = await server.owner.post<Answer<StatusChangeResult>>(`/api/v1/orders/${order.id}/status-changes`, {
      expectedVersion: order.version,
      changes: [{ shipmentGroupId: jejuGroup!.id, itemId, quantity: 1, to: 'shipping' }],
      shipment: { courier: 'CJ대한통운', trackingNumber: '640000000777' },
    });
    expect(res.status).toBe(200);
    expect(res.body.order.shipmentGroups.map((g) => [g.id, g.status, g.trackingNumber])).toEqual([
      [seoulGroup!.id, 'paid', null],
      [jejuGroup!.id, 'shipping', '640000000777'],
    ]);
    expect(res.body.order.orderStatus).toBe('partially_shipped');
  });

  it('edits an address; a new postcode reports its surcharge difference', async () => {
    const { order, jeju } = await splitToJeju();
    const renamed = await editAddress(order, jeju, { recipientName: '고민수', recipientPhone: '010-9999-0000', deliveryNote: '문 앞' });
    expect(renamed.status).toBe(200);
    expect(renamed.body.order.addresses.find((a) => a.id === jeju)).toMatchObject({ recipientName: '고민수', recipientPhone: '010-9999-0000', deliveryNote: '문 앞', postcode: '63122' });
    expect(renamed.body.result).toMatchObject({ remoteFeeDifference: 0, remoteFeeSettlement: 'none' });
    const moved = await editAddress(renamed.body.order, jeju, { postcode: '06236', address1: '서울특별시 강남구 테헤란로 152', deliveryNote: null });
    expect(moved.body.result).toMatchObject({ remoteFeeDifference: -3000, remoteFeeSettlement: 'order_edit' });
    expect(moved.body.order.addresses.find((a) => a.id === jeju)).toMatchObject({ postcode: '06236', deliveryNote: null });
    expect(moved.body.order.totals).toEqual(order.totals);
    const events = (await server.owner.get<TimelineResponse>(`/api/v1/orders/${order.id}/timeline?only=events`)).body.entries;
    expect(events.find((e) => e.kind === 'event' && e.type === 'address_changed')).toMatchObject({ payload: { addressId: jeju, fields: ['postcode', 'address1', 'deliveryNote'], remoteFeeDifference: -3000 }, buyerVisible: true });
  });

  it('refuses to edit an address, or move units away from it, once they have shipped', async () => {
    let order = await seoulOrder();
    const g = order.shipmentGroups[0]!.id;
    const itemId = order.items[0]!.id;
    for (const to of ['preparing', 'ready_to_ship']) {
      order = (await server.owner.post<Answer<StatusChangeResult>>(`/api/v1/orders/${order.id}/status-changes`, { expectedVersion: order.version, changes: [{ shipmentGroupId: g, itemId, quantity: 3, to }] })).body.order;
    }
    order = (
      await server.owner.post<Answer<StatusChangeResult>>(`/api/v1/orders/${order.id}/status-changes`, {
        expectedVersion: order.version,
        changes: [{ shipmentGroupId: g, itemId, quantity: 1, to: 'shipping' }],
        shipment: { courier: 'CJ대한통운', trackingNumber: '640000000888' },
      })
    ).body.order;
    const seoul = order.addresses[0]!.id;
    const error = await expectRefused(order, () => editAddress(order, seoul, { recipientName: '다른사람' }), 422, 'ADDRESS_ALREADY_SHIPPED');
    expect(error.message).toMatch(/새 배송지/);
    const added = (await addAddress(order, jejuAddress())).body;
    const parcel = added.order.shipmentGroups.find((x) => x.status === 'shipping')!;
    await expectRefused(added.order, () => allocate(added.order, added.result.addressId, [{ fromShipmentGroupId: parcel.id, itemId, quantity: 1 }]), 422, 'UNITS_ALREADY_SHIPPED');
    const waiting = added.order.shipmentGroups.find((x) => x.status === 'ready_to_ship')!;
    const ok = await allocate(added.order, added.result.addressId, [{ fromShipmentGroupId: waiting.id, itemId, quantity: 2 }]);
    expect(ok.status).toBe(200);
    // every unit of the group moved, so the group moves with them and keeps its id
    expect(ok.body.result).toMatchObject({ removedShipmentGroupIds: [], createdShipmentGroupIds: [], remoteFeeDifference: 3000 });
    expect(ok.body.order.shipmentGroups.map((x) => [x.id, x.addressId, x.status])).toEqual([
      [waiting.id, added.result.addressId, 'ready_to_ship'],
      [parcel.id, seoul, 'shipping'],
    ]);
  });

  it('deletes an empty address only', async () => {
    const { order, seoul } = await splitToJeju();
    const spare = (await addAddress(order, seoulAddress({ recipientName: '예비' }))).body;
    const removed = await server.owner.request<Answer<AddressResult>>('DELETE', `${base(order)}/${spare.result.addressId}`, undefined, { 'if-match': `"${spare.order.version}"` });
    expect(removed.status).toBe(200);
    expect(removed.body.order.addresses.map((a) => a.id)).not.toContain(spare.result.addressId);
    const now = removed.body.order;
    const error = await expectRefused(now, () => server.owner.request('DELETE', `${base(now)}/${seoul}`, { expectedVersion: now.version }), 422, 'ADDRESS_NOT_EMPTY');
    expect(error.details).toMatchObject({ units: 2 });
    await expectRefused(now, () => server.owner.request('DELETE', `${base(now)}/${spare.result.addressId}`, { expectedVersion: now.version }), 404, 'ADDRESS_NOT_FOUND');
    await expectRefused(now, () => server.owner.request('DELETE', `${base(now)}/${seoul}`), 400, 'VALIDATION_FAILED');
  });

  it('refuses bad allocations and edits, leaving the order as it was', async () => {
    const { order, jeju, seoul } = await splitToJeju();
    const [seoulGroup] = order.shipmentGroups;
    const itemId = order.items[0]!.id;
    await expectRefused(order, () => allocate(order, seoul, [{ fromShipmentGroupId: seoulGroup!.id, itemId, quantity: 1 }]), 422, 'ALREADY_AT_ADDRESS');
    const exceeded = await expectRefused(order, () => allocate(order, jeju, [{ fromShipmentGroupId: seoulGroup!.id, itemId, quantity: 3 }]), 422, 'QUANTITY_EXCEEDS_AVAILABLE');
    expect(exceeded.details).toMatchObject({ available: 2 });
    await expectRefused(order, () => allocate(order, 987654, [{ fromShipmentGroupId: seoulGroup!.id, itemId, quantity: 1 }]), 404, 'ADDRESS_NOT_FOUND');
    await expectRefused(order, () => allocate(order, jeju, []), 400, 'VALIDATION_FAILED');
    await expectRefused(order, () => editAddress(order, jeju, { postcode: '6312' }), 400, 'VALIDATION_FAILED');
    await expectRefused(order, () => editAddress(order, jeju, {}), 400, 'VALIDATION_FAILED');
    await expectRefused(order, () => addAddress(order, { recipientName: '누락' }), 400, 'VALIDATION_FAILED');
    const stale = await expectRefused(order, () => editAddress({ ...order, version: order.version - 1 }, jeju, { recipientName: '늦은 수정' }), 409, 'ORDER_VERSION_CONFLICT');
    expect(stale.details).toMatchObject({ currentVersion: order.version });
  });

  it('adds an address once for a repeated Idempotency-Key', async () => {
    const order = await seoulOrder();
    const headers = { 'idempotency-key': `address-${Date.now()}` };
    const body = { expectedVersion: order.version, ...jejuAddress() };
    const first = await server.owner.post<Answer<AddressResult>>(base(order), body, headers);
    const second = await server.owner.post<Answer<AddressResult>>(base(order), body, headers);
    expect([first.status, second.status]).toEqual([201, 201]);
    expect(second.body.result.addressId).toBe(first.body.result.addressId);
    const now = await detail(order.id);
    expect([now.addresses.length, now.version]).toEqual([2, order.version + 1]);
  });
});
