import type { BulkJob, BulkPreview } from '../src/contracts/bulk-jobs';
import type { OrderFilter } from '../src/contracts/order-filter';
import type { OrderListResponse } from '../src/contracts/order-list';
import type { ViewCountsResponse, ViewListResponse } from '../src/contracts/views';
import { queryRows, sql, type Database } from '../src/server/db/client';
import type { BenchClient } from './client';
import { periodOf } from './export';
import { measure, type Timing } from './stats';

export interface Row {
  scenario: string;
  p50?: number;
  p95?: number;
  /** A figure that is not a latency (orders/s, seconds, MB). */
  figure?: string;
  target?: string;
  /** Whether the target was met, where the scenario decides it (a "≤ N ms" target is judged by its p95). */
  met?: boolean;
}

const RUNS = 30;
const PAGE = 100;

/** A page as the admin asks for it: the rows only; the count is asked alongside (countOf). */
const search = (client: BenchClient, filter: OrderFilter, sort?: { field: string; direction: string }) =>
  client.json<OrderListResponse>('POST', '/api/v1/orders/search', { filter, ...(sort ? { sort } : {}), limit: PAGE, withTotal: false });
const countOf = (client: BenchClient, filter: OrderFilter, exact?: boolean) =>
  client.json<{ total: number }>('POST', '/api/v1/orders/count', { filter, ...(exact ? { exact } : {}) });
/** What the admin waits for to show a page with its total: the rows and the count, asked at the same time. */
const withTotal = (client: BenchClient, filter: OrderFilter, sort?: { field: string; direction: string }) => Promise.all([search(client, filter, sort), countOf(client, filter)]);

const row = (scenario: string, t: Timing, target: string): Row => ({ scenario, p50: t.p50, p95: t.p95, target });

/** Inputs drawn from the data itself, so every search finds something real. */
async function sampleInputs(database: Database, shopId: number) {
  const rows = await queryRows<{ orderer_name: string; orderer_phone: string; order_number: string }>(
    database.db,
    sql`select orderer_name, orderer_phone, order_number from orders tablesample system (1) where shop_id = ${shopId} limit 200`,
  );
  const pick = <T>(list: readonly T[], i: number) => list[i % list.length] as T;
  return {
    nameFragment: (i: number) => pick(rows, i).orderer_name.slice(-2),
    phoneDigits: (i: number) => pick(rows, i).orderer_phone.replace(/\D/g, '').slice(-4),
    orderNumber: (i: number) => pick(rows, i).order_number,
  };
}

export async function listAndSearch(client: BenchClient, database: Database, shopId: number): Promise<Row[]> {
  const rows: Row[] = [];
  const { views } = await client.json<ViewListResponse>('GET', '/api/v1/views');
  for (const v of views) {
    rows.push(row(`tab page (${PAGE} rows): ${v.name}`, await measure(RUNS, () => search(client, v.filter, v.sort)), '≤ 50 ms'));
    rows.push(row(`  with its total (rows + count alongside)`, await measure(RUNS, () => withTotal(client, v.filter, v.sort)), '≤ 2 × page'));
  }
  rows.push(row(`all tab counts (${views.length} tabs)`, await measure(RUNS, () => client.json<ViewCountsResponse>('GET', '/api/v1/views/counts')), '≤ 30 ms'));
  const inputs = await sampleInputs(database, shopId);
  const name = (i: number) => ({ keyword: inputs.nameFragment(i) });
  rows.push(row('search: 2-syllable name fragment', await measure(RUNS, (i) => search(client, name(i))), '≤ 50 ms'));
  rows.push(row('  with its total (rows + count alongside)', await measure(RUNS, (i) => withTotal(client, name(i))), '≤ 2 × page'));
  rows.push(row('  its count alone', await measure(RUNS, (i) => countOf(client, name(i))), '—'));
  rows.push(row('  its exact count (asked for)', await measure(RUNS, (i) => countOf(client, name(i), true)), '—'));
  rows.push(row('search: last 4 phone digits', await measure(RUNS, (i) => search(client, { keyword: inputs.phoneDigits(i) })), '≤ 50 ms'));
  rows.push(row('search: order number', await measure(RUNS, (i) => search(client, { keyword: inputs.orderNumber(i) })), '≤ 50 ms'));
  const combo: OrderFilter = {
    channels: ['own_mall'],
    memberType: 'guest',
    paymentMethods: ['card', 'easy_pay'],
    period: { field: 'ordered', lastDays: 90 },
    amount: { min: 30000, max: 300000 },
    regions: ['seoul', 'gyeonggi'],
  };
  rows.push(row('filter combination (own mall, guest, card/easy pay, last 90 days, 30,000–300,000원, Seoul/Gyeonggi), newest first', await measure(RUNS, () => search(client, combo)), '≤ 50 ms'));
  rows.push(row('  with its total (rows + count alongside)', await measure(RUNS, () => withTotal(client, combo)), '≤ 2 × page'));
  rows.push(row('  its count alone', await measure(RUNS, () => countOf(client, combo)), '—'));
  rows.push(row('  its exact count (asked for)', await measure(RUNS, () => countOf(client, combo, true)), '—'));
  // common narrower combinations: a status tab with a channel, and 배송지연 with a payment method
  const statusAndChannel: OrderFilter = { unitStatuses: ['paid', 'preparing'], channels: ['external'] };
  rows.push(row('filter: 상품준비중 + external channels', await measure(RUNS, () => search(client, statusAndChannel)), '≤ 50 ms'));
  rows.push(row('  with its total (rows + count alongside)', await measure(RUNS, () => withTotal(client, statusAndChannel)), '≤ 2 × page'));
  const delayed: OrderFilter = { shippingDelayDays: 3, paymentMethods: ['virtual_account'] };
  rows.push(row('filter: 배송지연 3 days + 가상계좌', await measure(RUNS, () => search(client, delayed)), '≤ 50 ms'));
  rows.push(row('  with its total (rows + count alongside)', await measure(RUNS, () => withTotal(client, delayed)), '≤ 2 × page'));
  rows.push(row('count of every order (전체)', await measure(RUNS, () => countOf(client, {})), '—'));
  return rows;
}

