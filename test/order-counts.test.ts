import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BulkJob } from '../src/contracts/bulk-jobs';
import type { OrderFilter } from '../src/contracts/order-filter';
import type { OrderCountResponse, OrderListResponse } from '../src/contracts/order-list';
import type { ViewCountsResponse, ViewListResponse } from '../src/contracts/views';
import { countRows, migrationsFolder, openDatabase, queryRows, sql, type Database } from '../src/server/db/client';
import { countWithin } from '../src/server/order-counts/count-within';
import { foldOrderCounts } from '../src/server/order-counts/fold';
import { countOrders } from '../src/server/order-list/queries';
import { seedOrders } from '../src/server/seed/seed';
import { createShop } from '../src/server/shops/service';
import { addProduct, cardPayment, seoulAddress } from './support/fixtures';
import { createScratchDatabase } from './support/database';
import { expectStatusCountsExact } from './support/invariants';
import { startTestServer, type TestServer } from './support/server';
import { until } from './support/until';

/**
 * The tab counters (migration 0015) against count(*): through the seed, the intake, bulk jobs and
 * folds (status moves, cancels and returns by hand are walked by order-operations-random), and
 * the estimate of slow counts — answered as such, and exact when asked.
 */
let server: TestServer;
let mug: number;

beforeAll(async () => {
  // every count the counters cannot answer is "slow": the estimate path is taken whatever the size
  server = await startTestServer({ counts: { maxExactCost: 0 } });
  mug = (await addProduct(server.database.db, server.shop.shopId, { name: '머그컵', price: 18000 })).productId;
}, 120_000);
afterAll(() => server.close());

const shopId = () => server.shop.shopId;
const exactNow = () => expectStatusCountsExact(server.database.db, shopId());
const changeRows = () => countRows(server.database.db, sql`select count(*) as n from order_status_count_changes`);

async function runJob(filter: OrderFilter, action: Record<string, unknown>): Promise<BulkJob> {
  const started = await server.owner.post<BulkJob>('/api/v1/bulk-jobs', { selection: { kind: 'filter', filter }, action });
  expect(started.status).toBe(202);
  return until(`bulk job ${started.body.id}`, async () => {
    const job = (await server.owner.get<BulkJob>(`/api/v1/bulk-jobs/${started.body.id}`)).body;
    return job.status === 'done' ? job : false;
  });
}

describe('tab counters', () => {
  it('stay exactly count(*) of every tab through the seed, the intake, bulk jobs and folds', async () => {
    const { db } = server.database;
    await seedOrders(db, { shopId: shopId(), orders: 150, seed: 3, now: new Date() });
    // another shop's orders in the same tables, which must stay out of this shop's counts
    const other = await createShop(db, { name: '옆 가게', ownerEmail: `next${Date.now()}@test.kr`, ownerName: '박옆집', ownerPassword: 'other-password-1' });
    await seedOrders(db, { shopId: other.shopId, orders: 20, seed: 4, now: new Date() });
    await exactNow();
    await expectStatusCountsExact(db, other.shopId);

    for (const method of ['card', 'virtual_account'] as const) {
      const payment = method === 'card' ? cardPayment(21000) : { method, amount: 21000, status: 'awaiting_deposit', gateway: 'toss', virtualAccount: { bank: '신한은행', accountNumber: '56211102345678', holder: '테스트샵' } };
      const res = await server.storefront.post('/api/v1/orders', { orderer: { name: '정하늘', phone: '010-4545-1212', guestPassword: 'pw12' }, addresses: [seoulAddress()], items: [{ productId: mug, quantity: 1 }], payment });
      expect(res.status).toBe(201);
    }
    await exactNow();

    const moved = await runJob({ unitStatuses: ['paid'] }, { type: 'start_preparing' });
    expect(moved.processed).toBeGreaterThan(0);
    await exactNow();
    expect(await changeRows()).toBeGreaterThan(0);
    expect(await foldOrderCounts(db)).toBeGreaterThan(0);
    expect(await changeRows()).toBe(0);
    await exactNow();

    await runJob({ unitStatuses: ['preparing'] }, { type: 'mark_ready_to_ship' });
    await runJob({ unitStatuses: ['awaiting_payment'] }, { type: 'cancel', reason: '품절' });
    await exactNow();
    // a fold with nothing to fold changes nothing
    await foldOrderCounts(db);
    expect(await foldOrderCounts(db)).toBe(0);
    await exactNow();
  }, 240_000);

  it('answer every default tab from the counters, exact, and agree with the list’s own total', async () => {
    const views = (await server.owner.get<ViewListResponse>('/api/v1/views')).body.views;
    const counts = (await server.owner.get<ViewCountsResponse>('/api/v1/views/counts')).body.counts;
    for (const v of views) {
      const count = counts.find((c) => c.viewId === v.id)!;
      const list = await server.owner.post<OrderListResponse>('/api/v1/orders/search', { filter: v.filter, limit: 1 });
      expect([count.count, count.exact], v.name).toEqual([await countOrders(server.database.db, shopId(), v.filter, new Date()), true]);
      expect([list.body.total, list.body.totalExact], v.name).toEqual([count.count, true]);
    }
  });
});

