import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BulkJob } from '../src/contracts/bulk-jobs';
import type { OrderDetail } from '../src/contracts/orders';
import { openDatabase, queryRows, sql, type Database } from '../src/server/db/client';
import { seedOrders } from '../src/server/seed/seed';
import { createShop } from '../src/server/shops/service';
import { cardPayment, seoulAddress } from './support/fixtures';
import { HttpClient } from './support/server';
import { adminStatement } from './support/postgres-admin';
import { until } from './support/until';

/**
 * Two app server processes on one PostgreSQL database, as behind a load balancer: a request may
 * land on either, and nothing is done twice — idempotent requests, bulk jobs (even when one server
 * is killed mid-job) and scheduled work. PGlite is one process by nature: PostgreSQL only.
 */
const serverUrl = process.env.DATABASE_URL;
const ORDERS = 1_500;

interface Server {
  process: ChildProcess;
  url: string;
  exited: Promise<number | null>;
}

function startServer(databaseUrl: string, label: string): Promise<Server> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: '0',
      JUMUN_DEMO_ORDERS: '0',
      JUMUN_TASK_INTERVALS: 'expired-sessions=300,stale-sign-in-throttles=300',
      JUMUN_BULK_STALE_AFTER_MS: '3000',
      JUMUN_SCHEDULER_POLL_MS: '100',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const found = /Jumun is serving (http:\/\/[^\s]+)/.exec(output);
      if (found) resolve({ process: child, url: found[1]!, exited });
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    void exited.then((code) => reject(new Error(`server ${label} exited (${code}) before serving:\n${output}`)));
  });
}

