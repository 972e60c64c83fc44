import { rmSync } from 'node:fs';
import pg from 'pg';
import { openDatabase, queryRows, sql, type Database, TOOL_TIMEOUTS } from '../src/server/db/client';
import { seedOrders } from '../src/server/seed/seed';
import { createShop, createStaff } from '../src/server/shops/service';

export interface BenchTarget {
  name: 'pglite' | 'postgres';
  orders: number;
  /** PGlite data folder or PostgreSQL database URL. */
  location: string;
}

export interface Prepared {
  database: Database;
  shopId: number;
  email: string;
  password: string;
  seededNow: boolean;
}

const PASSWORD = 'bench-password-1';

/** The shop holding at least `orders` orders, if the database has one. */
async function seededShop(database: Database, orders: number): Promise<number | null> {
  const rows = await queryRows<{ shop_id: string; n: string }>(database.db, sql`select shop_id::text, count(*)::text as n from orders group by shop_id order by 2 desc limit 1`);
  const top = rows[0];
  return top && Number(top.n) >= orders ? Number(top.shop_id) : null;
}

async function recreatePostgresDatabase(url: string): Promise<void> {
  const target = new URL(url);
  const name = target.pathname.slice(1);
  if (!/^[a-z0-9_]+$/.test(name) || name === 'postgres' || name === 'test') throw new Error(`refusing to recreate database "${name}"`);
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    await client.query(`drop database if exists ${name} with (force)`);
    await client.query(`create database ${name}`);
  } finally {
    await client.end();
  }
}

/**
 * Opens the target's database, seeding it when it holds fewer orders than asked (or `fresh`),
 * and adds a staff member to sign in with. Seeding is deterministic (seed 1), so two runs measure
 * the same orders.
 */
export async function prepareTarget(t: BenchTarget, fresh: boolean, log: (line: string) => void): Promise<Prepared> {
  let database = t.name === 'postgres' ? await openDatabase({ databaseUrl: t.location, timeouts: TOOL_TIMEOUTS }).catch(async () => null) : await openDatabase({ dataDir: t.location, timeouts: TOOL_TIMEOUTS });
  let shopId = database && !fresh ? await seededShop(database, t.orders) : null;
  let seededNow = false;
  if (shopId === null) {
    await database?.close();
    if (t.name === 'postgres') await recreatePostgresDatabase(t.location);
    else rmSync(t.location, { recursive: true, force: true });
    database = t.name === 'postgres' ? await openDatabase({ databaseUrl: t.location, timeouts: TOOL_TIMEOUTS }) : await openDatabase({ dataDir: t.location, timeouts: TOOL_TIMEOUTS });
    const shop = await createShop(database.db, { name: '벤치마크샵', ownerEmail: `bench-owner-${Date.now()}@jumun.local`, ownerName: '벤치', ownerPassword: PASSWORD });
    shopId = shop.shopId;
    log(`seeding ${t.orders.toLocaleString('en')} orders into ${t.name} …`);
    const started = performance.now();
    let last = 0;
    await seedOrders(database.db, {
      shopId,
      orders: t.orders,
      now: new Date(),
      onProgress: (done, total) => {
        if (done - last >= total / 10) {
          last = done;
          log(`  ${done.toLocaleString('en')} / ${total.toLocaleString('en')}`);
        }
      },
    });
    log(`seeded in ${((performance.now() - started) / 1000).toFixed(0)} s`);
    seededNow = true;
  }
  if (!database) throw new Error('no database');
  // as autovacuum would leave the tables some minutes after a load or a bulk job: statistics fresh,
  // dead rows of earlier runs' bulk jobs gone and the visibility map set (index-only counts need
  // it). The PostgreSQL server of these machines runs with autovacuum off, and PGlite has none.
  log('vacuum analyze …');
  await database.db.execute(sql`vacuum analyze`);
  const email = `bench-${Date.now()}@jumun.local`;
  await createStaff(database.db, shopId, { email, name: '벤치 직원', role: 'manager', password: PASSWORD });
  return { database, shopId, email, password: PASSWORD, seededNow };
}
