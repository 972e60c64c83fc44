import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ORDER_STATUS_VALUES, PAYMENT_STATUS_VALUES, type OrderFilter, type OrderSort } from '../src/contracts/order-filter';
import type { OrderListResponse } from '../src/contracts/order-list';
import { seedOrders } from '../src/server/seed/seed';
import { expectedMatch, loadModels, searchAll, type OrderModel } from './order-list-model';
import { addProduct, cardPayment, seoulAddress } from './support/fixtures';
import { startTestServer, type TestServer } from './support/server';

/** Sorting by each list column with keyset paging: every matching order once, in order. */
type ErrorBody = { error: { code: string } };
let server: TestServer;
let models: OrderModel[];

beforeAll(async () => {
  server = await startTestServer();
  await seedOrders(server.database.db, { shopId: server.shop.shopId, orders: 160, seed: 23, now: new Date() });
  models = await loadModels(server.database.db, server.shop.shopId);
}, 300_000);
afterAll(() => server.close());

type Key = number | string | null;
const time = (d: Date | null) => d?.getTime() ?? null;
const KEYS: Record<OrderSort['field'], (m: OrderModel) => Key> = {
  orderedAt: (m) => m.order.orderedAt.getTime(),
  orderNumber: (m) => m.order.orderNumber,
  ordererName: (m) => m.order.ordererName,
  channel: (m) => m.order.channel,
  totalAmount: (m) => m.order.totalAmount,
  paidAmount: (m) => m.order.paidAmount,
  balanceDue: (m) => m.order.balanceDue,
  paidAt: (m) => time(m.order.paidAt),
  shippedAt: (m) => time(m.order.shippedAt),
  deliveredAt: (m) => time(m.order.deliveredAt),
  orderStatus: (m) => ORDER_STATUS_VALUES.indexOf(m.order.orderStatus as (typeof ORDER_STATUS_VALUES)[number]),
  paymentStatus: (m) => PAYMENT_STATUS_VALUES.indexOf(m.order.paymentStatus as (typeof PAYMENT_STATUS_VALUES)[number]),
  memoCount: (m) => m.order.memoCount,
  lastMemoAt: (m) => time(m.order.lastMemoAt),
};

/** The spec's order: by the key in the direction, orders without the key last, then by id the same way. */
function expectedOrder(filter: OrderFilter, sort: OrderSort): number[] {
  const sign = sort.direction === 'asc' ? 1 : -1;
  const key = KEYS[sort.field];
  return models
    .filter((m) => expectedMatch(m, filter, new Date()))
    .sort((a, b) => {
      const x = key(a);
      const y = key(b);
      if (x !== y) {
        if (x === null) return 1;
        if (y === null) return -1;
        return (x < y ? -1 : 1) * sign;
      }
      return (a.order.id - b.order.id) * sign;
    })
    .map((m) => m.order.id);
}

const CASES: Array<[OrderSort, OrderFilter]> = [
  [{ field: 'orderedAt', direction: 'desc' }, {}],
  [{ field: 'orderedAt', direction: 'asc' }, { channels: ['own_mall'] }],
  [{ field: 'orderNumber', direction: 'asc' }, {}],
  [{ field: 'orderNumber', direction: 'desc' }, { memberType: 'guest' }],
  [{ field: 'ordererName', direction: 'asc' }, {}],
  [{ field: 'ordererName', direction: 'desc' }, { unitStatuses: ['purchase_confirmed', 'delivered'] }],
  [{ field: 'channel', direction: 'asc' }, {}],
  [{ field: 'totalAmount', direction: 'desc' }, {}],
  [{ field: 'totalAmount', direction: 'asc' }, { hasMemo: false }],
  [{ field: 'paidAmount', direction: 'desc' }, {}],
  [{ field: 'balanceDue', direction: 'asc' }, {}],
  [{ field: 'paidAt', direction: 'asc' }, {}],
  [{ field: 'paidAt', direction: 'desc' }, {}],
  [{ field: 'paidAt', direction: 'asc' }, { shippingDelayDays: 0 }],
  [{ field: 'shippedAt', direction: 'desc' }, {}],
  [{ field: 'deliveredAt', direction: 'asc' }, {}],
  [{ field: 'orderStatus', direction: 'asc' }, {}],
  [{ field: 'paymentStatus', direction: 'desc' }, {}],
  [{ field: 'memoCount', direction: 'desc' }, {}],
  [{ field: 'lastMemoAt', direction: 'desc' }, {}],
  [{ field: 'lastMemoAt', direction: 'asc' }, { hasMemo: true }],
];

describe('keyset paging visits every matching order exactly once, in order', () => {
  for (const [sort, filter] of CASES) {
    it(`${sort.field} ${sort.direction} ${JSON.stringify(filter)}`, async () => {
      const expected = expectedOrder(filter, sort);
      const { ids, pages } = await searchAll(server.owner, filter, sort, 9);
      expect(ids).toEqual(expected);
      expect(pages).toBe(Math.max(1, Math.ceil(expected.length / 9)));
      expect(expected.length).toBeGreaterThan(9);
    });
  }

  it('neither repeats nor skips an order when a new one arrives between pages', async () => {
    const first = await server.owner.post<OrderListResponse>('/api/v1/orders/search', { limit: 20 });
    const { productId } = await addProduct(server.database.db, server.shop.shopId, { name: '새 상품', price: 10000 });
    const placed = await server.storefront.post<{ id: number }>('/api/v1/orders', {
      orderer: { name: '신규고객', phone: '010-4040-5050', guestPassword: 'pass1' },
      addresses: [seoulAddress()],
      items: [{ productId, quantity: 1 }],
      payment: cardPayment(13000),
    });
    expect(placed.status).toBe(201);
    const seen = first.body.items.map((i) => i.id);
    let cursor = first.body.nextCursor;
    while (cursor) {
      const page = await server.owner.post<OrderListResponse>('/api/v1/orders/search', { limit: 20, cursor });
      seen.push(...page.body.items.map((i) => i.id));
      cursor = page.body.nextCursor;
    }
    expect(seen).toEqual(expectedOrder({}, { field: 'orderedAt', direction: 'desc' }));
    expect(seen).not.toContain(placed.body.id);
  });

  it('refuses a cursor of another sort, and a made-up one', async () => {
    const page = await server.owner.post<OrderListResponse>('/api/v1/orders/search', { sort: { field: 'totalAmount', direction: 'desc' }, limit: 5 });
    const cursor = page.body.nextCursor!;
    for (const body of [
      { sort: { field: 'totalAmount', direction: 'asc' }, cursor },
      { sort: { field: 'orderedAt', direction: 'desc' }, cursor },
      { cursor: 'not-a-cursor' },
      { cursor: Buffer.from('{"f":"orderedAt","d":"desc","k":"yesterday","i":1}').toString('base64url') },
    ]) {
      const res = await server.owner.post<ErrorBody>('/api/v1/orders/search', body);
      expect([JSON.stringify(body), res.status, res.body.error.code]).toEqual([JSON.stringify(body), 400, 'VALIDATION_FAILED']);
    }
    const bad = await server.owner.get<ErrorBody>('/api/v1/orders?cursor=zzz');
    expect(bad.body.error.code).toBe('VALIDATION_FAILED');
  });
});
