import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkLedger } from '../src/domain/quantity-ledger';
import { remoteAreaOf } from '../src/domain/shipping-fee';
import { UNIT_STATUSES, type UnitStatus } from '../src/domain/status';
import { verifyPassword } from '../src/server/auth/secrets';
import { queryRows, sql, type Database } from '../src/server/db/client';
import { timelineEvents } from '../src/server/db/schema/index';
import { loadOrderRows, unitsOf } from '../src/server/orders/read-queries';
import { summarizeOrder } from '../src/server/orders/summary';
import { refundBreakdownSchema } from '../src/server/payments/refunds/records';
import { insertStatement } from '../src/server/seed/bulk-insert';
import { inMemoryContext } from '../src/server/seed/context';
import { generateOrders } from '../src/server/seed/generator';
import { counterIds } from '../src/server/seed/ids';
import { assertNoOrphans } from '../src/server/seed/integrity';
import type { BatchRows } from '../src/server/seed/order-state';
import { createRng } from '../src/server/seed/random';
import { DEMO_GUEST_PASSWORD, seedOrders } from '../src/server/seed/seed';
import { createShop } from '../src/server/shops/service';
import { openTestDatabase } from './support/database';

const NOW = new Date('2025-06-01T03:00:00Z');
const DAY = 86_400_000;
// two windows of 200 (each shows every status by construction), in batches that do not align with them
const ORDERS = 400;

let database: Database;
let shopId: number;

/** Rows of a check query; each check lists offending rows, so a failure shows which ones. */
const rows = <T extends Record<string, unknown>>(query: ReturnType<typeof sql>) => queryRows<T>(database.db, query);
const count = async (query: ReturnType<typeof sql>) => Number((await rows<{ n: unknown }>(query))[0]?.n ?? 0);

beforeAll(async () => {
  database = await openTestDatabase();
  const shop = await createShop(database.db, { name: '시드 테스트샵', ownerEmail: 'seed-owner@example.kr', ownerName: '김대표', ownerPassword: 'seed-test-password' });
  shopId = shop.shopId;
  const progress: number[] = [];
  const result = await seedOrders(database.db, { shopId, orders: ORDERS, seed: 42, now: NOW, batchSize: 150, onProgress: (done) => progress.push(done) });
  expect(result.orders).toBe(ORDERS);
  expect(progress).toEqual([150, 300, 400]);
}, 300_000);

afterAll(async () => {
  await database?.close();
});

