import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CourierList } from '../src/contracts/couriers';
import { UNIT_STATUS_VALUES, type StatusChangeResult } from '../src/contracts/fulfillment';
import type { OrderListResponse } from '../src/contracts/order-list';
import type { OrderDetail } from '../src/contracts/orders';
import type { TimelineResponse } from '../src/contracts/timeline';
import { COURIERS } from '../src/domain/couriers';
import { UNIT_STATUSES } from '../src/domain/status';
import { addProduct, cardPayment, seoulAddress } from './support/fixtures';
import { expectOrdersSound } from './support/invariants';
import { startTestServer, type HttpClient, type TestResponse, type TestServer } from './support/server';

type ErrorBody = { error: { code: string; message: string; details?: Record<string, unknown> } };
type Answer<T> = { order: OrderDetail; result: T };

let server: TestServer;
let staff: HttpClient;
let socks: number;
let shirt: number;
const touched = new Set<number>();

beforeAll(async () => {
  server = await startTestServer();
  socks = (await addProduct(server.database.db, server.shop.shopId, { name: '면 양말', price: 12000 })).productId;
  shirt = (await addProduct(server.database.db, server.shop.shopId, { name: '린넨 셔츠', price: 39000 })).productId;
  staff = await server.addStaff('staff');
});
afterAll(() => server.close());

/** After every test, the invariants of every order it touched, read straight from the tables. */
afterEach(() => expectOrdersSound(server, touched));

/** 5 pairs of socks and a shirt to one Seoul address, paid by card (99,000원, free shipping). */
async function cardOrder(): Promise<OrderDetail> {
  const res = await server.storefront.post<OrderDetail>('/api/v1/orders', {
    orderer: { name: '최지우', phone: '010-5555-6666', guestPassword: '4321' },
    addresses: [seoulAddress()],
    items: [{ productId: socks, quantity: 5 }, { productId: shirt, quantity: 1 }],
    payment: cardPayment(99000),
  });
  expect(res.status).toBe(201);
  touched.add(res.body.id);
  return res.body;
}

const detail = async (orderId: number) => (await server.owner.get<OrderDetail>(`/api/v1/orders/${orderId}`)).body;
const itemId = (order: OrderDetail, name: string) => order.items.find((i) => i.productName === name)!.id;
const groupOf = (order: OrderDetail, status: string) => order.shipmentGroups.find((g) => g.status === status)!;

function changeStatus<T = Answer<StatusChangeResult>>(order: OrderDetail, changes: Array<{ shipmentGroupId: number; itemId: number; quantity: number; to: string }>, extra: Record<string, unknown> = {}, headers?: Record<string, string>, client = server.owner) {
  return client.post<T>(`/api/v1/orders/${order.id}/status-changes`, { expectedVersion: order.version, changes, ...extra }, headers);
}

/** A refused request answers its code and leaves the order exactly as it was, version included. */
async function expectRefused(order: OrderDetail, call: () => Promise<TestResponse<unknown>>, status: number, code: string): Promise<ErrorBody['error']> {
  const before = await detail(order.id);
  const res = (await call()) as TestResponse<ErrorBody>;
  expect([res.status, res.body.error?.code]).toEqual([status, code]);
  expect(await detail(order.id)).toEqual(before);
  return res.body.error;
}

