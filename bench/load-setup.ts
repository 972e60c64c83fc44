import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openDatabase, queryRows, sql, type Database, type Db } from '../src/server/db/client';
import { auditOrder } from '../src/server/orders/audit';
import { seedOrders } from '../src/server/seed/seed';
import { createShop, createStaff } from '../src/server/shops/service';
import type { ClientPlan, SessionAuth } from './load-types';

const PASSWORD = 'load-password-1';

export interface LoadDatabase {
  database: Database;
  /** Where it lives, for the report. */
  label: string;
  /** Closes it and removes it: the PGlite folder, or the PostgreSQL database. */
  drop(): Promise<void>;
}

/** A fresh database of the run's own: a temporary PGlite folder, or `jumun_load_<random>` on the PostgreSQL server at `serverUrl`. */
export async function openLoadDatabase(serverUrl: string | null): Promise<LoadDatabase> {
  if (serverUrl === null) {
    const dir = mkdtempSync(join(tmpdir(), 'jumun-load-'));
    const database = await openDatabase({ dataDir: dir });
    const drop = async () => {
      await database.close();
      rmSync(dir, { recursive: true, force: true });
    };
    return { database, label: `PGlite (embedded) in ${dir}`, drop };
  }
  const name = `jumun_load_${randomBytes(4).toString('hex')}`;
  const admin = new URL(serverUrl);
  admin.pathname = '/postgres';
  const target = new URL(serverUrl);
  target.pathname = `/${name}`;
  const onAdmin = async (statement: string) => {
    const client = new pg.Client({ connectionString: admin.toString() });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  await onAdmin(`create database ${name}`);
  const database = await openDatabase({ databaseUrl: target.toString() }).catch(async (error: unknown) => {
    await onAdmin(`drop database if exists ${name} with (force)`);
    throw error;
  });
  return {
    database,
    label: `PostgreSQL database ${name} on ${admin.host}`,
    drop: async () => {
      // the pool may wait for a client still in use (an interrupted run): `with (force)` ends it anyway
      await Promise.race([database.close().catch(() => undefined), new Promise((resolve) => setTimeout(resolve, 5000).unref())]);
      await onAdmin(`drop database if exists ${name} with (force)`);
    },
  };
}

/** A shop with `orders` seeded orders (seed 1, as `npm run bench`), statistics fresh. */
export async function seedShop(db: Db, orders: number, log: (line: string) => void): Promise<number> {
  const { shopId } = await createShop(db, { name: '부하시험샵', ownerEmail: 'load-owner@jumun.local', ownerName: '부하', ownerPassword: PASSWORD });
  const started = performance.now();
  let last = 0;
  await seedOrders(db, {
    shopId,
    orders,
    now: new Date(),
    onProgress: (done, total) => {
      if (done - last >= total / 5) {
        last = done;
        log(`  seeded ${done.toLocaleString('en')} / ${total.toLocaleString('en')}`);
      }
    },
  });
  log(`  seeded in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  // PGlite has no autovacuum, and the PostgreSQL server of these machines runs with it off
  await db.execute(sql`vacuum analyze`);
  return shopId;
}

function cookieOf(res: Response, name: string): string {
  const pair = res.headers.getSetCookie().map((c) => c.split(';')[0] ?? '').find((c) => c.startsWith(`${name}=`));
  if (!pair) throw new Error(`no ${name} cookie in the answer to ${res.url}`);
  return pair;
}

/** Signs in over HTTP as the admin does, and asks the CSRF token its changes must carry. */
async function signIn(baseUrl: string, email: string): Promise<Omit<SessionAuth, 'staffId'>> {
  const login = await fetch(`${baseUrl}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: PASSWORD }) });
  if (login.status !== 204) throw new Error(`sign-in of ${email}: ${login.status} ${await login.text()}`);
  const session = cookieOf(login, 'jumun_session');
  const csrf = await fetch(`${baseUrl}/api/v1/auth/csrf-token`, { headers: { cookie: session } });
  if (csrf.status !== 200) throw new Error(`csrf token of ${email}: ${csrf.status} ${await csrf.text()}`);
  const { token } = (await csrf.json()) as { token: string };
  return { cookie: `${session}; ${cookieOf(csrf, 'jumun_csrf')}`, csrfToken: token };
}