describe('seeded orders, as a user would check them with SQL', () => {
  it('writes the orders with shop-unique numbers derived from the id and the Seoul date', async () => {
    const [row] = await rows<{ n: unknown; numbers: unknown; bad: unknown }>(sql`
      select count(*) as n, count(distinct order_number) as numbers,
             count(*) filter (where order_number !~ '^[0-9]{8}-[0-9]{7,}$'
               or split_part(order_number, '-', 2)::bigint <> id
               or split_part(order_number, '-', 1) <> to_char(ordered_at at time zone 'Asia/Seoul', 'YYYYMMDD')) as bad
      from orders where shop_id = ${shopId}`);
    expect(Number(row?.n)).toBe(ORDERS);
    expect(Number(row?.numbers)).toBe(ORDERS);
    expect(Number(row?.bad)).toBe(0);
  });

  it('shows every unit status, in the units and in the cached unit_statuses', async () => {
    const held = await rows<{ status: string }>(sql`
      select distinct g.status from shipment_groups g join shipment_group_items gi on gi.shop_id = g.shop_id and gi.shipment_group_id = g.id where g.shop_id = ${shopId}
      union select distinct c.status from claims c join claim_items ci on ci.shop_id = c.shop_id and ci.claim_id = c.id where c.shop_id = ${shopId}`);
    const cached = await rows<{ status: string }>(sql`select distinct unnest(unit_statuses) as status from orders where shop_id = ${shopId}`);
    expect(held.map((r) => r.status).sort()).toEqual([...UNIT_STATUSES].sort());
    expect(cached.map((r) => r.status).sort()).toEqual([...UNIT_STATUSES].sort());
  });

  it('keeps every unit of every item in exactly one shipment group or claim', async () => {
    const broken = await rows(sql`
      select i.id, i.quantity, coalesce(g.q, 0) as in_groups, coalesce(c.q, 0) as in_claims
      from order_items i
      left join (select item_id, sum(quantity) as q from shipment_group_items where shop_id = ${shopId} group by item_id) g on g.item_id = i.id
      left join (select item_id, sum(quantity) as q from claim_items where shop_id = ${shopId} group by item_id) c on c.item_id = i.id
      where i.shop_id = ${shopId} and coalesce(g.q, 0) + coalesce(c.q, 0) <> i.quantity`);
    expect(broken).toEqual([]);
    expect(await count(sql`select count(*) as n from shipment_group_items where shop_id = ${shopId} and quantity <= 0`)).toBe(0);
    expect(await count(sql`select count(*) as n from claim_items where shop_id = ${shopId} and quantity <= 0`)).toBe(0);
  });

  it('has partial claims: some units of an item claimed, the rest still in a shipment group', async () => {
    const partial = await rows<{ kind: string }>(sql`
      select distinct c.kind from claim_items ci
      join claims c on c.shop_id = ci.shop_id and c.id = ci.claim_id
      join shipment_group_items gi on gi.shop_id = ci.shop_id and gi.item_id = ci.item_id
      where ci.shop_id = ${shopId}`);
    expect(partial.map((r) => r.kind).sort()).toEqual(['cancel', 'exchange', 'return']);
  });

  it('records where claimed units came from: a group of the same order, in a status the claim may start from', async () => {
    const broken = await rows(sql`
      select ci.claim_id, ci.item_id, c.kind, ci.from_status from claim_items ci
      join claims c on c.shop_id = ci.shop_id and c.id = ci.claim_id
      left join shipment_groups g on g.shop_id = ci.shop_id and g.id = ci.from_shipment_group_id and g.order_id = ci.order_id
      where ci.shop_id = ${shopId} and (g.id is null
        or (c.kind = 'cancel' and ci.from_status not in ('awaiting_payment', 'paid', 'preparing', 'ready_to_ship'))
        or (c.kind <> 'cancel' and ci.from_status not in ('shipping', 'delivered')))`);
    expect(broken).toEqual([]);
  });

  it('reconciles every order: total − balance due = paid − refunded = Σ payments, and the total adds up', async () => {
    const broken = await rows(sql`
      select o.id, o.total_amount, o.balance_due, o.paid_amount, o.refunded_amount, p.captured, p.refunded
      from orders o
      left join (select order_id, sum(captured_amount) as captured, sum(refunded_amount) as refunded from payments where shop_id = ${shopId} group by order_id) p on p.order_id = o.id
      where o.shop_id = ${shopId} and (
        o.total_amount - o.balance_due <> o.paid_amount - o.refunded_amount
        or o.paid_amount <> coalesce(p.captured, 0) or o.refunded_amount <> coalesce(p.refunded, 0)
        or o.total_amount <> o.items_amount + o.shipping_fee + o.remote_shipping_fee + o.fees_amount - o.coupon_discount - o.points_used
        or o.total_amount < 0 or o.coupon_discount < 0 or o.points_used < 0)`);
    expect(broken).toEqual([]);
  });

  it('never refunds a payment more than it captured, and every refunded won is accounted for', async () => {
    expect(await count(sql`select count(*) as n from payments where shop_id = ${shopId} and (refunded_amount > captured_amount or refunded_amount < 0)`)).toBe(0);
    const byPayment = await rows(sql`
      select p.id, p.refunded_amount, x.s from payments p
      left join (select payment_id, sum(amount) as s from refund_payments where shop_id = ${shopId} and status = 'done' group by payment_id) x on x.payment_id = p.id
      where p.shop_id = ${shopId} and p.refunded_amount <> coalesce(x.s, 0)`);
    expect(byPayment).toEqual([]);
    // as the claims service records them: amount = items + shipping − deductions, less what settled
    // a balance due (an unpaid order cancelled whole refunds 0); the parts share the refund's status
    const byRefund = await rows(sql`
      select r.id, r.amount, r.status, x.s, x.statuses from refunds r
      left join (select refund_id, sum(amount) as s, array_agg(distinct status) as statuses from refund_payments where shop_id = ${shopId} group by refund_id) x on x.refund_id = r.id
      where r.shop_id = ${shopId} and (
        r.amount <> r.items_amount + r.shipping_amount - r.deduction_amount - (r.breakdown -> 'proposal' ->> 'settlesBalanceDue')::bigint
        or r.amount <> coalesce(x.s, 0) or (x.s is not null and x.statuses <> array[r.status]))`);
    expect(byRefund).toEqual([]);
    expect(await count(sql`select count(*) as n from refunds where shop_id = ${shopId} and status = 'done' and amount > 0`)).toBeGreaterThan(0);
  });

  it('records every refund with a breakdown that reverting its claim can undo', async () => {
    const refundRows = await rows<{ id: unknown; breakdown: unknown }>(sql`select id, breakdown from refunds where shop_id = ${shopId}`);
    expect(refundRows.length).toBeGreaterThan(0);
    const unreadable = refundRows.filter((r) => !refundBreakdownSchema.safeParse(typeof r.breakdown === 'string' ? JSON.parse(r.breakdown) : r.breakdown).success);
    expect(unreadable.map((r) => Number(r.id))).toEqual([]);
  });

  it('leaves a balance due only where money is still on its way', async () => {
    const unsettled = await rows(sql`
      select o.id, o.balance_due from orders o where o.shop_id = ${shopId} and o.balance_due <> 0
        and not exists (select 1 from payments p where p.shop_id = o.shop_id and p.order_id = o.id and p.status = 'pending')
        and not exists (select 1 from payment_requests r where r.shop_id = o.shop_id and r.order_id = o.id and r.status = 'pending')
        and not exists (select 1 from refunds r where r.shop_id = o.shop_id and r.order_id = o.id and r.status = 'pending')`);
    expect(unsettled).toEqual([]);
    expect(await count(sql`
      select count(*) as n from orders o join payment_requests r on r.shop_id = o.shop_id and r.order_id = o.id and r.status = 'pending'
      where o.shop_id = ${shopId} and o.balance_due = r.amount`)).toBeGreaterThan(0);
  });

  it('stores the summary cache exactly as summarizeOrder computes it from the rows', async () => {
    const ids = await rows<{ id: unknown }>(sql`select id from orders where shop_id = ${shopId} and id % 7 = 0 order by id`);
    for (const { id } of ids) {
      const loaded = (await loadOrderRows(database.db, shopId, Number(id)))!;
      const memoRows = await rows<{ created_at: string }>(sql`select created_at from memos where shop_id = ${shopId} and order_id = ${Number(id)} and deleted_at is null`);
      const o = loaded.order;
      const summary = summarizeOrder({
        couponDiscount: o.couponDiscount, pointsUsed: o.pointsUsed, shippingFee: o.shippingFee, remoteShippingFee: o.remoteShippingFee, feesAmount: o.feesAmount,
        items: loaded.items, units: unitsOf(loaded), payments: loaded.payments, shipments: loaded.groups, claims: loaded.claims,
        memos: memoRows.map((m) => ({ createdAt: new Date(m.created_at) })),
      });
      const stored = Object.fromEntries(Object.keys(summary).map((k) => [k, o[k as keyof typeof o]]));
      expect(stored, `order ${String(id)}`).toEqual(summary);
      expect(checkLedger(loaded.items, unitsOf(loaded))).toEqual([]);
    }
  });

  it('has members and guests, Jeju and island addresses, and orders split over two addresses', async () => {
    expect(await count(sql`select count(*) as n from orders where shop_id = ${shopId} and customer_id is not null`)).toBeGreaterThan(ORDERS / 3);
    const [guest] = await rows<{ hash: string }>(sql`select guest_password_hash as hash from orders where shop_id = ${shopId} and customer_id is null and channel = 'own_mall' limit 1`);
    expect(await verifyPassword(DEMO_GUEST_PASSWORD, guest!.hash)).toBe(true);
    const addresses = await rows<{ order_id: unknown; postcode: string; remote: unknown }>(sql`
      select a.order_id, a.postcode, o.remote_shipping_fee as remote from order_addresses a join orders o on o.shop_id = a.shop_id and o.id = a.order_id where a.shop_id = ${shopId}`);
    expect(addresses.every((a) => /^\d{5}$/.test(a.postcode))).toBe(true);
    expect(addresses.some((a) => remoteAreaOf(a.postcode) === 'jeju' && Number(a.remote) > 0)).toBe(true);
    expect(addresses.some((a) => remoteAreaOf(a.postcode) === 'island' && Number(a.remote) > 0)).toBe(true);
    const split = await rows(sql`
      select a.order_id from order_addresses a where a.shop_id = ${shopId} group by a.order_id
      having count(*) = 2 and count(*) = (select count(*) from shipment_groups g where g.shop_id = ${shopId} and g.order_id = a.order_id)`);
    expect(split.length).toBeGreaterThan(0);
    // 2-syllable given names: staff search "민준" and find 김민준
    expect(await count(sql`select count(*) as n from orders where shop_id = ${shopId} and char_length(orderer_name) = 3 and orderer_phone ~ '^010-[0-9]{4}-[0-9]{4}$'`)).toBeGreaterThan(ORDERS * 0.9);
  });

  it('reports payments as a Korean PG would, with couriers and tracking numbers on shipped groups', async () => {
    expect(await count(sql`select count(*) as n from payments where shop_id = ${shopId} and method = 'card'
      and (card_number_masked !~ '^[0-9]{4}-\\*{4}-\\*{4}-[0-9]{4}$' or card_company is null or installment_months not in (0, 2, 3, 6))`)).toBe(0);
    expect(await count(sql`select count(*) as n from payments where shop_id = ${shopId} and method in ('virtual_account', 'bank_transfer')
      and (va_bank is null or va_account_number is null or va_holder is null or va_due_at is null)`)).toBe(0);
    const methods = await rows<{ method: string }>(sql`select distinct method from payments where shop_id = ${shopId}`);
    expect(methods.map((m) => m.method).sort()).toEqual(['bank_transfer', 'card', 'easy_pay', 'points_only', 'virtual_account']);
    expect(await count(sql`select count(*) as n from shipment_groups where shop_id = ${shopId} and shipped_at is not null
      and (courier not in ('CJ', 'HANJIN', 'LOTTE', 'LOGEN', 'EPOST') or tracking_number !~ '^[0-9]{12}$')`)).toBe(0);
  });

  it('has delayed orders: paid a week ago or more and still not shipped', async () => {
    expect(await count(sql`select count(*) as n from orders where shop_id = ${shopId} and paid_at <= ${new Date(NOW.getTime() - 7 * DAY)}
      and shipped_at is null and unit_statuses && array['paid', 'preparing', 'ready_to_ship']`)).toBeGreaterThan(0);
  });

  it('gives every order a timeline that starts with its creation and runs forward in time', async () => {
    expect(await count(sql`select count(*) as n from orders o where o.shop_id = ${shopId} and not exists (
      select 1 from timeline_events e where e.shop_id = o.shop_id and e.order_id = o.id and e.type = 'order_created')`)).toBe(0);
    const backwards = await rows(sql`
      select order_id, id from (select order_id, id, type, created_at, lag(created_at) over (partition by order_id order by id) as before,
        first_value(type) over (partition by order_id order by id) as first from timeline_events where shop_id = ${shopId}) e
      where e.created_at < e.before or e.first <> 'order_created' or e.created_at > ${NOW}`);
    expect(backwards).toEqual([]);
    const kinds = await rows<{ actor_kind: string }>(sql`select distinct actor_kind from timeline_events where shop_id = ${shopId}`);
    expect(kinds.map((k) => k.actor_kind).sort()).toEqual(['api', 'buyer', 'staff', 'system']);
    expect(await count(sql`select count(*) as n from orders where shop_id = ${shopId} and (ordered_at > ${NOW} or ordered_at < ${new Date(NOW.getTime() - 121 * DAY)})`)).toBe(0);
  });

  it('counts memos (staff notes by the owner) as memo_count and last_memo_at say', async () => {
    const broken = await rows(sql`
      select o.id, o.memo_count, x.n from orders o
      left join (select order_id, count(*) as n, max(created_at) as last from memos where shop_id = ${shopId} and deleted_at is null group by order_id) x on x.order_id = o.id
      where o.shop_id = ${shopId} and (o.memo_count <> coalesce(x.n, 0) or o.last_memo_at is distinct from x.last)`);
    expect(broken).toEqual([]);
    expect(await count(sql`select count(*) as n from orders where shop_id = ${shopId} and memo_count > 0`)).toBeGreaterThan(ORDERS * 0.08);
    expect(await count(sql`select count(*) as n from memos m join staff s on s.shop_id = m.shop_id and s.id = m.author_staff_id
      where m.shop_id = ${shopId} and s.role <> 'owner'`)).toBe(0);
    expect(await count(sql`select count(*) as n from timeline_events where shop_id = ${shopId} and type = 'memo_added'`))
      .toBe(await count(sql`select count(*) as n from memos where shop_id = ${shopId}`));
  });

  it('keeps each member points balance equal to the sum of the ledger, never negative', async () => {
    const broken = await rows(sql`
      select c.id, c.points_balance, x.s from customers c
      left join (select customer_id, sum(delta) as s from points_ledger where shop_id = ${shopId} group by customer_id) x on x.customer_id = c.id
      where c.shop_id = ${shopId} and (c.points_balance <> coalesce(x.s, 0) or c.points_balance < 0)`);
    expect(broken).toEqual([]);
    expect(await count(sql`select count(*) as n from points_ledger where shop_id = ${shopId} and order_id is not null and delta < 0`)).toBeGreaterThan(0);
  });
});

