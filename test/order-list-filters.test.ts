import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNELS } from '../src/contracts/common';
import { CLAIM_STATUS_VALUES, ORDER_STATUS_VALUES, PAYMENT_STATUS_VALUES, PERIOD_FIELDS, type OrderFilter } from '../src/contracts/order-filter';
import type { OrderListResponse } from '../src/contracts/order-list';
import { PAYMENT_STATUSES } from '../src/domain/ledger';
import { ORDER_STATUSES, UNIT_STATUSES, isClaimStatus } from '../src/domain/status';
import { countOrders, matchingOrderIds } from '../src/server/order-list/queries';
import { seedOrders } from '../src/server/seed/seed';
import { createShop } from '../src/server/shops/service';
import { expectedMatch, loadModels, regionsOf, seoulDay, searchAll, type OrderModel } from './order-list-model';
import { startTestServer, type TestServer } from './support/server';

/**
 * Every filter of the spec, alone and combined, against a brute-force evaluation over every order
 * read from its own tables (order-list-model.ts), on ~300 generated orders.
 */
let server: TestServer;
let models: OrderModel[];
let otherShopId: number;

beforeAll(async () => {
  server = await startTestServer();
  await seedOrders(server.database.db, { shopId: server.shop.shopId, orders: 300, seed: 11, now: new Date() });
  // another shop's orders in the same tables, which no search may ever return
  const other = await createShop(server.database.db, { name: '옆 가게', ownerEmail: `next${Date.now()}@test.kr`, ownerName: '박옆집', ownerPassword: 'other-password-1' });
  otherShopId = other.shopId;
  await seedOrders(server.database.db, { shopId: other.shopId, orders: 40, seed: 11, now: new Date() });
  models = await loadModels(server.database.db, server.shop.shopId);
}, 300_000);
afterAll(() => server.close());

const day = (offset: number) => seoulDay(new Date(Date.now() + offset * 86_400_000));
const mostCommon = <T>(values: T[]): T => {
  const counts = new Map<T, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]![0];
};
const givenName = () => mostCommon(models.map((m) => m.order.ordererName.slice(1)));
const lastDigits = () => models[7]!.order.ordererPhone.slice(-4);

/** [name, filter]; the filters are built once the data exists. */
const CASES: Array<[string, () => OrderFilter]> = [
  ['a unit status', () => ({ unitStatuses: ['paid'] })],
  ['any of several unit statuses', () => ({ unitStatuses: ['shipping', 'delivered'] })],
  ['claim statuses', () => ({ claimStatuses: ['cancel_requested', 'return_requested', 'exchange_collecting'] })],
  ['a claim reason', () => ({ claimReasons: ['defective'] })],
  ['any of several claim reasons', () => ({ claimReasons: ['wrong_item', 'late_delivery', 'other'] })],
  ['claim reasons among shipped orders', () => ({ claimReasons: ['change_of_mind'], unitStatuses: ['shipping', 'delivered', 'purchase_confirmed'] })],
  ['order statuses', () => ({ orderStatuses: ['partially_shipped', 'claim_in_progress', 'partially_cancelled'] })],
  ['payment statuses', () => ({ paymentStatuses: ['awaiting_payment', 'partially_refunded'] })],
  ['the own mall', () => ({ channels: ['own_mall'] })],
  ['external channels', () => ({ channels: ['external'] })],
  ['a marketplace', () => ({ channels: ['coupang', 'kakao_gift'] })],
  ['members', () => ({ memberType: 'member' })],
  ['guests', () => ({ memberType: 'guest' })],
  ['payment methods', () => ({ paymentMethods: ['virtual_account', 'bank_transfer'] })],
  ...PERIOD_FIELDS.map((field): [string, () => OrderFilter] => [`${field} in the last 30 days`, () => ({ period: { field, lastDays: 30 } })]),
  ['ordered between two days', () => ({ period: { field: 'ordered', from: day(-60), to: day(-30) } })],
  ['ordered on one day', () => ({ period: { field: 'ordered', from: seoulDay(models[5]!.order.orderedAt), to: seoulDay(models[5]!.order.orderedAt) } })],
  ['paid since a day', () => ({ period: { field: 'paid', from: day(-20) } })],
  ['shipped up to a day', () => ({ period: { field: 'shipped', to: day(-50) } })],
  ['delivered, any time', () => ({ period: { field: 'delivered' } })],
  ['a minimum amount', () => ({ amount: { min: 60_000 } })],
  ['a maximum amount', () => ({ amount: { max: 30_000 } })],
  ['an amount range', () => ({ amount: { min: 30_000, max: 80_000 } })],
  ['paid and not shipped (delay 0)', () => ({ shippingDelayDays: 0 })],
  ['shipping delayed 1 day', () => ({ shippingDelayDays: 1 })],
  ['shipping delayed 3 days', () => ({ shippingDelayDays: 3 })],
  ['with memos', () => ({ hasMemo: true })],
  ['without memos', () => ({ hasMemo: false })],
  ['couriers', () => ({ couriers: ['HANJIN', 'EPOST'] })],
  ['products', () => ({ productIds: [models[0]!.productIds[0]!, models[9]!.productIds[0]!] })],
  ['Jeju', () => ({ regions: ['jeju'] })],
  ['islands', () => ({ regions: ['island'] })],
  ['Seoul or Busan', () => ({ regions: ['seoul', 'busan'] })],
  ['a 2-syllable given name', () => ({ keyword: givenName() })],
  ['4 phone digits', () => ({ keyword: lastDigits() })],
  ['a phone with hyphens', () => ({ keyword: models[3]!.order.ordererPhone })],
  ['an order number', () => ({ keyword: models[4]!.order.orderNumber })],
  ['a leading part of an order number', () => ({ keyword: models[4]!.order.orderNumber.slice(0, 9) })],
  ['guests of the own mall paid by virtual account in the last 60 days', () => ({ channels: ['own_mall'], memberType: 'guest', paymentMethods: ['virtual_account'], period: { field: 'ordered', lastDays: 60 } })],
  ['claims of the last 90 days', () => ({ claimStatuses: [...CLAIM_STATUS_VALUES], period: { field: 'ordered', lastDays: 90 } })],
  ['shipped orders with memos over 20,000원', () => ({ unitStatuses: ['shipping', 'delivered', 'purchase_confirmed'], hasMemo: true, amount: { min: 20_000 } })],
  ['a name among shipped orders in Seoul', () => ({ keyword: givenName(), unitStatuses: ['shipping', 'delivered', 'purchase_confirmed'], regions: ['seoul', 'gyeonggi'] })],
  ['delayed members by card, refunds pending or not', () => ({ shippingDelayDays: 1, memberType: 'member', paymentMethods: ['card'], paymentStatuses: ['paid', 'partially_refunded', 'overpaid'] })],
  ['empty lists filter nothing', () => ({ unitStatuses: [], channels: [], regions: [], keyword: '  ' })],
];

