import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrderFilter } from '../src/contracts/order-filter';
import type { OrderListResponse } from '../src/contracts/order-list';
import type { OrderDetail } from '../src/contracts/orders';
import type { View, ViewCountsResponse, ViewListResponse } from '../src/contracts/views';
import { seedOrders } from '../src/server/seed/seed';
import { createShop } from '../src/server/shops/service';
import { addMember, addProduct, cardPayment, seoulAddress } from './support/fixtures';
import { startTestServer, type HttpClient, type TestServer } from './support/server';

/** Tab counts against the list's own totals, on ~200 generated orders and on orders placed here. */
let server: TestServer;
let staff: HttpClient;
let mug: number;

beforeAll(async () => {
  server = await startTestServer();
  await seedOrders(server.database.db, { shopId: server.shop.shopId, orders: 200, seed: 5, now: new Date() });
  // another shop's orders in the same tables, which no count may include
  const other = await createShop(server.database.db, { name: '옆 가게', ownerEmail: `next${Date.now()}@test.kr`, ownerName: '박옆집', ownerPassword: 'other-password-1' });
  await seedOrders(server.database.db, { shopId: other.shopId, orders: 30, seed: 5, now: new Date() });
  staff = await server.addStaff('staff');
  mug = (await addProduct(server.database.db, server.shop.shopId, { name: '머그컵', price: 18000 })).productId;
}, 300_000);
afterAll(() => server.close());

const views = async () => (await staff.get<ViewListResponse>('/api/v1/views')).body.views;
const counts = async () => {
  const res = await staff.get<ViewCountsResponse>('/api/v1/views/counts');
  expect(res.status).toBe(200);
  return new Map(res.body.counts.map((c) => [c.viewId, c.count]));
};
const search = async (filter: OrderFilter, limit = 1) => {
  const res = await staff.post<OrderListResponse>('/api/v1/orders/search', { filter, limit });
  expect(res.status).toBe(200);
  return res.body;
};
const countsByName = async (list: View[]) => {
  const byId = await counts();
  return Object.fromEntries(list.map((v) => [v.name, byId.get(v.id)]));
};

/** Every tab's count is the total the list shows for the tab's filter. */
async function expectCountsMatchSearch(list: View[]) {
  const byId = await counts();
  expect([...byId.keys()]).toEqual(list.map((v) => v.id));
  for (const v of list) expect(byId.get(v.id), v.name).toBe((await search(v.filter)).total);
}

const placeOrder = async (extra: Record<string, unknown>, payment: Record<string, unknown> = cardPayment(21000)) => {
  const res = await server.storefront.post<OrderDetail>('/api/v1/orders', {
    orderer: { name: '정하늘', phone: '010-4545-1212', guestPassword: 'pw12' },
    addresses: [seoulAddress()],
    items: [{ productId: mug, quantity: 1 }],
    payment,
    ...extra,
  });
  expect(res.status).toBe(201);
  return res.body;
};

describe('tab counts', () => {
  it('are the list totals of every tab’s filter on generated orders, each step of the work represented', async () => {
    const list = await views();
    await expectCountsMatchSearch(list);
    const byName = await countsByName(list);
    expect(byName['전체']).toBe(200);
    for (const name of ['입금대기', '상품준비중', '배송대기', '배송중', '취소·반품 접수']) expect(byName[name], name).toBeGreaterThan(0);
  });

  it('follow the orders placed: each lands in the tab of its step', async () => {
    const list = await views();
    const before = await countsByName(list);
    const { customerId } = await addMember(server.database.db, server.shop.shopId, { name: '윤회원', gradeName: '일반', points: 0 });
    await placeOrder({});
    await placeOrder({}, { method: 'virtual_account', amount: 21000, status: 'awaiting_deposit', gateway: 'toss', virtualAccount: { bank: '신한은행', accountNumber: '56211102345678', holder: '테스트샵' } });
    await placeOrder({ orderer: { customerId, name: '윤회원', phone: '010-2222-3333' } });
    await placeOrder({ channel: 'coupang', externalOrderId: `CP-${Date.now()}` });
    const after = await countsByName(list);
    expect(after['전체']! - before['전체']!).toBe(4);
    expect(after['입금대기']! - before['입금대기']!).toBe(1);
    expect(after['상품준비중']! - before['상품준비중']!).toBe(3);
    expect(after['배송중']).toBe(before['배송중']);
    await expectCountsMatchSearch(list);
  });

  it('count and list a new tab the way the list does: 비회원 자사몰 (guests of the own mall)', async () => {
    const filter: OrderFilter = { channels: ['own_mall'], memberType: 'guest' };
    const guest = await placeOrder({ orderer: { name: '비회원손님', phone: '010-9999-0000', guestPassword: 'pw99' } });
    const tab = (await staff.post<View>('/api/v1/views', { name: '비회원 자사몰', filter })).body;
    const count = (await counts()).get(tab.id)!;
    const page = await search(tab.filter, 200);
    expect(page.total).toBe(count);
    expect(page.items).toHaveLength(Math.min(count, 200));
    expect(page.items.every((o) => !o.isMember && o.channel === 'own_mall')).toBe(true);
    expect(page.items.some((o) => o.id === guest.id)).toBe(true);
    // the parts add up: guests + members of the own mall = the own mall
    const members = await search({ channels: ['own_mall'], memberType: 'member' });
    expect(count + members.total!).toBe((await search({ channels: ['own_mall'] })).total);
    expect(count).toBeLessThan((await counts()).get((await views())[0]!.id)!);
    await expectCountsMatchSearch(await views());
  });

  it('answer a page without its count when asked, and the count on its own, equal to the list’s', async () => {
    const filter: OrderFilter = { channels: ['own_mall'], memberType: 'guest' };
    const withTotal = await search(filter, 5);
    const page = await server.owner.post<OrderListResponse>('/api/v1/orders/search', { filter, limit: 5, withTotal: false });
    expect(page.status).toBe(200);
    expect(page.body.total).toBeNull();
    expect(page.body.items.map((i) => i.id)).toEqual(withTotal.items.map((i) => i.id));
    const count = await server.owner.post<{ total: number }>('/api/v1/orders/count', { filter });
    expect([count.status, count.body.total]).toEqual([200, withTotal.total]);
    const bad = await server.owner.post<{ error: { code: string } }>('/api/v1/orders/count', { filter: { channel: 'own_mall' } });
    expect([bad.status, bad.body.error.code]).toEqual([400, 'VALIDATION_FAILED']);
  });

  it('follow a tab’s new filter at once', async () => {
    const tab = (await views()).find((v) => v.name === '비회원 자사몰')!;
    const res = await staff.request<View>('PATCH', `/api/v1/views/${tab.id}`, { filter: { channels: ['external'] } });
    expect(res.status).toBe(200);
    expect((await counts()).get(tab.id)).toBe((await search({ channels: ['external'] })).total);
  });
});
