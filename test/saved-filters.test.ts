import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrderListResponse } from '../src/contracts/order-list';
import type { OrderDetail } from '../src/contracts/orders';
import type { SavedFilter, SavedFilterListResponse } from '../src/contracts/saved-filters';
import { createShop } from '../src/server/shops/service';
import { addProduct, cardPayment, seoulAddress } from './support/fixtures';
import { startTestServer, type HttpClient, type TestServer } from './support/server';

type ErrorBody = { error: { code: string } };

let server: TestServer;
let kim: HttpClient;
let lee: HttpClient;
let viewer: HttpClient;
let other: HttpClient;

beforeAll(async () => {
  server = await startTestServer();
  kim = await server.addStaff('staff');
  lee = await server.addStaff('staff');
  viewer = await server.addStaff('viewer');
  const shop = await createShop(server.database.db, { name: '옆 가게', ownerEmail: `next${Date.now()}@test.kr`, ownerName: '박옆집', ownerPassword: 'other-password-1' });
  other = await server.signIn(shop.ownerEmail, 'other-password-1');
});
afterAll(() => server.close());

const list = async (client: HttpClient) => {
  const res = await client.get<SavedFilterListResponse>('/api/v1/saved-filters');
  expect(res.status).toBe(200);
  return res.body.savedFilters;
};
const save = (client: HttpClient, name: string, filter: unknown, headers?: Record<string, string>) => client.post<SavedFilter>('/api/v1/saved-filters', { name, filter }, headers);

describe('saved filters (저장된 필터)', () => {
  it('saves a named filter that every staff member can load and search with', async () => {
    const { productId } = await addProduct(server.database.db, server.shop.shopId, { name: '머그컵', price: 18000 });
    const placed = await server.storefront.post<OrderDetail>('/api/v1/orders', {
      orderer: { name: '박민수', phone: '010-3333-4444', guestPassword: 'pw12' },
      addresses: [seoulAddress()],
      items: [{ productId, quantity: 1 }],
      payment: cardPayment(21000),
    });
    const res = await save(kim, '미배송 메모 주문', { unitStatuses: ['paid', 'preparing', 'ready_to_ship'], hasMemo: false });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ name: '미배송 메모 주문', filter: { unitStatuses: ['paid', 'preparing', 'ready_to_ship'], hasMemo: false } });
    const seen = (await list(lee)).find((f) => f.id === res.body.id)!;
    expect(seen).toEqual(res.body);
    const page = await lee.post<OrderListResponse>('/api/v1/orders/search', { filter: seen.filter });
    expect([page.body.total, page.body.items[0]?.id]).toEqual([1, placed.body.id]);
  });

  it('refuses a name already saved in the shop, whatever its case; other shops may use it', async () => {
    await save(kim, 'VIP 주문', { amount: { min: 100000 } });
    for (const name of ['VIP 주문', 'vip 주문', '  VIP 주문 ']) {
      const res = await save(lee, name, {});
      expect([res.status, (res.body as unknown as ErrorBody).error.code], name).toEqual([409, 'SAVED_FILTER_NAME_TAKEN']);
    }
    expect((await save(other, 'VIP 주문', {})).status).toBe(201);
    const mine = (await list(kim)).find((f) => f.name === '미배송 메모 주문')!;
    const rename = await kim.request<ErrorBody>('PATCH', `/api/v1/saved-filters/${mine.id}`, { name: 'vip 주문' });
    expect([rename.status, rename.body.error.code]).toEqual([409, 'SAVED_FILTER_NAME_TAKEN']);
  });

  it('renames and changes a filter, lists them by name, and deletes one', async () => {
    const created = (await save(kim, '가나다 채널', { channels: ['coupang'] })).body;
    const res = await lee.request<SavedFilter>('PATCH', `/api/v1/saved-filters/${created.id}`, { name: '마켓 주문', filter: { channels: ['external'] } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: created.id, name: '마켓 주문', filter: { channels: ['external'] }, createdByStaffId: created.createdByStaffId });
    // Korean collation: 가나다 first, then Latin letters
    expect((await list(kim)).map((f) => f.name)).toEqual(['마켓 주문', '미배송 메모 주문', 'VIP 주문']);
    const removed = await kim.request<SavedFilterListResponse>('DELETE', `/api/v1/saved-filters/${created.id}`);
    expect(removed.status).toBe(200);
    expect(removed.body.savedFilters.map((f) => f.name)).toEqual(['미배송 메모 주문', 'VIP 주문']);
    const again = await kim.request<ErrorBody>('DELETE', `/api/v1/saved-filters/${created.id}`);
    expect([again.status, again.body.error.code]).toEqual([404, 'SAVED_FILTER_NOT_FOUND']);
  });

  it('saves once for a retried request', async () => {
    const headers = { 'idempotency-key': `filter-${Date.now()}` };
    const a = await save(kim, '재시도', { hasMemo: true }, headers);
    const b = await save(kim, '재시도', { hasMemo: true }, headers);
    expect([a.status, b.status, b.body.id]).toEqual([201, 201, a.body.id]);
    expect((await list(kim)).filter((f) => f.name === '재시도')).toHaveLength(1);
  });

  it('refuses malformed filters and names, and other shops’ filters as not found', async () => {
    for (const [name, filter] of [
      ['', {}],
      ['가'.repeat(31), {}],
      ['모르는 조건', { status: 'paid' }],
      ['틀린 값', { unitStatuses: ['lost'] }],
      ['거꾸로 금액', { amount: { min: 5000, max: 1000 } }],
    ] as const) {
      const res = await save(kim, name, filter);
      expect([res.status, (res.body as unknown as ErrorBody).error.code], name).toEqual([400, 'VALIDATION_FAILED']);
    }
    const foreign = (await list(other))[0]!;
    for (const res of [
      await kim.request<ErrorBody>('PATCH', `/api/v1/saved-filters/${foreign.id}`, { name: '남의 필터' }),
      await kim.request<ErrorBody>('DELETE', `/api/v1/saved-filters/${foreign.id}`),
    ]) {
      expect([res.status, res.body.error.code]).toEqual([404, 'SAVED_FILTER_NOT_FOUND']);
    }
    expect((await list(kim)).some((f) => f.id === foreign.id)).toBe(false);
    expect((await list(other))[0]).toEqual(foreign);
  });

  it('viewers load saved filters but do not change them', async () => {
    const [first] = await list(viewer);
    for (const res of [
      await viewer.post<ErrorBody>('/api/v1/saved-filters', { name: '열람자', filter: {} }),
      await viewer.request<ErrorBody>('PATCH', `/api/v1/saved-filters/${first!.id}`, { name: '바꿈' }),
      await viewer.request<ErrorBody>('DELETE', `/api/v1/saved-filters/${first!.id}`),
    ]) {
      expect([res.status, res.body.error.code]).toEqual([403, 'FORBIDDEN']);
    }
  });
});
