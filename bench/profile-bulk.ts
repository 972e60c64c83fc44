import { performance } from 'node:perf_hooks';
import { queryRows, sql } from '../src/server/db/client';
import { processMoveBatch, type BatchJob } from '../src/server/bulk-jobs/batch-moves';
import { prepareTarget } from './target';

import pg from 'pg';
// time every statement by its first words (pg only): where a batch's database time goes
const spent = new Map<string, { ms: number; n: number }>();
const original = pg.Client.prototype.query as (...args: unknown[]) => unknown;
(pg.Client.prototype as unknown as { query: unknown }).query = function (this: unknown, ...args: unknown[]) {
  const first = args[0] as string | { text: string };
  const text = (typeof first === 'string' ? first : first?.text ?? '').replace(/\s+/g, ' ').slice(0, 70);
  const t0 = performance.now();
  const result = original.apply(this, args) as Promise<unknown> | undefined;
  if (result && typeof (result as Promise<unknown>).then === 'function') {
    return (result as Promise<unknown>).finally(() => {
      const e = spent.get(text) ?? { ms: 0, n: 0 };
      e.ms += performance.now() - t0;
      e.n++;
      spent.set(text, e);
    });
  }
  return result;
};

/** Throwaway profile of bulk batches: each batch in a transaction rolled back, so it repeats. */
const url = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/jumun_bench';
const orders = Number(process.env.PROFILE_ORDERS ?? 1_000_000);
const prepared = await prepareTarget({ name: url.startsWith('postgres') ? 'postgres' : 'pglite', orders, location: url }, false, console.log);
const { database, shopId } = prepared;
const [staff] = await queryRows<{ id: string; name: string }>(database.db, sql`select id::text, name from staff where shop_id = ${shopId} order by id limit 1`);
const actor = { kind: 'staff' as const, id: Number(staff!.id), name: staff!.name };
class Rollback extends Error {}

const kinds = (process.env.PROFILE_KINDS ?? 'add_memo,start_preparing').split(',');
for (const type of kinds) {
  const candidates = await queryRows<{ id: string }>(
    database.db,
    type === 'add_memo'
      ? sql`select id::text from orders where shop_id = ${shopId} order by id desc limit 5000`
      : sql`select id::text from orders where shop_id = ${shopId} and unit_statuses && '{paid}'::text[] order by id desc limit 5000`,
  );
  const ids = candidates.map((r) => Number(r.id));
  const job: BatchJob = { shopId, actor, action: (type === 'add_memo' ? { type, body: '프로파일 메모' } : { type }) as BatchJob['action'] };
  const { Session } = await import('node:inspector/promises');
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  let wall = 0;
  let cpu = 0;
  for (let i = 0; i < ids.length; i += 500) {
    const batch = ids.slice(i, i + 500);
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    await database.db.transaction(async (tx) => {
      await processMoveBatch(tx, job, batch, new Date());
      throw new Rollback();
    }).catch((e) => { if (!(e instanceof Rollback)) throw e; });
    const c = process.cpuUsage(c0);
    wall += performance.now() - t0;
    cpu += (c.user + c.system) / 1000;
  }
  const { profile } = await session.post('Profiler.stop');
  (await import('node:fs')).writeFileSync(`/tmp/bulk-${type}.cpuprofile`, JSON.stringify(profile));
  session.disconnect();
  for (const [text, e] of [...spent].sort((a, b) => b[1].ms - a[1].ms).slice(0, 14)) console.log(`  ${e.ms.toFixed(0).padStart(6)} ms ×${e.n} ${text}`);
  spent.clear();
  console.log(`${type}: ${ids.length} orders, ${(ids.length / (wall / 1000)).toFixed(0)} orders/s, wall ${wall.toFixed(0)} ms, node cpu ${cpu.toFixed(0)} ms`);
}
await database.close();
