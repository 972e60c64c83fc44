import { readFileSync } from 'node:fs';
import type { OrderFilter } from '../src/contracts/order-filter';
import type { ViewListResponse } from '../src/contracts/views';
import { queryRows, sql, type Database } from '../src/server/db/client';
import type { BenchClient } from './client';
import type { Row } from './scenarios';
import { percentile, withPeakMemory } from './stats';

/**
 * The Excel export of ~`size` orders as staff ask for it, and what it does to everyone else: the
 * list's first tab page measured idle, then again while the export runs (one request after
 * another, as a colleague paging the list). A server that answers 202 (a job) is polled until the
 * file is ready and the file is then downloaded; one that streams (200) is read to the end. The
 * time is to the whole file in hand; the peak RSS is this process's, which holds the server.
 */
export async function exportOrders(client: BenchClient, database: Database, shopId: number, size: number): Promise<Row[]> {
  const filter = await periodOf(database, shopId, size);
  const { views } = await client.json<ViewListResponse>('GET', '/api/v1/views');
  const tab = views[0];
  const listPage = () => client.json('POST', '/api/v1/orders/search', { filter: tab?.filter ?? {}, ...(tab?.sort ? { sort: tab.sort } : {}), limit: 100, withTotal: false });
  const idle = await latencies(listPage, () => false, 30);

  let finished = false;
  // load-independent: how long the server's main thread was busy (event-loop utilization) and
  // the CPU the whole process (its threads too) spent, while the export ran
  const mainCpu = mainThreadCpuSeconds();
  const cpu = process.cpuUsage();
  const started = performance.now();
  const exporting = withPeakMemory(async () => {
    try {
      return await exportFile(client, filter);
    } finally {
      finished = true;
    }
  });
  // a colleague's list while the export runs (at most 200 pages; the first 3 warm nothing up here)
  const during = await latencies(listPage, () => finished, 200);
  const { result, peakMb, baselineMb } = await exporting;
  const seconds = (performance.now() - started) / 1000;
  const mainUsed = mainThreadCpuSeconds() - mainCpu;
  const used = process.cpuUsage(cpu);
  const p95 = (list: number[]) => percentile([...list].sort((a, b) => a - b), 95);
  return [
    {
      scenario: `Excel export of ~${size.toLocaleString('en')} orders (${(result.bytes / 1024 / 1024).toFixed(1)} MB .xlsx, ${result.how})`,
      figure: `${seconds.toFixed(1)} s to the file in hand, peak RSS ${peakMb.toFixed(0)} MB (${baselineMb.toFixed(0)} MB before)`,
      target: '≤ 8 s, ≤ 250 MB',
    },
    {
      scenario: '  CPU while it ran: the main thread (which answers every request) / the whole process (its threads; the bench client and its list pages included)',
      figure: `${mainUsed.toFixed(1)} s / ${((used.user + used.system) / 1e6).toFixed(1)} s`,
      target: '—',
    },
    {
      scenario: `list page (${tab?.name ?? 'all'}, 100 rows) while the export runs: p95 idle → during (${during.length} pages)`,
      figure: `${p95(idle).toFixed(1)} ms → ${during.length > 0 ? p95(during).toFixed(1) : '—'} ms`,
      target: '≤ 2× idle',
    },
  ];
}

/**
 * CPU seconds the main thread has used (Linux: its /proc task, whose id is the process id). Unlike
 * wall time this hardly moves with what else the machine runs; a worker thread's CPU is not in it.
 */
function mainThreadCpuSeconds(): number {
  try {
    const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return NaN;
  }
}

/** Asks for pages one after another until `stop()` (or `max` pages); their times in ms. */
async function latencies(work: () => Promise<unknown>, stop: () => boolean, max: number): Promise<number[]> {
  const times: number[] = [];
  while (times.length < max && !stop()) {
    const start = performance.now();
    await work();
    times.push(performance.now() - start);
  }
  return times;
}

interface ExportJobAnswer {
  id: number;
  status: string;
  progress: { done: number; total: number };
  fileUrl: string | null;
}

/** The whole file's size, however the server hands it over. */
async function exportFile(client: BenchClient, filter: OrderFilter): Promise<{ bytes: number; how: string }> {
  const res = await client.raw('POST', '/api/v1/exports/orders', { filter, reason: 'benchmark' });
  if (res.status === 200 && res.body) return { bytes: await drain(res), how: 'streamed' };
  if (res.status !== 202) throw new Error(`export: ${res.status} ${await res.text()}`);
  let job = (await res.json()) as ExportJobAnswer;
  while (job.status === 'queued' || job.status === 'running') {
    await new Promise((resolve) => setTimeout(resolve, 200));
    job = await client.json<ExportJobAnswer>('GET', `/api/v1/exports/${job.id}`);
  }
  if (job.status !== 'done' || !job.fileUrl) throw new Error(`export job ${job.id} ended ${job.status}`);
  const file = await client.raw('GET', job.fileUrl);
  if (file.status !== 200) throw new Error(`export file: ${file.status} ${await file.text()}`);
  return { bytes: await drain(file), how: 'job' };
}

async function drain(res: Response): Promise<number> {
  let total = 0;
  if (!res.body) return total;
  for await (const chunk of res.body) total += (chunk as Uint8Array).byteLength;
  return total;
}

/** An ordered-at period holding about `n` orders, the newest ones: what a bulk job or export would cover. */
export async function periodOf(database: Database, shopId: number, n: number): Promise<OrderFilter> {
  const [edge] = await queryRows<{ day: string }>(
    database.db,
    sql`select to_char(ordered_at at time zone 'Asia/Seoul', 'YYYY-MM-DD') as day from orders where shop_id = ${shopId} order by ordered_at desc offset ${n} limit 1`,
  );
  return edge ? { period: { field: 'ordered', from: edge.day } } : {};
}