describe('status changes by quantity', () => {
  it('moves 2 of 5 units into a new group at the same address; the other 3 and the shirt stay', async () => {
    const order = await cardOrder();
    const original = order.shipmentGroups[0]!;
    const res = await changeStatus(order, [{ shipmentGroupId: original.id, itemId: itemId(order, '면 양말'), quantity: 2, to: 'preparing' }]);
    expect(res.status).toBe(200);
    const { order: after, result } = res.body;
    expect(after.version).toBe(order.version + 1);
    expect(after.items.map((i) => i.quantityByStatus)).toEqual([{ paid: 3, preparing: 2 }, { paid: 1 }]);
    const preparing = groupOf(after, 'preparing');
    expect(preparing).toMatchObject({ addressId: original.addressId, items: [{ itemId: itemId(order, '면 양말'), quantity: 2 }] });
    expect(groupOf(after, 'paid')).toMatchObject({ id: original.id, items: expect.arrayContaining([{ itemId: itemId(order, '면 양말'), quantity: 3 }, { itemId: itemId(order, '린넨 셔츠'), quantity: 1 }]) });
    expect(result).toEqual({
      moves: [{ itemId: itemId(order, '면 양말'), quantity: 2, from: 'paid', to: 'preparing', kind: 'forward', fromShipmentGroupId: original.id, toShipmentGroupId: preparing.id }],
      createdShipmentGroupIds: [preparing.id],
      removedShipmentGroupIds: [],
    });
    expect(after.orderStatus).toBe('paid');
  });

  it('merges the rest into that group and removes the emptied one', async () => {
    const order = await cardOrder();
    const [sock, top] = [itemId(order, '면 양말'), itemId(order, '린넨 셔츠')];
    const g = order.shipmentGroups[0]!.id;
    const split = (await changeStatus(order, [{ shipmentGroupId: g, itemId: sock, quantity: 2, to: 'preparing' }])).body.order;
    const merged = (await changeStatus(split, [{ shipmentGroupId: g, itemId: sock, quantity: 3, to: 'preparing' }])).body.order;
    expect(merged.shipmentGroups.map((x) => [x.status, x.items.length])).toEqual([['paid', 1], ['preparing', 1]]);
    const res = await changeStatus(merged, [{ shipmentGroupId: g, itemId: top, quantity: 1, to: 'preparing' }]);
    expect(res.body.result.removedShipmentGroupIds).toEqual([g]);
    expect(res.body.order.shipmentGroups).toHaveLength(1);
    expect(res.body.order.shipmentGroups[0]!.items).toEqual(expect.arrayContaining([{ itemId: sock, quantity: 5 }, { itemId: top, quantity: 1 }]));
    expect(res.body.order.orderStatus).toBe('preparing');
  });

  it('ships part of the units with a tracking number; a wrong number is reverted and re-shipped', async () => {
    let order = await cardOrder();
    const sock = itemId(order, '면 양말');
    const g = order.shipmentGroups[0]!.id;
    const whole = (to: string) => [{ shipmentGroupId: g, itemId: sock, quantity: 5, to }, { shipmentGroupId: g, itemId: itemId(order, '린넨 셔츠'), quantity: 1, to }];
    order = (await changeStatus(order, whole('preparing'))).body.order;
    order = (await changeStatus(order, whole('ready_to_ship'))).body.order;
    expect(order.shipmentGroups.map((x) => [x.id, x.status])).toEqual([[g, 'ready_to_ship']]);

    await expectRefused(order, () => changeStatus(order, [{ shipmentGroupId: g, itemId: sock, quantity: 2, to: 'shipping' }]), 422, 'TRACKING_REQUIRED');
    const shipped = await changeStatus(order, [{ shipmentGroupId: g, itemId: sock, quantity: 2, to: 'shipping' }], { shipment: { courier: 'CJ대한통운', trackingNumber: '640000000001' } });
    expect(shipped.status).toBe(200);
    order = shipped.body.order;
    const parcel = groupOf(order, 'shipping');
    // stored as the courier's code, shown by name
    expect(parcel).toMatchObject({ courier: 'CJ', courierLabel: 'CJ대한통운', trackingNumber: '640000000001', items: [{ itemId: sock, quantity: 2 }] });
    expect(parcel.shippedAt).not.toBeNull();
    expect(order.orderStatus).toBe('partially_shipped');
    expect(groupOf(order, 'ready_to_ship').items).toEqual(expect.arrayContaining([{ itemId: sock, quantity: 3 }]));

    const reverted = await changeStatus(order, [{ shipmentGroupId: parcel.id, itemId: sock, quantity: 2, to: 'ready_to_ship' }]);
    expect(reverted.status).toBe(200);
    order = reverted.body.order;
    expect(reverted.body.result.moves[0]).toMatchObject({ from: 'shipping', to: 'ready_to_ship', kind: 'revert', toShipmentGroupId: g });
    expect(order.shipmentGroups).toEqual([expect.objectContaining({ id: g, status: 'ready_to_ship', courier: null, courierLabel: null, trackingNumber: null, shippedAt: null })]);
    expect(order.items[0]!.quantityByStatus).toEqual({ ready_to_ship: 5 });

    const reshipped = await changeStatus(order, [{ shipmentGroupId: g, itemId: sock, quantity: 2, to: 'shipping' }], { shipment: { courier: '한진택배', trackingNumber: '5000-1234-5678' } });
    expect(groupOf(reshipped.body.order, 'shipping')).toMatchObject({ courier: 'HANJIN', courierLabel: '한진택배', trackingNumber: '5000-1234-5678' });

    const events = (await server.owner.get<TimelineResponse>(`/api/v1/orders/${order.id}/timeline?only=events`)).body.entries.flatMap((e) => (e.kind === 'event' ? [e] : []));
    const removed = events.find((e) => e.type === 'tracking_removed');
    expect(removed).toMatchObject({ payload: { trackingNumber: '640000000001', courier: 'CJ' }, description: '송장번호를 취소했습니다 (CJ대한통운 640000000001)', buyerVisible: false });
    expect(events.filter((e) => e.type === 'tracking_assigned').map((e) => e.payload.trackingNumber)).toEqual(['5000-1234-5678', '640000000001']);
  });

  it('delivers, confirms the purchase and reverts the confirmation', async () => {
    let order = await cardOrder();
    const top = itemId(order, '린넨 셔츠');
    let g = order.shipmentGroups[0]!.id;
    for (const to of ['preparing', 'ready_to_ship']) {
      order = (await changeStatus(order, [{ shipmentGroupId: g, itemId: top, quantity: 1, to }])).body.order;
      g = groupOf(order, to).id;
    }
    order = (await changeStatus(order, [{ shipmentGroupId: g, itemId: top, quantity: 1, to: 'shipping' }], { shipment: { courier: '우체국택배', trackingNumber: '6865012345678' } })).body.order;
    g = groupOf(order, 'shipping').id;
    order = (await changeStatus(order, [{ shipmentGroupId: g, itemId: top, quantity: 1, to: 'delivered' }])).body.order;
    expect(groupOf(order, 'delivered')).toMatchObject({ id: g, trackingNumber: '6865012345678' });
    expect(groupOf(order, 'delivered').deliveredAt).not.toBeNull();
    const confirmed = await changeStatus(order, [{ shipmentGroupId: g, itemId: top, quantity: 1, to: 'purchase_confirmed' }]);
    expect(confirmed.body.order.items[1]!.quantityByStatus).toEqual({ purchase_confirmed: 1 });
    const back = await changeStatus(confirmed.body.order, [{ shipmentGroupId: g, itemId: top, quantity: 1, to: 'delivered' }]);
    expect(back.body.result.moves[0]).toMatchObject({ from: 'purchase_confirmed', to: 'delivered', kind: 'revert' });
    expect(groupOf(back.body.order, 'delivered')).toMatchObject({ id: g, trackingNumber: '6865012345678' });
  });
});