export async function runJob(client: BenchClient, body: unknown): Promise<{ job: BulkJob; seconds: number }> {
  const started = performance.now();
  const created = await client.json<BulkJob>('POST', '/api/v1/bulk-jobs', body);
  for (;;) {
    const job = await client.json<BulkJob>('GET', `/api/v1/bulk-jobs/${created.id}`);
    if (job.status !== 'queued' && job.status !== 'running') return { job, seconds: (performance.now() - started) / 1000 };
    await new Promise((r) => setTimeout(r, 100));
  }
}

export async function bulk(client: BenchClient, database: Database, shopId: number, size: number): Promise<Row[]> {
  const rows: Row[] = [];
  const filter = await periodOf(database, shopId, size);
  const selection = { kind: 'filter', filter };
  const preview = await client.json<BulkPreview>('POST', '/api/v1/bulk-jobs/preview', { selection, action: { type: 'start_preparing' } });
  rows.push(row(`bulk preview over ${preview.matched.toLocaleString('en')} orders`, await measure(10, () => client.json('POST', '/api/v1/bulk-jobs/preview', { selection, action: { type: 'start_preparing' } })), '—'));
  const memo = await runJob(client, { selection, action: { type: 'add_memo', body: '벤치마크 일괄 메모' } });
  rows.push({ scenario: `bulk apply: add memo to ${memo.job.processed.toLocaleString('en')} orders`, figure: `${Math.round(memo.job.processed / memo.seconds).toLocaleString('en')} orders/s (${memo.seconds.toFixed(1)} s)`, target: '≥ 5,000 orders/s' });
  // the status step with the most orders to move in the period (earlier runs on a reused database
  // have moved some on), so the figure is of orders really moved, not of orders left out
  const steps = ['start_preparing', 'mark_ready_to_ship', 'mark_delivered', 'confirm_purchase'] as const;
  const previews = await Promise.all(steps.map(async (type) => ({ type, preview: await client.json<BulkPreview>('POST', '/api/v1/bulk-jobs/preview', { selection, action: { type } }) })));
  const best = previews.sort((a, b) => b.preview.willProcess - a.preview.willProcess)[0];
  if (best) {
    const move = await runJob(client, { selection, action: { type: best.type } });
    rows.push({
      scenario: `bulk apply: ${best.type} over ${move.job.total.toLocaleString('en')} orders (${move.job.processed.toLocaleString('en')} moved, ${move.job.skipped.toLocaleString('en')} left out)`,
      figure: `${Math.round(move.job.total / move.seconds).toLocaleString('en')} orders/s (${move.seconds.toFixed(1)} s; ${Math.round(move.job.processed / move.seconds).toLocaleString('en')} moved/s)`,
      target: '≥ 5,000 orders/s',
    });
  }
  return rows;
}