describe('writing batches', () => {
  it('with per-row foreign-key checks, and seeding a shop twice, adds orders without a second catalog', async () => {
    const other = await createShop(database.db, { name: '두번째 샵', ownerEmail: 'second-owner@example.kr', ownerName: '이사장', ownerPassword: 'seed-test-password' });
    const seedTwice = { shopId: other.shopId, orders: 60, now: NOW, batchSize: 25, perRowForeignKeyChecks: true };
    await seedOrders(database.db, { ...seedTwice, seed: 1 });
    const products = await count(sql`select count(*) as n from products where shop_id = ${other.shopId}`);
    await seedOrders(database.db, { ...seedTwice, seed: 2 });
    expect(await count(sql`select count(*) as n from products where shop_id = ${other.shopId}`)).toBe(products);
    expect(await count(sql`select count(distinct order_number) as n from orders where shop_id = ${other.shopId}`)).toBe(120);
    expect(await count(sql`select count(*) as n from orders where shop_id = ${other.shopId} and total_amount - balance_due <> paid_amount - refunded_amount`)).toBe(0);
  });

  it('rolls a batch back when one of its rows points at nothing', async () => {
    const orphan = { shopId, id: 987_654_321, orderId: 987_654_321, type: 'memo_added', actorKind: 'system' as const, payload: { type: 'memo_added', memoId: 1 }, createdAt: NOW };
    const statement = insertStatement(timelineEvents, [orphan])!;
    await expect(
      database.db.transaction(async (tx) => {
        await tx.execute(sql`set local session_replication_role = replica`);
        await tx.execute(statement);
        await assertNoOrphans(tx, shopId, [{ table: timelineEvents, rows: [orphan] }]);
      }),
    ).rejects.toThrow(/timeline_events → orders/);
    expect(await count(sql`select count(*) as n from timeline_events where shop_id = ${shopId} and id = ${orphan.id}`)).toBe(0);
  });
});

