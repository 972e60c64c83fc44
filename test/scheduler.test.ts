import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countRows, queryRows, sql, type Database } from '../src/server/db/client';
import { Scheduler, type ScheduledTask } from '../src/server/scheduler/scheduler';
import { standardTasks } from '../src/server/scheduler/tasks';
import { createShop } from '../src/server/shops/service';
import { openTestDatabase } from './support/database';
import { until } from './support/until';

/**
 * Scheduled work with several app servers on one database: two schedulers (as two servers would
 * run) share every task, and no run is ever done twice or overlaps another run of its task.
 */
let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database?.close());

const runsOf = (name: string) =>
  queryRows<{ slot: Date | string; runner: string; started_at: Date | string; finished_at: Date | string | null; outcome: string }>(
    database.db,
    sql`select slot, runner, started_at, finished_at, outcome from scheduled_task_runs where name = ${name} order by slot`,
  );


describe('the scheduler', () => {
  it('runs each due slot once, never two runs of a task at the same time, whichever server gets there', async () => {
    let inFlight = 0;
    let mostAtOnce = 0;
    let runs = 0;
    const task: ScheduledTask = {
      name: 'test-tick',
      intervalMs: 150,
      run: async () => {
        inFlight++;
        mostAtOnce = Math.max(mostAtOnce, inFlight);
        runs++;
        // long enough that the other server looks while this run is still going
        await new Promise((resolve) => setTimeout(resolve, 40));
        inFlight--;
        return { run: runs };
      },
    };
    const a = new Scheduler(database.db, [task], { leaseMs: 60_000 });
    const b = new Scheduler(database.db, [task], { leaseMs: 60_000 });
    await until('eight runs', async () => {
      await Promise.all([a.tick(), b.tick(), a.tick(), b.tick()]);
      return runs >= 8;
    });
    expect(mostAtOnce).toBe(1);
    const recorded = await runsOf('test-tick');
    expect(recorded).toHaveLength(runs);
    expect(recorded.every((r) => r.outcome === 'done')).toBe(true);
    expect(new Set(recorded.map((r) => new Date(r.slot).getTime())).size).toBe(recorded.length);
    // one run after the other: each starts after the previous one finished
    for (let i = 1; i < recorded.length; i++) expect(new Date(recorded[i]!.started_at).getTime()).toBeGreaterThanOrEqual(new Date(recorded[i - 1]!.finished_at!).getTime());
    expect(new Set(recorded.map((r) => r.runner)).size).toBeGreaterThanOrEqual(1);
  });

  it('lets another server take a task whose server died mid-run once its lease ran out, without running that slot again', async () => {
    let started = 0;
    const hangs: ScheduledTask = { name: 'test-crash', intervalMs: 100, run: () => new Promise(() => void started++) };
    const doomed = new Scheduler(database.db, [hangs], { leaseMs: 400 });
    await until('the first server to start the run', async () => {
      void doomed.tick();
      return started > 0;
    });
    // the first server is gone for good; the second finds the lease, then takes over after it expires
    let finished = 0;
    const works: ScheduledTask = { name: 'test-crash', intervalMs: 100, run: async () => ({ run: ++finished }) };
    const survivor = new Scheduler(database.db, [works], { leaseMs: 400 });
    await until('the survivor to run the task', async () => {
      await survivor.tick();
      return finished >= 1;
    });
    const recorded = await runsOf('test-crash');
    expect(recorded[0]).toMatchObject({ runner: doomed.runnerId, outcome: 'running', finished_at: null });
    expect(recorded.slice(1).every((r) => r.runner === survivor.runnerId && r.outcome === 'done')).toBe(true);
  });

  it('keeps the upkeep: expired staff and buyer sessions, used hand-off nonces, old idempotency keys and stale throttles go, the rest stays', async () => {
    const shop = await createShop(database.db, { name: '청소 테스트샵', ownerEmail: `upkeep-${Date.now()}@test.kr`, ownerName: '김주인', ownerPassword: 'owner-password-1' });
    await database.db.execute(sql`insert into sessions (shop_id, token_hash, staff_id, expires_at) values
      (${shop.shopId}, 'expired', 1, now() - interval '1 hour'), (${shop.shopId}, 'live', 1, now() + interval '1 hour')`);
    await database.db.execute(sql`insert into buyer_sessions (shop_id, token_hash, kind, order_id, expires_at) values
      (${shop.shopId}, 'expired', 'guest', 1, now() - interval '1 hour'), (${shop.shopId}, 'live', 'guest', 1, now() + interval '1 hour')`);
    await database.db.execute(sql`insert into buyer_handoff_nonces (shop_id, nonce, expires_at) values
      (${shop.shopId}, 'expired', now() - interval '1 hour'), (${shop.shopId}, 'live', now() + interval '1 minute')`);
    await database.db.execute(sql`insert into idempotency_keys (shop_id, scope, key, request_hash, response_status, response_body, created_at) values
      (${shop.shopId}, 'api:1', 'old', 'h', 200, '{}', now() - interval '8 days'), (${shop.shopId}, 'api:1', 'recent', 'h', 200, '{}', now() - interval '1 hour')`);
    await database.db.execute(sql`insert into sign_in_throttles (subject, failures, last_failure_at) values
      ('account:old@test.kr', 3, now() - interval '2 days'), ('account:recent@test.kr', 3, now())`);
    const everySoon = Object.fromEntries(standardTasks(database.kind).map((t) => [t.name, 50]));
    const scheduler = new Scheduler(database.db, standardTasks(database.kind, everySoon));
    await until('every upkeep task to have run', async () => {
      await scheduler.tick();
      return (await countRows(database.db, sql`select count(distinct name) as n from scheduled_task_runs where name not like 'test-%' and outcome = 'done'`)) === standardTasks(database.kind).length;
    });
    expect(await queryRows(database.db, sql`select token_hash from sessions where shop_id = ${shop.shopId}`)).toEqual([{ token_hash: 'live' }]);
    expect(await queryRows(database.db, sql`select token_hash from buyer_sessions where shop_id = ${shop.shopId}`)).toEqual([{ token_hash: 'live' }]);
    expect(await queryRows(database.db, sql`select nonce from buyer_handoff_nonces where shop_id = ${shop.shopId}`)).toEqual([{ nonce: 'live' }]);
    expect(await queryRows(database.db, sql`select key from idempotency_keys where shop_id = ${shop.shopId}`)).toEqual([{ key: 'recent' }]);
    expect(await queryRows(database.db, sql`select subject from sign_in_throttles where subject like 'account:%@test.kr' order by subject`)).toEqual([{ subject: 'account:recent@test.kr' }]);
    const failed = await queryRows(database.db, sql`select name, detail from scheduled_task_runs where outcome = 'failed'`);
    expect(failed).toEqual([]);
  });
});
