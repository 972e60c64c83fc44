import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CheckoutQuote, OrderDetail } from '../src/contracts/orders';
import type { PrintSheetOrder, PrintSheetsResponse } from '../src/contracts/print-sheets';
import type { View } from '../src/contracts/views';
import { shops } from '../src/server/db/schema/index';
import { seedOrders } from '../src/server/seed/seed';
import { createShop } from '../src/server/shops/service';
import { addProduct, cardPayment, jejuAddress, seoulAddress } from './support/fixtures';
import { startTestServer, type HttpClient, type TestServer } from './support/server';

/**
 * POST /api/v1/orders/print-sheets through HTTP: the pages a packer and a 거래명세서 read — chosen
 * orders in the order chosen, a tab's conditions, an order split over two addresses (each address
 * with its own items), cancelled units left out and said so, another shop's ids refused, the cap.
 */
let server: TestServer;
let a: OrderDetail;
let b: OrderDetail;
let split: OrderDetail;
type ErrorBody = { error: { code: string; message: string; details?: Record<string, unknown> } };

const HOUR = 3_600_000;
const guest = (name: string, phone: string) => ({ name, phone, guestPassword: '1234' });

/** Places an order at the price the shop quotes for it (shipping as the shop's policy has it). */
async function place(body: Record<string, unknown>): Promise<OrderDetail> {
  const quote = await server.storefront.post<CheckoutQuote>('/api/v1/orders/quote', body);
  expect(quote.status).toBe(200);
  const res = await server.storefront.post<OrderDetail>('/api/v1/orders', { ...body, payment: cardPayment(quote.body.totals.total) });
  expect(res.status).toBe(201);
  return res.body;
}

const print = (body: unknown, client: HttpClient = server.owner, headers?: Record<string, string>) =>
  client.post<PrintSheetsResponse & ErrorBody>('/api/v1/orders/print-sheets', body, headers);

const sheetOf = (res: { body: PrintSheetsResponse }, order: OrderDetail): PrintSheetOrder => {
  const found = res.body.orders.find((o) => o.id === order.id);
  expect(found, `the sheet of ${order.orderNumber}`).toBeDefined();
  return found!;
};

beforeAll(async () => {
  server = await startTestServer();
  const { shopId } = server.shop;
  const { db } = server.database;
  await db.update(shops).set({ csPhone: '1588-1234', csEmail: 'help@test.kr' }).where(eq(shops.id, shopId));
  const socks = await addProduct(db, shopId, { name: '면 양말', price: 12000, options: [{ name: '블랙/M' }] });
  const shirt = (await addProduct(db, shopId, { name: '린넨 셔츠', price: 39000 })).productId;
  const now = Date.now();
  a = await place({
    orderer: guest('김하나', '010-0123-4567'),
    addresses: [seoulAddress({ recipientName: '박둘', recipientPhone: '010-0987-6543', deliveryNote: '문 앞에 놓아 주세요' })],
    items: [{ productId: socks.productId, optionId: socks.optionIds[0], quantity: 2 }, { productId: shirt, quantity: 1 }],
    orderedAt: new Date(now - HOUR).toISOString(),
  });
  b = await place({ orderer: guest('이두리', '010-2222-0001'), addresses: [seoulAddress()], items: [{ productId: shirt, quantity: 1 }], orderedAt: new Date(now - 2 * HOUR).toISOString() });
  split = await place({
    orderer: guest('최세나', '010-3333-0002'),
    addresses: [seoulAddress({ deliveryNote: '경비실에 맡겨 주세요' }), jejuAddress()],
    items: [
      { productId: socks.productId, optionId: socks.optionIds[0], quantity: 3, addressIndex: 0 },
      { productId: shirt, quantity: 1, addressIndex: 1 },
    ],
    orderedAt: new Date(now - 3 * HOUR).toISOString(),
  });
  // 1 of the 3 socks is cancelled: the box to 홍길동 holds 2
  const socksItem = split.items.find((i) => i.productName === '면 양말')!.id;
  const group = split.shipmentGroups.find((g) => g.items.some((u) => u.itemId === socksItem))!;
  const cancelled = await server.owner.post<{ order: OrderDetail }>(`/api/v1/orders/${split.id}/cancellations`, {
    expectedVersion: split.version,
    items: [{ shipmentGroupId: group.id, itemId: socksItem, quantity: 1 }],
    reason: '고객 변심',
    complete: true,
  });
  expect(cancelled.status).toBe(201);
  split = cancelled.body.order;
});
afterAll(() => server.close());