describe.skipIf(!serverUrl)('two app servers on one PostgreSQL database', () => {
  const name = `jumun_test_two_${Date.now()}_${randomBytes(3).toString('hex')}`;
  let database: Database;
  let a: Server;
  let b: Server;
  let onA: HttpClient;
  let onB: HttpClient;
  let apiKey: string;
  let shopId: number;

  beforeAll(async () => {
    await adminStatement(`CREATE DATABASE ${name}`);
    const url = new URL(serverUrl!);
    url.pathname = `/${name}`;
    database = await openDatabase({ databaseUrl: url.toString() });
    const shop = await createShop(database.db, { name: '두 서버 테스트샵', ownerEmail: `two-${name}@test.kr`, ownerName: '김주인', ownerPassword: 'owner-password-1' });
    ({ apiKey, shopId } = shop);
    await seedOrders(database.db, { shopId, orders: ORDERS, seed: 11, now: new Date() });
    [a, b] = await Promise.all([startServer(url.toString(), 'A'), startServer(url.toString(), 'B')]);
    onA = new HttpClient(a.url);
    expect((await onA.post('/api/v1/auth/login', { email: shop.ownerEmail, password: 'owner-password-1' })).status).toBe(204);
    onB = onA.on(b.url);
  }, 240_000);

  afterAll(async () => {
    for (const server of [a, b]) {
      if (server && server.process.exitCode === null && server.process.signalCode === null) {
        server.process.kill('SIGTERM');
        await server.exited;
      }
    }
    await database?.close();
    await adminStatement(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  });

  it('serves one session on either server: signed in on one, working on the other', async () => {
    expect((await onB.get<{ staff: { role: string } }>('/api/v1/auth/me')).body.staff.role).toBe('owner');
    const search = await onB.post<{ items: unknown[] }>('/api/v1/orders/search', { limit: 5 });
    expect(search.status).toBe(200);
    expect(search.body.items).toHaveLength(5);
  });

  it('creates one order per Idempotency-Key when the same checkout reaches both servers at once', async () => {
    const checkout = (n: number) => ({
      orderer: { name: '양서버', phone: '010-2222-3333', guestPassword: '1234' },
      addresses: [seoulAddress()],
      items: [{ custom: { name: `두 서버 머그컵 ${n}`, unitPrice: 15000 }, quantity: 1, addressIndex: 0 }],
      shippingFee: 0,
      payment: cardPayment(15000),
    });
    const storefrontA = new HttpClient(a.url, { authorization: `Bearer ${apiKey}` });
    const storefrontB = new HttpClient(b.url, { authorization: `Bearer ${apiKey}` });
    for (let n = 0; n < 8; n++) {
      const key = `checkout-${name}-${n}`;
      const body = checkout(n);
      const [first, second] = await Promise.all([storefrontA.post<OrderDetail>('/api/v1/orders', body, { 'idempotency-key': key }), storefrontB.post<OrderDetail>('/api/v1/orders', body, { 'idempotency-key': key })]);
      expect([first.status, second.status]).toEqual([201, 201]);
      expect(first.body.id).toBe(second.body.id);
      expect([first.headers.get('idempotent-replayed'), second.headers.get('idempotent-replayed')].filter((h) => h === 'true')).toHaveLength(1);
    }
    const [count] = await queryRows<{ n: string }>(database.db, sql`select count(*) as n from order_items where shop_id = ${shopId} and product_name like '두 서버 머그컵 %'`);
    expect(Number(count!.n)).toBe(8);
  });

  it('lets only one of two simultaneous changes of the same order version through', async () => {
    const { items } = (await onA.post<{ items: Array<{ id: number }> }>('/api/v1/orders/search', { limit: 1, filter: { unitStatuses: ['paid'] } })).body;
    const order = (await onA.get<OrderDetail>(`/api/v1/orders/${items[0]!.id}`)).body;
    const group = order.shipmentGroups.find((g) => g.status === 'paid')!;
    const change = { expectedVersion: order.version, changes: [{ shipmentGroupId: group.id, itemId: group.items[0]!.itemId, quantity: 1, to: 'preparing' }] };
    const answers = await Promise.all([onA.post(`/api/v1/orders/${order.id}/status-changes`, change), onB.post(`/api/v1/orders/${order.id}/status-changes`, change)]);
    expect(answers.map((r) => r.status).sort()).toEqual([200, 409]);
    expect((await onB.get<OrderDetail>(`/api/v1/orders/${order.id}`)).body.version).toBe(order.version + 1);
  });

  it('runs every bulk job once per order, even when the server working it is killed (kill -9) mid-job', async () => {
    const jobs: number[] = [];
    for (const [client, n] of [[onA, 1], [onB, 2], [onA, 3], [onB, 4]] as const) {
      const res = await client.post<BulkJob>('/api/v1/bulk-jobs', { selection: { kind: 'filter', filter: {} }, action: { type: 'add_memo', body: `두 서버 일괄 메모 ${n}` } });
      expect(res.status).toBe(202);
      jobs.push(res.body.id);
    }
    // the server that took the last job's first batch dies without a word; the other takes over
    a.process.kill('SIGKILL');
    await a.exited;
    const states = await until(
      'every job done',
      async () => {
        const now = await Promise.all(jobs.map(async (id) => (await onB.get<BulkJob>(`/api/v1/bulk-jobs/${id}`)).body));
        return now.every((j) => j.status === 'done') ? now : null;
      },
      180,
    );
    for (const job of states) expect(job).toMatchObject({ done: job.total, processed: job.total, failed: 0 });
    const twice = await queryRows(
      database.db,
      sql`select order_id, payload->>'body' as body, count(*) as n from memos m join lateral (select json_build_object('body', m.body) as payload) p on true
          where m.shop_id = ${shopId} and m.body like '두 서버 일괄 메모 %' group by order_id, payload->>'body' having count(*) <> 1`,
    );
    expect(twice).toEqual([]);
    const [memos] = await queryRows<{ n: string }>(database.db, sql`select count(*) as n from memos where shop_id = ${shopId} and body like '두 서버 일괄 메모 %'`);
    expect(Number(memos!.n)).toBe(states.reduce((sum, j) => sum + j.total, 0));
    const events = await queryRows<{ n: string }>(database.db, sql`select count(*) as n from timeline_events where shop_id = ${shopId} and type = 'memo_added'`);
    expect(Number(events[0]!.n)).toBeGreaterThanOrEqual(Number(memos!.n));
  });

  it('ran the scheduled work once per slot, one run at a time, shared by the servers', async () => {
    type Run = { slot: Date | string; runner: string; started_at: Date | string; finished_at: Date | string | null };
    const runs = await until('a few runs of the task', async () => {
      const found = await queryRows<Run>(database.db, sql`select slot, runner, started_at, finished_at from scheduled_task_runs where name = 'expired-sessions' order by slot`);
      return found.length >= 4 ? found : null;
    });
    for (let i = 1; i < runs.length; i++) {
      const previous = runs[i - 1]!;
      if (previous.finished_at === null) continue; // the killed server's last run
      expect(new Date(runs[i]!.started_at).getTime()).toBeGreaterThanOrEqual(new Date(previous.finished_at).getTime());
      expect(new Date(runs[i]!.slot).getTime() - new Date(previous.slot).getTime()).toBeGreaterThanOrEqual(300);
    }
  });
});
