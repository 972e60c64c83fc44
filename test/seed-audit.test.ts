import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows, sql, type Executor } from '../src/server/db/client';
import { auditOrder, auditOrders } from '../src/server/orders/audit';
import { seedOrders } from '../src/server/seed/seed';
import { createShop } from '../src/server/shops/service';
import { startTestServer, type TestServer } from './support/server';

/**
 * Every order the demo seeder makes passes the product's own audit (auditOrder's checks): the
 * quantity ledger, the cached totals, the payment ledger, and the items' coupon and points shares
 * against the order's. Thousands of orders, so the rarer paths (partial cancels and returns of
 * members' orders with a coupon and points, unpaid cancels, refunds waiting for a transfer) all
 * come up; and staff can act on the seeded refunds through the API like on their own.
 */
const NOW = new Date('2025-06-01T03:00:00Z');
const ORDERS = 3000;
const AUDIT_BATCH = 500;

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
  await seedOrders(server.database.db, { shopId: server.shop.shopId, orders: ORDERS, seed: 42, now: NOW });
}, 300_000);

afterAll(async () => {
  await server?.close();
});

/** Every order of the shop that fails the audit, as `order id: problem` lines, and how many were audited. */
async function auditShop(db: Executor, shopId: number): Promise<{ audited: number; problems: string[] }> {
  const ids = (await queryRows<{ id: unknown }>(db, sql`select id from orders where shop_id = ${shopId} order by id`)).map((r) => Number(r.id));
  const problems: string[] = [];
  for (let at = 0; at < ids.length; at += AUDIT_BATCH) {
    const found = await auditOrders(db, shopId, ids.slice(at, at + AUDIT_BATCH));
    for (const [id, list] of found) for (const p of list) problems.push(`order ${id}: ${p}`);
  }
  return { audited: ids.length, problems };
}

/** Orders whose completed claims gave back part of a coupon or of the points: what the share check bites on. */
async function partlyRestoredOrders(db: Executor, shopId: number): Promise<number> {
  const [row] = await queryRows<{ n: unknown }>(db, sql`
    select count(distinct o.id) as n from orders o join refunds r on r.shop_id = o.shop_id and r.order_id = o.id
    where o.shop_id = ${shopId} and (r.coupon_restored > 0 or r.points_restored > 0) and (o.coupon_discount > 0 or o.points_used > 0)`);
  return Number(row?.n ?? 0);
}

describe('seeded orders pass the order audit', () => {
  it('seed 42: every one of 3,000 orders', async () => {
    const { db } = server.database;
    const { audited, problems } = await auditShop(db, server.shop.shopId);
    expect(audited).toBe(ORDERS);
    expect(problems).toEqual([]);
    expect(await partlyRestoredOrders(db, server.shop.shopId)).toBeGreaterThan(0);
  });

  it('another seed, into another shop: every one of 3,000 orders', async () => {
    const { db } = server.database;
    const shop = await createShop(db, { name: '감사 테스트샵', ownerEmail: 'audit-b@example.kr', ownerName: '김대표', ownerPassword: 'seed-audit-password' });
    await seedOrders(db, { shopId: shop.shopId, orders: ORDERS, seed: 20250601, now: NOW });
    const { audited, problems } = await auditShop(db, shop.shopId);
    expect(audited).toBe(ORDERS);
    expect(problems).toEqual([]);
    expect(await partlyRestoredOrders(db, shop.shopId)).toBeGreaterThan(0);
  }, 300_000);
});

describe('seeded refunds, as staff work on them', () => {
  interface Version { version: number }
  const versionOf = async (orderId: number) => (await server.owner.get<Version>(`/api/v1/orders/${orderId}`)).body.version;
  /** Completed claims whose refund paid nothing out yet: an unpaid order's cancel (0원), a transfer still to send. */
  const unpaidRefunds = (where: ReturnType<typeof sql>) =>
    queryRows<{ order_id: unknown; claim_id: unknown; refund_id: unknown; kind: string }>(server.database.db, sql`
      select r.order_id, r.claim_id, r.id as refund_id, c.kind from refunds r join claims c on c.shop_id = r.shop_id and c.id = r.claim_id
      where r.shop_id = ${server.shop.shopId} and c.status in ('cancelled', 'returned') and ${where} order by r.id limit 3`);

  it('reverts a completed cancel whose refund was 0 or is still waiting, leaving the order sound', async () => {
    const zero = await unpaidRefunds(sql`r.amount = 0 and r.status = 'done'`);
    const waiting = await unpaidRefunds(sql`r.status = 'pending' and r.method = 'bank_transfer'`);
    expect(zero.length).toBeGreaterThan(0);
    // one to revert here, one to complete below
    expect(waiting.length).toBeGreaterThan(1);
    for (const r of [...zero, ...waiting.slice(1)]) {
      const orderId = Number(r.order_id);
      const to = r.kind === 'cancel' ? 'cancel_requested' : 'return_collected';
      const res = await server.owner.post(`/api/v1/orders/${orderId}/claims/${Number(r.claim_id)}/status`, { expectedVersion: await versionOf(orderId), to });
      expect(res.status, `order ${orderId}: ${JSON.stringify(res.body)}`).toBe(200);
      expect(await auditOrder(server.database.db, server.shop.shopId, orderId)).toEqual([]);
    }
  });

  it('completes a seeded refund waiting for its transfer', async () => {
    const [r] = await unpaidRefunds(sql`r.status = 'pending' and r.method = 'bank_transfer'`);
    const orderId = Number(r!.order_id);
    const res = await server.owner.post<{ result: { refund: { status: string } } }>(`/api/v1/orders/${orderId}/refunds/${Number(r!.refund_id)}/complete`, {
      expectedVersion: await versionOf(orderId),
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.result.refund.status).toBe('done');
    expect(await auditOrder(server.database.db, server.shop.shopId, orderId)).toEqual([]);
  });
});