describe('couriers', () => {
  /** The order made ready to ship, then shipped whole with `courier`. */
  async function shipWith(courier: string, trackingNumber: string): Promise<OrderDetail> {
    let order = await cardOrder();
    const g = order.shipmentGroups[0]!.id;
    const whole = (to: string) => order.items.map((i) => ({ shipmentGroupId: g, itemId: i.id, quantity: i.quantity, to }));
    for (const to of ['preparing', 'ready_to_ship']) order = (await changeStatus(order, whole(to))).body.order;
    const shipped = await changeStatus(order, whole('shipping'), { shipment: { courier, trackingNumber } });
    expect(shipped.status).toBe(200);
    return shipped.body.order;
  }

  const listed = async (orderNumber: string, couriers: string[], lang = 'ko') =>
    (await server.owner.post<OrderListResponse>('/api/v1/orders/search', { filter: { keyword: orderNumber, couriers } }, { 'accept-language': lang })).body.items;

  it('stores a courier typed by name as its code, names it by Accept-Language, and the filter finds it by either spelling', async () => {
    const order = await shipWith(' cj대한통운 ', '640000000101');
    expect(groupOf(order, 'shipping')).toMatchObject({ courier: 'CJ', courierLabel: 'CJ대한통운', trackingNumber: '640000000101' });
    const english = (await server.owner.get<OrderDetail>(`/api/v1/orders/${order.id}`, { 'accept-language': 'en' })).body;
    expect(groupOf(english, 'shipping')).toMatchObject({ courier: 'CJ', courierLabel: 'CJ Logistics' });

    for (const spelling of ['CJ', 'CJ대한통운', '대한통운', 'CJ Logistics']) {
      expect((await listed(order.orderNumber, [spelling])).map((o) => o.id), spelling).toEqual([order.id]);
    }
    expect(await listed(order.orderNumber, ['한진택배'])).toEqual([]);
    const [row] = await listed(order.orderNumber, ['CJ대한통운']);
    expect(row).toMatchObject({ courier: 'CJ', courierLabel: 'CJ대한통운', trackingNumber: '640000000101' });
    expect((await listed(order.orderNumber, ['CJ'], 'en'))[0]).toMatchObject({ courier: 'CJ', courierLabel: 'CJ Logistics' });

    const events = (await server.owner.get<TimelineResponse>(`/api/v1/orders/${order.id}/timeline?only=events`)).body.entries.flatMap((e) => (e.kind === 'event' ? [e] : []));
    expect(events.find((e) => e.type === 'tracking_assigned')).toMatchObject({ payload: { courier: 'CJ' }, description: '송장번호가 등록되었습니다 (CJ대한통운 640000000101)' });
    const englishEvents = (await server.owner.get<TimelineResponse>(`/api/v1/orders/${order.id}/timeline?only=events`, { 'accept-language': 'en' })).body.entries;
    expect(englishEvents.find((e) => e.kind === 'event' && e.type === 'tracking_assigned')).toMatchObject({ description: 'Tracking number assigned (CJ Logistics 640000000101)' });
  });

  it('keeps a courier it does not know as typed (trimmed), and finds it by that name', async () => {
    const order = await shipWith('  동네 퀵택배 ', '7000-0001');
    expect(groupOf(order, 'shipping')).toMatchObject({ courier: '동네 퀵택배', courierLabel: '동네 퀵택배' });
    expect((await listed(order.orderNumber, ['동네 퀵택배'])).map((o) => [o.id, o.courier, o.courierLabel])).toEqual([[order.id, '동네 퀵택배', '동네 퀵택배']]);
  });

  it('lists the couriers it knows for pickers, to anyone who may read orders', async () => {
    const res = await server.owner.get<CourierList>('/api/v1/couriers');
    expect(res.status).toBe(200);
    expect(res.body.couriers).toEqual(COURIERS.map(({ code, ko, en }) => ({ code, ko, en })));
    expect(res.body.couriers.slice(0, 3)).toEqual([
      { code: 'CJ', ko: 'CJ대한통운', en: 'CJ Logistics' },
      { code: 'EPOST', ko: '우체국택배', en: 'Korea Post' },
      { code: 'HANJIN', ko: '한진택배', en: 'Hanjin' },
    ]);
    const viewer = await server.addStaff('viewer');
    expect((await viewer.get('/api/v1/couriers')).status).toBe(200);
    expect((await server.storefront.get('/api/v1/couriers')).status).toBe(200);
    expect((await server.anonymous().get('/api/v1/couriers')).status).toBe(401);
  });
});

