import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BulkJob } from '../src/contracts/bulk-jobs';
import { queryRows, sql } from '../src/server/db/client';
import { runPgliteUpkeep, upkeepPlan, type TableActivity } from '../src/server/scheduler/pglite-upkeep';
import { seedOrders } from '../src/server/seed/seed';
import { startTestServer, type TestServer } from './support/server';
import { until } from './support/until';

const table = (over: Partial<TableActivity>): TableActivity => ({ table: 'orders', rows: 100_000, live: 100_000, dead: 0, insertedSinceVacuum: 0, modifiedSinceAnalyze: 0, ...over });

describe('which tables the upkeep looks after', () => {
  it('vacuums past 50 + 10% dead rows or 1,000 + 10% inserts, analyzes past 50 + 5% changed rows, and leaves quiet tables alone', () => {
    expect(upkeepPlan([table({ dead: 10_050, modifiedSinceAnalyze: 5_050 })])).toEqual([]);
    expect(upkeepPlan([table({ dead: 10_051 })])).toEqual([{ table: 'orders', vacuum: true, analyze: true }]);
    expect(upkeepPlan([table({ insertedSinceVacuum: 11_001 })])).toEqual([{ table: 'orders', vacuum: true, analyze: true }]);
    expect(upkeepPlan([table({ modifiedSinceAnalyze: 5_051 })])).toEqual([{ table: 'orders', vacuum: false, analyze: true }]);
    // a table never vacuumed nor analyzed (reltuples -1) is measured by its live rows
    expect(upkeepPlan([table({ table: 'memos', rows: -1, live: 10, insertedSinceVacuum: 1_002 })])).toEqual([{ table: 'memos', vacuum: true, analyze: true }]);
  });
});

// PGlite's own: a PostgreSQL server has autovacuum, which may get there first
describe.skipIf(process.env.DATABASE_URL)('the upkeep after a bulk job (what PGlite has instead of autovacuum)', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
    await seedOrders(server.database.db, { shopId: server.shop.shopId, orders: 600, seed: 5, now: new Date() });
  });
  afterAll(() => server?.close());

  const ordersActivity = async () => {
    await server.database.db.execute(sql`select pg_stat_force_next_flush()`);
    const [row] = await queryRows<{ dead: number | string; vacuumed: Date | null }>(
      server.database.db,
      sql`select n_dead_tup as dead, coalesce(last_vacuum, last_autovacuum) as vacuumed from pg_stat_user_tables where relname = 'orders'`,
    );
    return { dead: Number(row?.dead ?? 0), vacuumed: row?.vacuumed ?? null };
  };

  it('clears the dead rows a bulk memo over every order left, then has nothing to do until the next change', async () => {
    await runPgliteUpkeep(server.database.db); // what the seed's inserts called for
    const started = await server.owner.post<BulkJob>('/api/v1/bulk-jobs', { selection: { kind: 'filter', filter: {} }, action: { type: 'add_memo', body: '정기 점검 메모' } });
    expect(started.status).toBe(202);
    const job = await until('the bulk memo finished', async () => {
      const res = await server.owner.get<BulkJob>(`/api/v1/bulk-jobs/${started.body.id}`);
      return res.body.status !== 'queued' && res.body.status !== 'running' && res.body;
    });
    expect(job).toMatchObject({ status: 'done', processed: 600 });
    expect((await ordersActivity()).dead).toBeGreaterThan(100);

    const report = await runPgliteUpkeep(server.database.db);
    expect(report.vacuumed).toContain('orders');
    // 600 new memos are fewer inserts than call for a VACUUM, but enough changed rows for fresh statistics
    expect([...report.vacuumed, ...report.analyzed]).toEqual(expect.arrayContaining(['memos', 'timeline_events']));
    const after = await ordersActivity();
    expect(after).toMatchObject({ dead: 0 });
    expect(after.vacuumed).not.toBeNull();

    expect(await runPgliteUpkeep(server.database.db)).toEqual({ vacuumed: [], analyzed: [] });
  });
});