/** `count` staff accounts (role staff), each signed in: one session per connection. */
export async function staffSessions(db: Db, baseUrl: string, shopId: number, count: number): Promise<SessionAuth[]> {
  const sessions: SessionAuth[] = [];
  for (let i = 0; i < count; i += 5) {
    const batch = Array.from({ length: Math.min(5, count - i) }, (_, j) => i + j + 1);
    sessions.push(
      ...(await Promise.all(
        batch.map(async (n) => {
          const email = `load-staff-${n}@jumun.local`;
          const staffId = await createStaff(db, shopId, { email, name: `부하 직원 ${n}`, role: 'staff', password: PASSWORD });
          return { staffId, ...(await signIn(baseUrl, email)) };
        }),
      )),
    );
  }
  return sessions;
}

const ids = (rows: { id: string }[]) => rows.map((r) => Number(r.id));

/** The first `limit` of `candidates` auditOrder finds sound (some seeded orders are not), so a problem after the run is the run's. */
async function sound(db: Db, shopId: number, candidates: readonly number[], limit: number): Promise<number[]> {
  const chosen: number[] = [];
  for (const orderId of candidates) {
    if (chosen.length === limit) break;
    if ((await auditOrder(db, shopId, orderId)).length === 0) chosen.push(orderId);
  }
  return chosen;
}

/**
 * The orders of the mix, drawn from the seeded ones. Hot orders have no claim and every unit in
 * 결제완료, 상품준비중 or 배송대기, so they can be moved back and forth all run long; deposit orders
 * have exactly one pending 무통장/가상계좌 payment of their own and units awaiting it. Both are
 * orders auditOrder finds sound before the run.
 */
export async function pickOrders(db: Db, shopId: number, hot: number, sessions: number): Promise<Pick<ClientPlan, 'hotOrders' | 'readOrders' | 'depositOrders' | 'keywords'>> {
  const noClaim = sql`not exists (select 1 from claims c where c.shop_id = o.shop_id and c.order_id = o.id)`;
  const hotCandidates = await queryRows<{ id: string }>(
    db,
    sql`select o.id::text from orders o where o.shop_id = ${shopId} and ${noClaim}
          and exists (select 1 from shipment_groups g where g.shop_id = o.shop_id and g.order_id = o.id)
          and not exists (select 1 from shipment_groups g where g.shop_id = o.shop_id and g.order_id = o.id and g.status not in ('paid', 'preparing', 'ready_to_ship'))
        order by random() limit ${hot * 2}`,
  );
  const hotOrders = await sound(db, shopId, ids(hotCandidates), hot);
  if (hotOrders.length === 0) throw new Error('no seeded order has all its units in paid, preparing or ready_to_ship: seed more orders');
  const pendingOwn = sql`p.shop_id = o.shop_id and p.order_id = o.id and p.status = 'pending' and p.method in ('bank_transfer', 'virtual_account') and p.payment_request_id is null`;
  const depositCandidates = await queryRows<{ id: string }>(
    db,
    sql`select o.id::text from orders o where o.shop_id = ${shopId} and ${noClaim}
          and (select count(*) from payments p where ${pendingOwn}) = 1
          and exists (select 1 from shipment_groups g where g.shop_id = o.shop_id and g.order_id = o.id and g.status = 'awaiting_payment')
        order by o.id`,
  );
  const deposits = await sound(db, shopId, ids(depositCandidates), Infinity);
  const depositOrders = Array.from({ length: sessions }, (_, s) => deposits.filter((_, i) => i % sessions === s));
  const readOrders = ids(await queryRows<{ id: string }>(db, sql`select id::text from orders where shop_id = ${shopId} order by random() limit 2000`));
  const people = await queryRows<{ orderer_name: string; orderer_phone: string; order_number: string }>(
    db,
    sql`select orderer_name, orderer_phone, order_number from orders where shop_id = ${shopId} order by random() limit 50`,
  );
  const keywords = people.flatMap((p) => [p.orderer_name.slice(-2), p.orderer_phone.replace(/\D/g, '').slice(-4), p.order_number]);
  return { hotOrders, readOrders, depositOrders, keywords };
}
