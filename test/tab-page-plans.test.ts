import { and, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../src/server/db/client';
import { orders } from '../src/server/db/schema/index';
import { whereOf } from '../src/server/order-list/queries';
import { orderByOf } from '../src/server/order-list/sort';
import { DEFAULT_VIEWS } from '../src/server/views/default-views';
import { startTestServer, type TestServer } from './support/server';

/**
 * Every default tab's page comes out of an index in its own order: at a million orders a tab
 * that had to be sorted read all its orders (15,000–23,000 for 배송대기 and 배송중, 90–140 ms) for
 * each page. With sorting priced out of reach, a plan that still sorts has no index to read in
 * order; the statement is the list's own WHERE and ORDER BY (queries.ts, sort.ts).
 */
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

describe('tab pages', () => {
  it.each(DEFAULT_VIEWS.map((v) => [v.name, v] as const))('%s is read in index order, no sort', async (_name, view) => {
    const plan = await server.database.db.transaction(async (tx) => {
      await tx.execute(sql`set local enable_sort = off`);
      await tx.execute(sql`set local enable_seqscan = off`);
      const statement = sql`select ${orders.id} from ${orders} where ${and(whereOf(server.shop.shopId, view.filter, new Date()))} order by ${orderByOf(view.sort)} limit 101`;
      const rows = await queryRows<{ 'QUERY PLAN': string }>(tx, sql`explain ${statement}`);
      return rows.map((r) => r['QUERY PLAN']).join('\n');
    });
    expect(plan).not.toMatch(/Sort/);
  });
});