describe('every filter selects exactly what the spec says', () => {
  for (const [name, build] of CASES) {
    it(name, async () => {
      const filter = build();
      const now = new Date();
      const expected = models.filter((m) => expectedMatch(m, filter, now)).map((m) => m.order.id);
      const { ids, totals } = await searchAll(server.owner, filter, undefined, 40);
      expect(new Set(ids).size, 'no order twice').toBe(ids.length);
      expect([...ids].sort((a, b) => a - b)).toEqual(expected.sort((a, b) => a - b));
      expect(new Set(totals)).toEqual(new Set([expected.length]));
      // the data makes every case meaningful: it selects some orders, and (but the last) not all
      expect(expected.length, 'selects some').toBeGreaterThan(0);
      if (name !== 'empty lists filter nothing') expect(expected.length, 'leaves some out').toBeLessThan(models.length);
      expect(await countOrders(server.database.db, server.shop.shopId, filter, now)).toBe(expected.length);
    });
  }
});

describe('filters for batch work', () => {
  it('walks every matching id once, ascending, in batches resumed from the last id', async () => {
    const filter: OrderFilter = { unitStatuses: ['paid', 'preparing', 'ready_to_ship'], channels: ['own_mall'] };
    const now = new Date();
    const seen: number[] = [];
    let afterId: number | undefined;
    for (;;) {
      const batch = await matchingOrderIds(server.database.db, server.shop.shopId, filter, now, { afterId, limit: 7 });
      if (batch.length === 0) break;
      seen.push(...batch);
      afterId = batch[batch.length - 1];
    }
    const expected = models.filter((m) => expectedMatch(m, filter, now)).map((m) => m.order.id).sort((a, b) => a - b);
    expect(seen).toEqual(expected);
    expect(expected.length).toBeGreaterThan(7);
  });

  it('never crosses shops', async () => {
    expect(await countOrders(server.database.db, otherShopId, {}, new Date())).toBe(40);
    expect((await searchAll(server.owner, {})).ids.length).toBe(models.length);
  });
});

