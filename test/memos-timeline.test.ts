import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrderDetail } from '../src/contracts/orders';
import type { Memo, TimelineResponse } from '../src/contracts/timeline';
import { addProduct, cardPayment, seoulAddress } from './support/fixtures';
import { startTestServer, type HttpClient, type TestServer } from './support/server';

type ErrorBody = { error: { code: string } };

let server: TestServer;
let order: OrderDetail;
let kim: HttpClient;
let lee: HttpClient;

beforeAll(async () => {
  server = await startTestServer();
  const { productId } = await addProduct(server.database.db, server.shop.shopId, { name: '머그컵', price: 18000 });
  const res = await server.storefront.post<OrderDetail>('/api/v1/orders', {
    orderer: { name: '박민수', phone: '010-3333-4444', guestPassword: 'pw12' },
    addresses: [seoulAddress()],
    items: [{ productId, quantity: 1 }],
    payment: cardPayment(21000),
  });
  order = res.body;
  kim = await server.addStaff('staff');
  lee = await server.addStaff('staff');
});
afterAll(() => server.close());

const timeline = (client: HttpClient, only = 'all') => client.get<TimelineResponse>(`/api/v1/orders/${order.id}/timeline?only=${only}`);

describe('memos and the timeline', () => {
  it('shows one staff member’s memo to another who takes over, with author and date', async () => {
    const added = await kim.post<Memo>(`/api/v1/orders/${order.id}/memos`, { body: '고객 요청: 부재 시 경비실에 맡겨주세요' });
    expect(added.status).toBe(201);
    const seen = await timeline(lee, 'memos');
    expect(seen.body.entries).toHaveLength(1);
    expect(seen.body.entries[0]).toMatchObject({ kind: 'memo', body: '고객 요청: 부재 시 경비실에 맡겨주세요', actor: { kind: 'staff', name: 'staff 직원' }, editable: false });
    expect((await timeline(kim, 'memos')).body.entries[0]).toMatchObject({ editable: true });
    const detail = await lee.get<OrderDetail>(`/api/v1/orders/${order.id}`);
    expect(detail.body.memoCount).toBe(1);
    expect(detail.body.version).toBe(order.version);
  });

  it('lists every change newest first, described in Korean, memos inline', async () => {
    const all = await timeline(kim);
    // the buyer messages the order sent (written as they go out) have their own filter; this is about changes
    const kinds = all.body.entries.map((e) => (e.kind === 'event' ? e.type : 'memo')).filter((k) => !k.startsWith('buyer_message_'));
    expect(kinds).toEqual(['memo', 'memo_added', 'payment_captured', 'order_created']);
    const created = all.body.entries.find((e) => e.kind === 'event' && e.type === 'order_created');
    expect(created).toMatchObject({ actor: { kind: 'api', name: '스토어프론트' }, buyerVisible: true });
    expect(created?.kind === 'event' && created.description).toMatch(/21,000원/);
    const memoEvent = all.body.entries.find((e) => e.kind === 'event' && e.type === 'memo_added');
    expect(memoEvent).toMatchObject({ buyerVisible: false });
    const eventsOnly = await timeline(kim, 'events');
    expect(eventsOnly.body.entries.every((e) => e.kind === 'event')).toBe(true);
  });

  it('lets only the author edit a memo; the edit is on the timeline', async () => {
    const memo = (await kim.post<Memo>(`/api/v1/orders/${order.id}/memos`, { body: '환불 계좌 확인 필요' })).body;
    const denied = await lee.request<ErrorBody>('PATCH', `/api/v1/orders/${order.id}/memos/${memo.id}`, { body: '덮어쓰기' });
    expect([denied.status, denied.body.error.code]).toEqual([403, 'FORBIDDEN']);
    const edited = await kim.request<Memo>('PATCH', `/api/v1/orders/${order.id}/memos/${memo.id}`, { body: '환불 계좌 확인 완료 (신한 110-…)' });
    expect(edited.status).toBe(200);
    expect(edited.body.updatedAt).not.toBeNull();
    const entries = (await timeline(lee)).body.entries;
    expect(entries.find((e) => e.kind === 'memo' && e.id === memo.id)).toMatchObject({ body: '환불 계좌 확인 완료 (신한 110-…)' });
    expect(entries.some((e) => e.kind === 'event' && e.type === 'memo_edited')).toBe(true);
  });

  it('deletes a memo: gone from the memos and the count, its history kept', async () => {
    const memo = (await kim.post<Memo>(`/api/v1/orders/${order.id}/memos`, { body: '삭제할 메모' })).body;
    const before = (await kim.get<OrderDetail>(`/api/v1/orders/${order.id}`)).body.memoCount;
    const denied = await lee.request<ErrorBody>('DELETE', `/api/v1/orders/${order.id}/memos/${memo.id}`);
    expect(denied.status).toBe(403);
    expect((await server.owner.request('DELETE', `/api/v1/orders/${order.id}/memos/${memo.id}`)).status).toBe(200);
    expect((await kim.get<OrderDetail>(`/api/v1/orders/${order.id}`)).body.memoCount).toBe(before - 1);
    const entries = (await timeline(kim)).body.entries;
    expect(entries.some((e) => e.kind === 'memo' && e.id === memo.id)).toBe(false);
    expect(entries.some((e) => e.kind === 'event' && e.type === 'memo_deleted')).toBe(true);
    const again = await kim.request<ErrorBody>('DELETE', `/api/v1/orders/${order.id}/memos/${memo.id}`);
    expect([again.status, again.body.error.code]).toEqual([404, 'NOT_FOUND']);
  });

  it('adds a memo once for a retried request, and refuses empty memos and other shops', async () => {
    const before = (await kim.get<OrderDetail>(`/api/v1/orders/${order.id}`)).body.memoCount;
    const headers = { 'idempotency-key': `memo-${Date.now()}` };
    const a = await kim.post<Memo>(`/api/v1/orders/${order.id}/memos`, { body: '한 번만' }, headers);
    const b = await kim.post<Memo>(`/api/v1/orders/${order.id}/memos`, { body: '한 번만' }, headers);
    expect(b.body.id).toBe(a.body.id);
    expect((await kim.get<OrderDetail>(`/api/v1/orders/${order.id}`)).body.memoCount).toBe(before + 1);
    expect((await kim.post<ErrorBody>(`/api/v1/orders/${order.id}/memos`, { body: '   ' })).body.error.code).toBe('VALIDATION_FAILED');
    expect((await kim.post<ErrorBody>(`/api/v1/orders/99999999/memos`, { body: '없는 주문' })).body.error.code).toBe('ORDER_NOT_FOUND');
    const viewer = await server.addStaff('viewer');
    expect((await viewer.post<ErrorBody>(`/api/v1/orders/${order.id}/memos`, { body: '읽기 전용' })).status).toBe(403);
    expect((await server.storefront.post<ErrorBody>(`/api/v1/orders/${order.id}/memos`, { body: 'API' })).status).toBe(403);
  });
});