describe('print sheets', () => {
  it('prints chosen orders in the order chosen: buyer, recipient, 배송 메모, items with options and quantities, prices and totals, the shop’s 고객센터', async () => {
    const res = await print({ orderIds: [b.id, a.id, b.id] });
    expect(res.status).toBe(200);
    expect(res.body.shop).toEqual({ name: '테스트샵', csPhone: '1588-1234', csEmail: 'help@test.kr', businessName: null, representativeName: null, businessNumber: null, businessAddress: null });
    expect(res.body.orders.map((o) => o.orderNumber)).toEqual([b.orderNumber, a.orderNumber]);
    // with the list's sort, in the list's order (a was ordered after b)
    const sorted = await print({ orderIds: [b.id, split.id, a.id], sort: { field: 'orderedAt', direction: 'desc' } });
    expect(sorted.body.orders.map((o) => o.id)).toEqual([a.id, b.id, split.id]);
    const sheet = sheetOf(res, a);
    expect(sheet).toMatchObject({
      orderNumber: a.orderNumber,
      orderedAt: a.orderedAt,
      channelLabel: '자사몰',
      buyer: { name: '김하나', phone: '010-0123-4567', isMember: false },
      leftOut: { cancel: 0, return: 0, exchange: 0 },
    });
    expect(sheet.addresses).toHaveLength(1);
    expect(sheet.addresses[0]).toMatchObject({ recipientName: '박둘', recipientPhone: '010-0987-6543', postcode: '04524', address1: '서울특별시 중구 세종대로 110', address2: '3층', deliveryNote: '문 앞에 놓아 주세요' });
    expect(sheet.addresses[0]!.lines.map((l) => [l.productName, l.optionName, l.quantity, l.unitPrice, l.amount, l.statusLabels])).toEqual([
      ['면 양말', '블랙/M', 2, 12000, 24000, ['결제완료']],
      ['린넨 셔츠', null, 1, 39000, 39000, ['결제완료']],
    ]);
    // the 거래명세서's totals: the order's own, with 공급가액 + 세액 = the total to the won
    expect(sheet.totals.itemsAmount).toBe(63000);
    expect(sheet.totals.orderTotal).toBe(a.totals.orderTotal);
    expect(sheet.totals.paid).toBe(a.totals.orderTotal);
    expect(sheet.totals.supplyAmount + sheet.totals.vatAmount).toBe(sheet.totals.orderTotal);
    expect(sheet.totals.supplyAmount).toBe(Math.round(sheet.totals.orderTotal / 1.1));
  });

  it('lists each address of a split order with the items going there, and leaves cancelled units out, saying how many', async () => {
    const sheet = sheetOf(await print({ orderIds: [split.id] }), split);
    expect(sheet.addresses.map((x) => [x.recipientName, x.deliveryNote, x.lines.map((l) => `${l.productName}×${l.quantity}`)])).toEqual([
      ['홍길동', '경비실에 맡겨 주세요', ['면 양말×2']],
      ['고영희', null, ['린넨 셔츠×1']],
    ]);
    expect(sheet.addresses[1]).toMatchObject({ postcode: '63122', address1: '제주특별자치도 제주시 문연로 6' });
    expect(sheet.leftOut).toEqual({ cancel: 1, return: 0, exchange: 0 });
    expect(sheet.totals.itemsAmount).toBe(2 * 12000 + 39000);
    expect(sheet.totals.orderTotal).toBe(split.totals.orderTotal);
    expect(sheet.totals.refunded).toBe(split.totals.refunded);
    expect(sheet.totals.refunded).toBeGreaterThan(0);
  });

  it('prints a tab’s conditions in the tab’s sort, and a filter within a period', async () => {
    const tab = await server.owner.post<View>('/api/v1/views', { name: '비회원', filter: { memberType: 'guest' }, sort: { field: 'orderedAt', direction: 'asc' } });
    expect(tab.status).toBe(201);
    const byTab = await print({ viewId: tab.body.id });
    expect(byTab.status).toBe(200);
    expect(byTab.body.orders.map((o) => o.id)).toEqual([split.id, b.id, a.id]);

    const seoulDay = (at: number) => new Date(at + 9 * HOUR).toISOString().slice(0, 10);
    const byKeyword = await print({ filter: { keyword: '이두리' }, period: { field: 'ordered', from: seoulDay(Date.now() - 24 * HOUR), to: seoulDay(Date.now()) } });
    expect(byKeyword.body.orders.map((o) => o.id)).toEqual([b.id]);
    const longAgo = await print({ filter: { keyword: '이두리' }, period: { field: 'ordered', from: '2020-01-01', to: '2020-01-31' } });
    expect(longAgo.status).toBe(200);
    expect(longAgo.body.orders).toEqual([]);

    const unknownTab = await print({ viewId: 999_999 });
    expect(unknownTab.status).toBe(404);
    expect(unknownTab.body.error.code).toBe('VIEW_NOT_FOUND');
  });

  it('answers in English with Accept-Language: en', async () => {
    const sheet = sheetOf(await print({ orderIds: [a.id] }, server.owner, { 'accept-language': 'en' }), a);
    expect(sheet.channelLabel).toBe('Own mall');
    expect(sheet.addresses[0]!.lines[0]!.statusLabels).toEqual(['Paid']);
  });

  it('lets a viewer and an API key print, not a signed-out caller', async () => {
    const viewer = await server.addStaff('viewer');
    expect((await print({ orderIds: [a.id] }, viewer)).status).toBe(200);
    expect((await print({ orderIds: [a.id] }, server.storefront)).status).toBe(200);
    const anonymous = await print({ orderIds: [a.id] }, server.anonymous());
    expect(anonymous.status).toBe(401);
  });

  it('refuses another shop’s orders (and ids that are no order) with 404, naming them, and never shows them', async () => {
    const other = await createShop(server.database.db, { name: '다른샵', ownerEmail: `other${Date.now()}@test.kr`, ownerName: '남주인', ownerPassword: 'owner-password-2' });
    await seedOrders(server.database.db, { shopId: other.shopId, orders: 3, seed: 4, now: new Date() });
    const otherOwner = await server.signIn(other.ownerEmail, 'owner-password-2');
    const theirs = (await otherOwner.post<PrintSheetsResponse>('/api/v1/orders/print-sheets', { filter: {} })).body.orders.map((o) => o.id);
    expect(theirs).toHaveLength(3);

    const res = await print({ orderIds: [a.id, theirs[0]!, 987_654_321] });
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('ORDER_NOT_FOUND');
    expect(res.body.error.details).toEqual({ orderIds: [theirs[0], 987_654_321] });
    expect(JSON.stringify(res.body)).not.toContain('다른샵');
    // and a tab's conditions only ever reach the caller's own shop
    const all = await print({ filter: {} });
    expect(all.body.orders.map((o) => o.id).sort((x, y) => x - y)).toEqual([a.id, b.id, split.id].sort((x, y) => x - y));
  });

  it('prints at most 500 orders: more chosen, or conditions matching more, answer 422 with how many', async () => {
    const tooMany = await print({ orderIds: Array.from({ length: 501 }, (_, i) => i + 1) });
    expect(tooMany.status).toBe(422);
    expect(tooMany.body.error).toMatchObject({ code: 'PRINT_TOO_MANY_ORDERS', details: { limit: 500, matched: 501 } });
    expect(tooMany.body.error.message).toContain('500건');

    const busy = await createShop(server.database.db, { name: '바쁜샵', ownerEmail: `busy${Date.now()}@test.kr`, ownerName: '바주인', ownerPassword: 'owner-password-3' });
    await seedOrders(server.database.db, { shopId: busy.shopId, orders: 505, seed: 8, now: new Date() });
    const busyOwner = await server.signIn(busy.ownerEmail, 'owner-password-3');
    const broad = await busyOwner.post<ErrorBody>('/api/v1/orders/print-sheets', { filter: {} }, { 'accept-language': 'en' });
    expect(broad.status).toBe(422);
    expect(broad.body.error).toMatchObject({ code: 'PRINT_TOO_MANY_ORDERS', details: { limit: 500, matched: 505 } });
    expect(broad.body.error.message).toMatch(/Narrow/);
  });

  it('refuses a malformed request with 400', async () => {
    for (const body of [{}, { orderIds: [] }, { orderIds: [a.id], filter: {} }, { orderIds: ['x'] }, { viewId: 1, extra: true }]) {
      const res = await print(body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.code).toBe('VALIDATION_FAILED');
    }
  });
});