describe('배송지연 days on every row (the list’s 배송지연 column)', () => {
  /** Every row the list gives for `filter`, all pages. */
  async function rowsOf(filter: OrderFilter): Promise<OrderListResponse['items']> {
    const items: OrderListResponse['items'] = [];
    let cursor: string | null = null;
    do {
      const res: { status: number; body: OrderListResponse } = await server.owner.post<OrderListResponse>('/api/v1/orders/search', { filter, limit: 200, withTotal: false, ...(cursor ? { cursor } : {}) });
      expect(res.status).toBe(200);
      items.push(...res.body.items);
      cursor = res.body.nextCursor;
    } while (cursor);
    return items;
  }
  const daysBetween = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);

  it('is the Seoul days since the payment while units wait to ship, else null; and N+ days late is what the filter N selects', async () => {
    const today = seoulDay(new Date());
    const rows = await rowsOf({});
    expect(rows).toHaveLength(models.length);
    const byId = new Map(models.map((m) => [m.order.id, m]));
    for (const row of rows) {
      const m = byId.get(row.id)!;
      const waits = ['paid', 'preparing', 'ready_to_ship'].some((s) => m.units.has(s));
      const expected = waits && m.order.paidAt ? Math.max(0, daysBetween(seoulDay(m.order.paidAt), today)) : null;
      expect([row.orderNumber, row.shippingDelayDays]).toEqual([row.orderNumber, expected]);
    }
    // the seed spreads payments over weeks: some rows are late, some not, some have nothing waiting
    const late = rows.map((r) => r.shippingDelayDays);
    expect(late.filter((d) => d === null).length).toBeGreaterThan(0);
    expect(late.filter((d) => d !== null && d >= 3).length).toBeGreaterThan(0);

    for (const n of [0, 1, 3, 7]) {
      const delayed = await rowsOf({ shippingDelayDays: n });
      expect(delayed.map((r) => r.id).sort((a, b) => a - b)).toEqual(rows.filter((r) => r.shippingDelayDays !== null && r.shippingDelayDays >= n).map((r) => r.id).sort((a, b) => a - b));
    }
  });
});

describe('query parameters (GET /api/v1/orders)', () => {
  it('takes the simple conditions and the sort as parameters, comma-separated', async () => {
    const now = new Date();
    const res = await server.owner.get<OrderListResponse>('/api/v1/orders?unitStatuses=shipping,delivered&memberType=member&hasMemo=false&sort=totalAmount:desc&limit=200');
    const filter: OrderFilter = { unitStatuses: ['shipping', 'delivered'], memberType: 'member', hasMemo: false };
    const expected = models.filter((m) => expectedMatch(m, filter, now)).sort((a, b) => b.order.totalAmount - a.order.totalAmount || b.order.id - a.order.id);
    expect(res.body.items.map((i) => i.id)).toEqual(expected.map((m) => m.order.id));
    expect(res.body.total).toBe(expected.length);
  });

  it('answers 400 for an unknown status, a bad sort and a filter key that does not exist', async () => {
    for (const query of ['unitStatuses=paid,shipped', 'sort=favourite:desc', 'sort=orderedAt:sideways', 'channels=amazon', 'hasMemo=yes']) {
      const res = await server.owner.get<{ error: { code: string } }>(`/api/v1/orders?${query}`);
      expect([query, res.status, res.body.error.code]).toEqual([query, 400, 'VALIDATION_FAILED']);
    }
    const typo = await server.owner.post<{ error: { code: string } }>('/api/v1/orders/search', { filter: { unitStatus: ['paid'] } });
    expect([typo.status, typo.body.error.code]).toEqual([400, 'VALIDATION_FAILED']);
    const backwards = await server.owner.post<{ error: { code: string } }>('/api/v1/orders/search', { filter: { period: { field: 'paid', from: day(0), to: day(-3) } } });
    expect(backwards.status).toBe(400);
  });

  it('lets a viewer search, and nobody without credentials', async () => {
    const viewer = await server.addStaff('viewer');
    expect((await viewer.post('/api/v1/orders/search', { filter: { hasMemo: true } })).status).toBe(200);
    expect((await server.anonymous().post('/api/v1/orders/search', {})).status).toBe(401);
  });
});

describe('the contract repeats the domain’s lists', () => {
  it('has the same order, payment and claim statuses, and postcode regions', () => {
    expect([...ORDER_STATUS_VALUES]).toEqual([...ORDER_STATUSES]);
    expect([...PAYMENT_STATUS_VALUES]).toEqual([...PAYMENT_STATUSES]);
    expect([...CLAIM_STATUS_VALUES]).toEqual(UNIT_STATUSES.filter(isClaimStatus));
    expect(CHANNELS).toContain('own_mall');
    expect([regionsOf('04524'), regionsOf('63122'), regionsOf('40220'), regionsOf('19999')]).toEqual([['seoul'], ['jeju'], ['gyeongbuk', 'island'], []]);
  });
});
