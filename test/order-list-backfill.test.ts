import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows, sql } from '../src/server/db/client';
import { backfillListColumns } from '../src/server/order-list/backfill';
import { seedOrders } from '../src/server/seed/seed';
import { searchAll } from './order-list-model';
import { startTestServer, type TestServer } from './support/server';

let server: TestServer;
const columns = () =>
  queryRows<Record<string, unknown>>(server.database.db, sql`
    select id, search_text, search_grams, search_digits, couriers, product_ids, regions from orders where shop_id = ${server.shop.shopId} order by id`);

beforeAll(async () => {
  server = await startTestServer();
  await seedOrders(server.database.db, { shopId: server.shop.shopId, orders: 60, seed: 9, now: new Date() });
}, 300_000);
afterAll(() => server.close());

describe('orders written before the list columns existed', () => {
  it('get exactly the columns the seed and the summary refresh compute, once', async () => {
    const computed = await columns();
    const [sample] = await queryRows<{ name: string }>(server.database.db, sql`select orderer_name as name from orders where shop_id = ${server.shop.shopId} limit 1`);
    // what migration 0003 leaves behind on an existing database
    await server.database.db.execute(sql`update orders set search_text = '', search_grams = '{}', search_digits = '{}', couriers = '{}', product_ids = '{}', regions = '{}'`);
    expect((await searchAll(server.owner, { keyword: sample!.name })).ids).toEqual([]);

    expect(await backfillListColumns(server.database.db, { batchSize: 7 })).toBe(60);
    expect(await columns()).toEqual(computed);
    expect((await searchAll(server.owner, { keyword: sample!.name })).ids.length).toBeGreaterThan(0);
    expect(await backfillListColumns(server.database.db)).toBe(0);
  });
});