describe('a count that would be slow', () => {
  const filter: OrderFilter = { channels: ['own_mall'], memberType: 'guest' };

  it('is answered with the planner’s estimate, said to be one, and exactly when asked', async () => {
    const exact = await countOrders(server.database.db, shopId(), filter, new Date());
    expect(exact).toBeGreaterThan(0);
    const estimate = await server.owner.post<OrderCountResponse>('/api/v1/orders/count', { filter });
    expect(estimate.status).toBe(200);
    expect(estimate.body.exact).toBe(false);
    expect(estimate.body.total).toBeGreaterThanOrEqual(0);
    const asked = await server.owner.post<OrderCountResponse>('/api/v1/orders/count', { filter, exact: true });
    expect(asked.body).toEqual({ total: exact, exact: true });
    const page = await server.owner.post<OrderListResponse>('/api/v1/orders/search', { filter, limit: 1, exactTotal: true });
    expect([page.body.total, page.body.totalExact]).toEqual([exact, true]);
    const estimated = await server.owner.post<OrderListResponse>('/api/v1/orders/search', { filter, limit: 1 });
    expect(estimated.body.totalExact).toBe(false);
  });

  it('is not asked of a filter that selects nothing beyond statuses: a blank keyword or empty lists count from the counters', async () => {
    const all = (await server.owner.post<OrderCountResponse>('/api/v1/orders/count', { filter: {} })).body;
    expect(all.exact).toBe(true);
    const blank = await server.owner.post<OrderCountResponse>('/api/v1/orders/count', { filter: { keyword: '   ', channels: [], unitStatuses: [] } });
    expect(blank.body).toEqual(all);
  });

  it('named statuses cap the estimate: never more than the orders in those statuses', async () => {
    const statuses: OrderFilter = { unitStatuses: ['ready_to_ship'] };
    const inStatus = (await server.owner.post<OrderCountResponse>('/api/v1/orders/count', { filter: statuses })).body;
    expect(inStatus.exact).toBe(true);
    const narrowed = (await server.owner.post<OrderCountResponse>('/api/v1/orders/count', { filter: { ...statuses, amount: { min: 0 } } })).body;
    expect(narrowed.exact).toBe(false);
    expect(narrowed.total).toBeLessThanOrEqual(inStatus.total);
  });

  it('is exact on a server whose threshold the count stays under (the default)', async () => {
    const normal = await startTestServer();
    try {
      await seedOrders(normal.database.db, { shopId: normal.shop.shopId, orders: 30, seed: 8, now: new Date() });
      const res = await normal.owner.post<OrderCountResponse>('/api/v1/orders/count', { filter });
      expect(res.body).toEqual({ total: await countOrders(normal.database.db, normal.shop.shopId, filter, new Date()), exact: true });
    } finally {
      await normal.close();
    }
  }, 120_000);

  it('refuses an exact flag that is not a boolean, changing nothing', async () => {
    const res = await server.owner.post<{ error: { code: string } }>('/api/v1/orders/count', { filter, exact: 'yes' });
    expect([res.status, res.body.error.code]).toEqual([400, 'VALIDATION_FAILED']);
  });
});