describe('refused changes leave the order exactly as it was', () => {
  it('refuses a move the table does not allow, with from and to', async () => {
    const order = await cardOrder();
    const g = order.shipmentGroups[0]!.id;
    const error = await expectRefused(order, () => changeStatus(order, [{ shipmentGroupId: g, itemId: itemId(order, '면 양말'), quantity: 1, to: 'shipping' }], { shipment: { courier: 'CJ', trackingNumber: '1234' } }), 422, 'TRANSITION_NOT_ALLOWED');
    expect(error.details).toMatchObject({ from: 'paid', to: 'shipping' });
  });

  it('refuses more units than the group holds, saying how many it has, even next to a valid change', async () => {
    const order = await cardOrder();
    const g = order.shipmentGroups[0]!.id;
    const changes = [{ shipmentGroupId: g, itemId: itemId(order, '린넨 셔츠'), quantity: 1, to: 'preparing' }, { shipmentGroupId: g, itemId: itemId(order, '면 양말'), quantity: 6, to: 'preparing' }];
    const error = await expectRefused(order, () => changeStatus(order, changes), 422, 'QUANTITY_EXCEEDS_AVAILABLE');
    expect(error.details).toMatchObject({ available: 5, requested: 6 });
  });

  it('refuses claims, money moves, unknown groups and malformed requests', async () => {
    const order = await cardOrder();
    const g = order.shipmentGroups[0]!.id;
    const sock = itemId(order, '면 양말');
    for (const to of ['cancel_requested', 'return_requested', 'exchange_requested', 'cancelled']) {
      await expectRefused(order, () => changeStatus(order, [{ shipmentGroupId: g, itemId: sock, quantity: 1, to }]), 422, 'USE_CLAIM_ROUTE');
    }
    const money = await expectRefused(order, () => changeStatus(order, [{ shipmentGroupId: g, itemId: sock, quantity: 1, to: 'awaiting_payment' }]), 422, 'REVERT_NEEDS_MONEY');
    expect(money.message).toMatch(/환불/);
    await expectRefused(order, () => changeStatus(order, [{ shipmentGroupId: 987654, itemId: sock, quantity: 1, to: 'preparing' }]), 404, 'SHIPMENT_GROUP_NOT_FOUND');
    await expectRefused(order, () => changeStatus(order, [{ shipmentGroupId: g, itemId: 987654, quantity: 1, to: 'preparing' }]), 422, 'ITEM_NOT_IN_SHIPMENT_GROUP');
    await expectRefused(order, () => changeStatus(order, [{ shipmentGroupId: g, itemId: sock, quantity: 0, to: 'preparing' }]), 400, 'VALIDATION_FAILED');
    await expectRefused(order, () => changeStatus(order, [{ shipmentGroupId: g, itemId: sock, quantity: 1, to: 'lost' }]), 400, 'VALIDATION_FAILED');
    await expectRefused(order, () => changeStatus(order, [], {}), 400, 'VALIDATION_FAILED');
    await expectRefused(order, () => server.owner.post(`/api/v1/orders/${order.id}/status-changes`, { changes: [{ shipmentGroupId: g, itemId: sock, quantity: 1, to: 'preparing' }] }), 400, 'VALIDATION_FAILED');
    const english = await server.owner.post<ErrorBody>(`/api/v1/orders/${order.id}/status-changes`, { expectedVersion: order.version, changes: [{ shipmentGroupId: g, itemId: sock, quantity: 1, to: 'awaiting_payment' }] }, { 'accept-language': 'en' });
    expect(english.body.error.message).toMatch(/refund/);
  });

  it('refuses a stale version with 409 and the current version', async () => {
    const order = await cardOrder();
    const g = order.shipmentGroups[0]!.id;
    const moved = await changeStatus(order, [{ shipmentGroupId: g, itemId: itemId(order, '면 양말'), quantity: 1, to: 'preparing' }]);
    const current = moved.body.order;
    const error = await expectRefused(current, () => changeStatus(order, [{ shipmentGroupId: g, itemId: itemId(order, '린넨 셔츠'), quantity: 1, to: 'preparing' }]), 409, 'ORDER_VERSION_CONFLICT');
    expect(error.details).toMatchObject({ currentVersion: current.version, expectedVersion: order.version });
    const viaHeader = await server.owner.post<ErrorBody>(`/api/v1/orders/${order.id}/status-changes`, { changes: [{ shipmentGroupId: g, itemId: itemId(order, '린넨 셔츠'), quantity: 1, to: 'preparing' }] }, { 'if-match': `"${order.version}"` });
    expect(viaHeader.status).toBe(409);
    const fresh = await server.owner.post<Answer<StatusChangeResult>>(`/api/v1/orders/${order.id}/status-changes`, { changes: [{ shipmentGroupId: g, itemId: itemId(order, '린넨 셔츠'), quantity: 1, to: 'preparing' }] }, { 'if-match': `"${current.version}"` });
    expect(fresh.status).toBe(200);
  });

  it('applies a request repeated with the same Idempotency-Key once', async () => {
    const order = await cardOrder();
    const changes = [{ shipmentGroupId: order.shipmentGroups[0]!.id, itemId: itemId(order, '면 양말'), quantity: 2, to: 'preparing' }];
    const headers = { 'idempotency-key': `status-${Date.now()}` };
    const first = await changeStatus(order, changes, {}, headers);
    const second = await changeStatus(order, changes, {}, headers);
    expect([first.status, second.status]).toEqual([200, 200]);
    expect(second.body.result).toEqual(first.body.result);
    const now = await detail(order.id);
    expect(now.version).toBe(order.version + 1);
    expect(now.items[0]!.quantityByStatus).toEqual({ paid: 3, preparing: 2 });
    const reused = await changeStatus<ErrorBody>(order, [{ ...changes[0]!, quantity: 1 }], {}, headers);
    expect([reused.status, reused.body.error.code]).toEqual([422, 'IDEMPOTENCY_KEY_REUSED']);
  });

  it('needs write access', async () => {
    const order = await cardOrder();
    const viewer = await server.addStaff('viewer');
    const changes = [{ shipmentGroupId: order.shipmentGroups[0]!.id, itemId: itemId(order, '면 양말'), quantity: 1, to: 'preparing' }];
    await expectRefused(order, () => changeStatus(order, changes, {}, undefined, viewer), 403, 'FORBIDDEN');
    await expectRefused(order, () => changeStatus(order, changes, {}, undefined, server.anonymous()), 401, 'UNAUTHENTICATED');
  });
});

