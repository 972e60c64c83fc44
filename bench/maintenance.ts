import type { OrderListResponse } from '../src/contracts/order-list';
import type { ViewListResponse } from '../src/contracts/views';
import { queryRows, sql, type Database } from '../src/server/db/client';
import { runPgliteUpkeep } from '../src/server/scheduler/pglite-upkeep';
import type { BenchClient } from './client';
import { runJob, type Row } from './scenarios';
import { measure, type Timing } from './stats';

const JOBS = 20;
const SLICE = 5_000;
const RUNS = 60;

/** The list as staff use it: every default tab's first page in turn, 60 pages; its p95. */
async function listTiming(client: BenchClient): Promise<Timing> {
  const { views } = await client.json<ViewListResponse>('GET', '/api/v1/views');
  return measure(RUNS, (i) => {
    const v = views[i % views.length];
    return client.json<OrderListResponse>('POST', '/api/v1/orders/search', { filter: v?.filter ?? {}, ...(v?.sort ? { sort: v.sort } : {}), limit: 100, withTotal: false });
  });
}

/** Waits for the server's own scheduled upkeep to have run once after `since` (it looks every 2 minutes). */
async function nextUpkeep(database: Database, since: Date): Promise<Record<string, unknown>> {
  for (;;) {
    const [run] = await queryRows<{ detail: Record<string, unknown> }>(
      database.db,
      sql`select detail from scheduled_task_runs where name = 'pglite-upkeep' and started_at > ${since.toISOString()}::timestamptz and finished_at is not null order by started_at limit 1`,
    );
    if (run) return run.detail;
    await new Promise((r) => setTimeout(r, 1_000));
  }
}

/**
 * PGlite has no autovacuum: the list stays fast over time only if the scheduled upkeep
 * (src/server/scheduler/pglite-upkeep.ts) does its work. The list's p95 on a freshly vacuumed
 * database, right after 20 bulk memo jobs over the newest 5,000 orders (100,000 order rows
 * rewritten, on the orders the tabs show first), and after the server's next scheduled upkeep.
 */
export async function afterManyBulkJobs(client: BenchClient, database: Database): Promise<Row[]> {
  await runPgliteUpkeep(database.db);
  await database.db.execute(sql`vacuum analyze`);
  const fresh = await listTiming(client);
  const [newest] = await queryRows<{ id: number | string }>(database.db, sql`select id from orders order by ordered_at desc offset ${SLICE} limit 1`);
  const [edge] = await queryRows<{ day: string }>(database.db, sql`select to_char(ordered_at at time zone 'Asia/Seoul', 'YYYY-MM-DD') as day from orders where id = ${newest?.id ?? 0}`);
  const selection = { kind: 'filter', filter: edge ? { period: { field: 'ordered', from: edge.day } } : {} };
  const started = performance.now();
  for (let i = 0; i < JOBS; i++) await runJob(client, { selection, action: { type: 'add_memo', body: `정기 점검 메모 ${i + 1}` } });
  const jobsDone = new Date();
  const jobSeconds = (performance.now() - started) / 1000;
  const before = await listTiming(client);
  const upkeep = await nextUpkeep(database, jobsDone);
  const after = await listTiming(client);
  const ratio = (t: Timing) => `${(t.p95 / fresh.p95).toFixed(2)}× the fresh p95`;
  return [
    { scenario: 'list pages (6 tabs in turn): freshly vacuumed database', p50: fresh.p50, p95: fresh.p95, target: '—' },
    { scenario: `  after ${JOBS} bulk memo jobs over the newest ~${SLICE.toLocaleString('en')} orders (${jobSeconds.toFixed(0)} s), before the upkeep`, p50: before.p50, p95: before.p95, figure: ratio(before), target: '—' },
    {
      scenario: `  after the next scheduled upkeep (vacuumed: ${String((upkeep.vacuumed as string[] | undefined)?.join(', ') ?? '')})`,
      p50: after.p50,
      p95: after.p95,
      figure: ratio(after),
      target: '≤ 1.2× fresh',
      met: after.p95 <= 1.2 * fresh.p95,
    },
  ];
}