describe('an exact count within a time budget (PostgreSQL)', () => {
  it.runIf(process.env.DATABASE_URL)('gives up on a count that runs past it, and leaves the caller’s timeout as it was', async () => {
    const { db } = server.database;
    const timeout = async (tx: typeof db | Parameters<Parameters<typeof db.transaction>[0]>[0]) =>
      (await queryRows<{ t: string }>(tx, sql`select current_setting('statement_timeout') as t`))[0]!.t;
    const slow = (tx: Parameters<Parameters<typeof countWithin>[2]>[0]) => countRows(tx, sql`select count(*) as n from pg_sleep(0.5)`);
    await db.transaction(async (tx) => {
      await tx.execute(sql`select set_config('statement_timeout', '20s', true)`);
      expect(await countWithin(tx, 50, slow)).toBeNull();
      expect(await timeout(tx)).toBe('20s');
      expect(await countWithin(tx, 5_000, (inner) => countRows(inner, sql`select count(*) as n from orders`))).toBeGreaterThan(0);
      expect(await timeout(tx)).toBe('20s');
    });
  });
});

/** The migrations folder up to 0015: a database as it was before the counters. */
async function migrationsBeforeCounters(): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), 'jumun-migrations-'));
  const journal = JSON.parse(await readFile(join(migrationsFolder, 'meta/_journal.json'), 'utf8')) as { entries: Array<{ tag: string }> };
  // the ones before it: the migrator applies only migrations newer than the last one applied
  const kept = journal.entries.slice(0, journal.entries.findIndex((e) => e.tag.startsWith('0015_')));
  await mkdir(join(folder, 'meta'));
  await writeFile(join(folder, 'meta/_journal.json'), JSON.stringify({ ...journal, entries: kept }));
  for (const e of kept) await copyFile(join(migrationsFolder, `${e.tag}.sql`), join(folder, `${e.tag}.sql`));
  return folder;
}

describe('migration 0015', () => {
  it('counts the orders a database already holds', async () => {
    const folder = await migrationsBeforeCounters();
    const scratch = process.env.DATABASE_URL ? await createScratchDatabase(process.env.DATABASE_URL) : null;
    let database: Database | null = null;
    try {
      database = await openDatabase(scratch ? { databaseUrl: scratch.url, migrate: false } : { dataDir: 'memory://', migrate: false });
      const migrateFrom = (migrationsFolder: string) =>
        database!.kind === 'postgres' ? migratePg(database!.db as Parameters<typeof migratePg>[0], { migrationsFolder }) : migratePglite(database!.db as Parameters<typeof migratePglite>[0], { migrationsFolder });
      await migrateFrom(folder);
      const shop = await createShop(database.db, { name: '오래된 가게', ownerEmail: `old${Date.now()}@test.kr`, ownerName: '이전부터', ownerPassword: 'old-password-1' });
      await seedOrders(database.db, { shopId: shop.shopId, orders: 80, seed: 2, now: new Date() });
      await migrateFrom(migrationsFolder);
      await expectStatusCountsExact(database.db, shop.shopId);
      expect(await countRows(database.db, sql`select count(*) as n from order_status_count_changes`)).toBe(0);
    } finally {
      await database?.close();
      await scratch?.drop();
      await rm(folder, { recursive: true, force: true });
    }
  }, 180_000);
});
