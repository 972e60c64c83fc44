import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AddressResult, StatusChangeResult } from '../src/contracts/fulfillment';
import type { OrderFilter } from '../src/contracts/order-filter';
import type { OrderListResponse } from '../src/contracts/order-list';
import type { OrderDetail } from '../src/contracts/orders';
import { and, eq } from 'drizzle-orm';
import { queryRows, sql } from '../src/server/db/client';
import { orders } from '../src/server/db/schema/index';
import { listColumnsOfRows } from '../src/server/order-list/load-list-columns';
import { loadOrderRows } from '../src/server/orders/read-queries';
import { seedOrders } from '../src/server/seed/seed';
import { expectedMatch, loadModels, searchAll } from './order-list-model';
import { addMember, addProduct, cardPayment, seoulAddress } from './support/fixtures';
import { startTestServer, type TestServer } from './support/server';

/** Keyword search through HTTP, on orders made for each case among ~300 generated ones. */
type Answer<T> = { order: OrderDetail; result: T };

let server: TestServer;
let productId: number;
let hong: OrderDetail;
let sister: OrderDetail;
let member: OrderDetail;

async function place(body: Record<string, unknown>): Promise<OrderDetail> {
  const res = await server.storefront.post<OrderDetail>('/api/v1/orders', { items: [{ productId, quantity: 2 }], payment: cardPayment(50000), ...body });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

beforeAll(async () => {
  server = await startTestServer();
  await seedOrders(server.database.db, { shopId: server.shop.shopId, orders: 300, seed: 5, now: new Date() });
  ({ productId } = await addProduct(server.database.db, server.shop.shopId, { name: '텀블러', price: 25000 }));
  hong = await place({
    orderer: { name: '홍길동', phone: '010-1234-5678', email: 'Gildong.Hong@example.com', guestPassword: 'pass1' },
    addresses: [seoulAddress({ recipientName: '김철수', recipientPhone: '010-9876-5432' })],
  });
  sister = await place({ orderer: { name: '홍길순', phone: '010-5555-1234', guestPassword: 'pass1' }, addresses: [seoulAddress({ recipientName: '홍길순', recipientPhone: '010-5555-1234' })] });
  const { customerId } = await addMember(server.database.db, server.shop.shopId, { name: '성춘향', gradeName: '일반', points: 0 });
  // a member ordering under another name, as a gift to a third person
  member = await place({ orderer: { customerId, name: '이몽룡', phone: '010-3333-4444' }, addresses: [seoulAddress({ recipientName: '월매', recipientPhone: '010-7777-8888' })] });
}, 300_000);
afterAll(() => server.close());

/** The ids a keyword finds through the API, checked against the brute force over every order. */
async function find(keyword: string, more: OrderFilter = {}): Promise<number[]> {
  const filter = { ...more, keyword };
  const { ids, totals } = await searchAll(server.owner, filter);
  const now = new Date();
  const expected = (await loadModels(server.database.db, server.shop.shopId)).filter((m) => expectedMatch(m, filter, now)).map((m) => m.order.id);
  expect([...ids].sort((a, b) => a - b), `keyword ${keyword}`).toEqual(expected.sort((a, b) => a - b));
  expect(new Set(totals)).toEqual(new Set([ids.length]));
  return ids;
}

/** The cached columns equal what the rows say now. */
async function expectColumnsFresh(orderIds: number[]) {
  for (const id of orderIds) {
    const rows = (await loadOrderRows(server.database.db, server.shop.shopId, id))!;
    const fresh = await listColumnsOfRows(server.database.db, server.shop.shopId, rows);
    // as stored, the keyword index included (which order reads leave out)
    const [stored] = await server.database.db
      .select({ searchText: orders.searchText, searchGrams: orders.searchGrams, searchDigits: orders.searchDigits, couriers: orders.couriers, productIds: orders.productIds, regions: orders.regions })
      .from(orders)
      .where(and(eq(orders.shopId, server.shop.shopId), eq(orders.id, id)));
    expect(stored, `order ${id}`).toEqual(fresh);
  }
}

describe('keyword search', () => {
  it('finds a full name by a 2-syllable fragment, and not its neighbours', async () => {
    const byGiven = await find('길동');
    expect(byGiven).toContain(hong.id);
    expect(byGiven).not.toContain(sister.id);
    expect(await find('홍길')).toEqual(expect.arrayContaining([hong.id, sister.id]));
    expect(await find('홍 길동')).toContain(hong.id);
  });

  it('finds phone numbers by the last 4 digits, the middle 4, with or without hyphens', async () => {
    expect(await find('5678')).toContain(hong.id);
    expect(await find('1234')).toEqual(expect.arrayContaining([hong.id, sister.id]));
    for (const phone of ['010-1234-5678', '01012345678', '1234-5678', '010 1234 5678']) {
      const ids = await find(phone);
      expect(ids, phone).toContain(hong.id);
      expect(ids, phone).not.toContain(sister.id);
    }
  });

  it('finds the order number exactly, and by its leading part', async () => {
    expect(await find(hong.orderNumber)).toEqual([hong.id]);
    expect(await find(hong.orderNumber.slice(0, 9))).toContain(hong.id);
  });

  it('finds the e-mail, whole or in part, in any case', async () => {
    expect(await find('gildong.hong@example.com')).toEqual([hong.id]);
    expect(await find('GILDONG.HONG')).toEqual([hong.id]);
    expect(await find('hong@exam')).toEqual([hong.id]);
  });

  it('finds a recipient who is not the orderer, by name and by phone', async () => {
    expect(await find('철수')).toContain(hong.id);
    expect(await find('9876-5432')).toContain(hong.id);
  });

  it('finds a member’s orders by the member’s own name as well as the orderer’s', async () => {
    expect(await find('춘향')).toEqual([member.id]);
    expect(await find('몽룡')).toEqual([member.id]);
    expect(await find('월매')).toEqual([member.id]);
  });

  it('answers keywords that are short, unindexed or nothing at all', async () => {
    expect(await find('홍')).toEqual(expect.arrayContaining([hong.id, sister.id]));
    expect(await find('567')).toContain(hong.id);
    expect(await find('---')).toEqual([]);
    expect(await find('%')).toEqual([]);
    expect(await find('홍_동')).toEqual([]);
  });

  it('combines the keyword with the other filters', async () => {
    expect(await find('길', { memberType: 'guest', unitStatuses: ['paid'] })).toEqual(expect.arrayContaining([hong.id, sister.id]));
    expect(await find('홍길', { paymentStatuses: ['refunded'] })).not.toContain(hong.id);
  });
});

describe('the search columns follow every change', () => {
  it('finds the tracking number and courier once units ship through the status route', async () => {
    let order = hong;
    const group = order.shipmentGroups[0]!.id;
    const item = order.items[0]!.id;
    for (const to of ['preparing', 'ready_to_ship', 'shipping'] as const) {
      const shipment = to === 'shipping' ? { shipment: { courier: 'CJ대한통운', trackingNumber: '640123456789' } } : {};
      const res = await server.owner.post<Answer<StatusChangeResult>>(`/api/v1/orders/${order.id}/status-changes`, {
        expectedVersion: order.version,
        changes: [{ shipmentGroupId: order.shipmentGroups.find((g) => g.items.some((i) => i.itemId === item))?.id ?? group, itemId: item, quantity: 2, to }],
        ...shipment,
      });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      order = res.body.order;
    }
    hong = order;
    expect(await find('640123456789')).toEqual([hong.id]);
    expect(await find('0123456')).toContain(hong.id);
    // stored as the code, so it is one of the generated orders' CJ parcels, whichever spelling asks
    const cj = (await searchAll(server.owner, { couriers: ['CJ'] })).ids;
    expect(cj).toContain(hong.id);
    expect(cj.length).toBeGreaterThan(1);
    expect((await searchAll(server.owner, { couriers: ['CJ대한통운'] })).ids).toEqual(cj);
    expect((await searchAll(server.owner, { couriers: ['CJ대한통운'], keyword: '640123456789' })).ids).toEqual([hong.id]);
    const row = (await server.owner.post<OrderListResponse>('/api/v1/orders/search', { filter: { keyword: '640123456789' } })).body.items[0]!;
    expect(row).toMatchObject({ courier: 'CJ', courierLabel: 'CJ대한통운', trackingNumber: '640123456789', unitStatuses: [{ status: 'shipping', label: '배송중' }] });
    await expectColumnsFresh([hong.id]);
  });

  it('forgets the old recipient and finds the new one after an address change', async () => {
    const address = member.addresses[0]!;
    expect(await find('월매')).toEqual([member.id]);
    const res = await server.owner.request<Answer<AddressResult>>('PATCH', `/api/v1/orders/${member.id}/addresses/${address.id}`, {
      expectedVersion: member.version,
      recipientName: '박영희',
      recipientPhone: '010-2468-1357',
      postcode: '63122',
      address1: '제주특별자치도 제주시 문연로 6',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    member = res.body.order;
    expect(await find('월매')).toEqual([]);
    expect(await find('7777-8888')).not.toContain(member.id);
    expect(await find('박영희')).toContain(member.id);
    expect(await find('2468-1357')).toContain(member.id);
    expect((await searchAll(server.owner, { regions: ['jeju'], keyword: '몽룡' })).ids).toEqual([member.id]);
    expect((await searchAll(server.owner, { regions: ['seoul'], keyword: '몽룡' })).ids).toEqual([]);
    await expectColumnsFresh([member.id]);
  });

  it('shows the list row in the caller’s language, with what the columns need (the phone masked: lists never show personal data)', async () => {
    const res = await server.owner.get<OrderListResponse>(`/api/v1/orders?keyword=${encodeURIComponent(sister.orderNumber)}`, { 'accept-language': 'en' });
    expect(res.body.items).toEqual([
      expect.objectContaining({
        id: sister.id, orderNumber: sister.orderNumber, channel: 'own_mall', channelLabel: 'Own mall', ordererName: '홍길순', ordererPhone: '010-****-1234',
        isMember: false, gradeName: null, recipientName: '홍길순', addressCount: 1, itemSummary: '텀블러', itemCount: 1, quantity: 2,
        orderStatus: 'paid', orderStatusLabel: 'Paid', paymentStatus: 'paid', paymentStatusLabel: 'Paid', paymentMethod: 'card', paymentMethodLabel: 'Card',
        totalAmount: 50000, paidAmount: 50000, balanceDue: 0, courier: null, courierLabel: null, trackingNumber: null, memoCount: 0, lastMemoAt: null,
      }),
    ]);
    expect(res.body.total).toBe(1);
  });

  it('keeps every order’s columns equal to what its rows say, generated or changed through the API', async () => {
    const ids = await queryRows<{ id: unknown }>(server.database.db, sql`select id from orders where shop_id = ${server.shop.shopId} order by id`);
    await expectColumnsFresh(ids.map((r) => Number(r.id)));
  });
});