describe('the generator in memory', () => {
  const NOW_MEM = new Date('2025-03-01T00:00:00Z');
  const generate = (seed: number, count: number): BatchRows =>
    generateOrders(inMemoryContext(createRng(7), NOW_MEM), createRng(seed), counterIds(), { start: 0, count, total: count, now: NOW_MEM });

  it('property: the same seed gives the same rows; another seed gives others', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), (seed) => {
        const a = generate(seed, 60);
        expect(generate(seed, 60)).toEqual(a);
        expect(generate(seed + 1, 60).orders.map((o) => o.ordererName)).not.toEqual(a.orders.map((o) => o.ordererName));
      }),
      { numRuns: 5 },
    );
  });

  it('property: any seed gives 200 orders covering every status, with quantities and money that reconcile', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), (seed) => {
        const out = generate(seed, 200);
        const statuses = new Set(out.orders.flatMap((o) => o.unitStatuses ?? []));
        expect([...statuses].sort()).toEqual([...UNIT_STATUSES].sort());
        const groupStatus = new Map(out.groups.map((g) => [g.id, g.status as UnitStatus]));
        const claimStatus = new Map(out.claims.map((c) => [c.id, c.status as UnitStatus]));
        const allocations = [
          ...out.groupItems.map((gi) => ({ itemId: gi.itemId, holder: { kind: 'shipment' as const, id: gi.shipmentGroupId }, status: groupStatus.get(gi.shipmentGroupId)!, quantity: gi.quantity })),
          ...out.claimItems.map((ci) => ({ itemId: ci.itemId, holder: { kind: 'claim' as const, id: ci.claimId }, status: claimStatus.get(ci.claimId)!, quantity: ci.quantity })),
        ];
        expect(checkLedger(out.items.map((i) => ({ id: i.id!, quantity: i.quantity })), allocations)).toEqual([]);
        for (const o of out.orders) expect(o.totalAmount! - o.balanceDue!, `order ${o.id}`).toBe(o.paidAmount! - o.refundedAmount!);
        // the items' coupon and points shares follow the order's through every cancel and return
        const shares = new Map<number, { coupon: number; points: number }>();
        for (const i of out.items) {
          const sum = shares.get(i.orderId) ?? { coupon: 0, points: 0 };
          shares.set(i.orderId, { coupon: sum.coupon + (i.couponShare ?? 0), points: sum.points + (i.pointsShare ?? 0) });
        }
        for (const o of out.orders) expect(shares.get(o.id!), `order ${o.id}`).toEqual({ coupon: o.couponDiscount, points: o.pointsUsed });
        for (const p of out.payments) expect(p.refundedAmount).toBeLessThanOrEqual(p.capturedAmount);
        // each order's timeline starts with its creation and never goes back in time
        const last = new Map<number, Date>();
        for (const e of out.events) {
          const before = last.get(e.orderId);
          if (!before) expect(e.type).toBe('order_created');
          else expect(e.createdAt!.getTime()).toBeGreaterThanOrEqual(before.getTime());
          last.set(e.orderId, e.createdAt!);
        }
      }),
      { numRuns: 5 },
    );
  });
});