describe('history', () => {
  it('writes one event per change listing every item it moved, naming who did it', async () => {
    const order = await cardOrder();
    const g = order.shipmentGroups[0]!.id;
    const res = await changeStatus(order, [{ shipmentGroupId: g, itemId: itemId(order, '면 양말'), quantity: 2, to: 'preparing' }, { shipmentGroupId: g, itemId: itemId(order, '린넨 셔츠'), quantity: 1, to: 'preparing' }], {}, undefined, staff);
    expect(res.status).toBe(200);
    const entries = (await server.owner.get<TimelineResponse>(`/api/v1/orders/${order.id}/timeline?only=events`)).body.entries;
    const changed = entries.filter((e) => e.kind === 'event' && e.type === 'statuses_changed');
    expect(changed).toHaveLength(1);
    expect(changed[0]).toMatchObject({ actor: { kind: 'staff', name: 'staff 직원', role: 'staff' }, buyerVisible: true });
    expect(changed[0]!.kind === 'event' && changed[0]!.payload).toEqual({
      type: 'statuses_changed',
      kind: 'forward',
      moves: [
        { itemId: itemId(order, '면 양말'), quantity: 2, from: 'paid', to: 'preparing' },
        { itemId: itemId(order, '린넨 셔츠'), quantity: 1, from: 'paid', to: 'preparing' },
      ],
    });
    // items are named as staff know them, not by number, with the particle the last word takes
    expect(changed[0]!.kind === 'event' && changed[0]!.description).toBe('면 양말 2개, 린넨 셔츠 1개를 상품준비중으로 변경했습니다 (결제완료 → 상품준비중)');
    const english = (await server.owner.get<TimelineResponse>(`/api/v1/orders/${order.id}/timeline?only=events`, { 'accept-language': 'en' })).body.entries;
    expect(english.find((e) => e.kind === 'event' && e.type === 'statuses_changed')).toMatchObject({ description: 'Moved 면 양말 ×2, 린넨 셔츠 ×1 to Preparing (Paid → Preparing)' });
  });

  it('documents every fulfillment route in the API reference', async () => {
    const doc = await server.anonymous().get<{ paths: Record<string, Record<string, unknown>> }>('/api/openapi.json');
    expect(doc.status).toBe(200);
    const paths = Object.entries(doc.body.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`));
    expect(paths).toEqual(
      expect.arrayContaining([
        'POST /api/v1/orders/{orderId}/status-changes',
        'POST /api/v1/orders/{orderId}/deposit-confirmations',
        'POST /api/v1/orders/{orderId}/deposit-confirmations/revert',
        'POST /api/v1/orders/{orderId}/addresses',
        'PATCH /api/v1/orders/{orderId}/addresses/{addressId}',
        'DELETE /api/v1/orders/{orderId}/addresses/{addressId}',
        'POST /api/v1/orders/{orderId}/addresses/{addressId}/allocations',
        'GET /api/v1/couriers',
      ]),
    );
  });

  it('names the same statuses in the API contract as in the domain', () => {
    expect([...UNIT_STATUS_VALUES]).toEqual([...UNIT_STATUSES]);
  });
});
