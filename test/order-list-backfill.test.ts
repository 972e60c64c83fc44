import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows, sql } from '../src/server/db/client';
import { backfillListColumns } from '../src/server/order-list/backfill';
import { seedOrders } from '../src/server/seed/seed';
import { searchAll } from './order-list-model';
import { startTestServer, type TestServer } from './support/server';

let server: TestServer;
const columns = () =>
  queryRows<Record<string, unknown>>(server.database.db, sql`
    select o.id, s.search_text, s.search_grams, s.search_digits, o.couriers, o.product_ids, o.regions, o.version
    from orders o left join order_search s on s.shop_id = o.shop_id and s.order_id = o.id
    where o.shop_id = ${server.shop.shopId} order by o.id`);

beforeAll(async () => {
  server = await startTestServer();
  await seedOrders(server.database.db, { shopId: server.shop.shopId, orders: 60, seed: 9, now: new Date() });
}, 300_000);
afterAll(() => server.close());

describe('orders written before the list columns and their search rows existed', () => {
  it('get exactly the columns the seed and the summary refresh compute, once', async () => {
    const computed = await columns();
    const [sample] = await queryRows<{ name: string }>(server.database.db, sql`select orderer_name as name from orders where shop_id = ${server.shop.shopId} limit 1`);
    // what migration 0003 left behind on an existing database, and 0014 for the orders 0003 had left empty
    await server.database.db.execute(sql`update orders set couriers = '{}', product_ids = '{}', regions = '{}'`);
    await server.database.db.execute(sql`delete from order_search`);
    expect((await searchAll(server.owner, { keyword: sample!.name })).ids).toEqual([]);

    expect(await backfillListColumns(server.database.db, { batchSize: 7 })).toBe(60);
    expect(await columns()).toEqual(computed);
    expect((await searchAll(server.owner, { keyword: sample!.name })).ids.length).toBeGreaterThan(0);
    expect(await backfillListColumns(server.database.db)).toBe(0);
  });
});
