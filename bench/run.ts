/**
 * `npm run bench [-- --only pglite|postgres] [--orders N] [--fresh] [--skip-bulk] [--skip-export] [--skip-upkeep] [--no-readme]`
 *
 * Seeds PGlite with 100,000 orders and PostgreSQL with 1,000,000 (the server at BENCH_DATABASE_URL,
 * default postgres://postgres@127.0.0.1:5432/jumun_bench: that database is dropped and made anew
 * when it holds fewer orders than asked), starts the real server on each, and prints p50/p95 of the
 * order list, counts and searches through HTTP, bulk preview and apply, and the Excel export, with
 * the machine they ran on. A database already seeded is reused (bulk jobs it ran before have moved
 * some orders on; pass --fresh to start over). On PGlite it also measures the list after 20 bulk
 * jobs, before and after the scheduled upkeep. The tables are printed and, unless --no-readme,
 * written into README.md under its bench mark with the date, above earlier runs' tables.
 */
import { cpus, totalmem } from 'node:os';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { buildApp } from '../src/server/app';
import { BenchClient } from './client';
import { exportOrders } from './export';
import { firstScreen } from './first-screen';
import { afterManyBulkJobs } from './maintenance';
import { benchBlock, markdownTable, writeToReadme, type BenchSection } from './readme';
import { bulk, listAndSearch, type Row } from './scenarios';
import { prepareTarget, type BenchTarget } from './target';

const { values } = parseArgs({
  options: {
    only: { type: 'string' },
    orders: { type: 'string' },
    fresh: { type: 'boolean' },
    'skip-bulk': { type: 'boolean' },
    'skip-export': { type: 'boolean' },
    'skip-upkeep': { type: 'boolean' },
    'no-readme': { type: 'boolean' },
  },
});

const log = (line: string) => console.log(line);
const targets: BenchTarget[] = [
  { name: 'pglite', orders: 100_000, location: process.env.BENCH_PGLITE_DIR ?? '/tmp/jumun-bench-pglite' },
  { name: 'postgres', orders: 1_000_000, location: process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/jumun_bench' },
].filter((t): t is BenchTarget => !values.only || t.name === values.only);

/** Whether the server of `url` answers (its maintenance database, so the bench database may not exist yet). */
async function reachable(url: string): Promise<boolean> {
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString(), connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

const machine = `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'cpu'}, ${(totalmem() / 1024 ** 3).toFixed(0)} GB RAM, Node ${process.version}`;
const sections: BenchSection[] = [];
for (const t of targets) {
  if (values.orders) t.orders = Number(values.orders);
  log(`\n## ${t.name}: ${t.orders.toLocaleString('en')} orders`);
  if (t.name === 'postgres' && !(await reachable(t.location))) {
    log(`skipped: no PostgreSQL server answers at ${t.location} (set BENCH_DATABASE_URL)`);
    continue;
  }
  const prepared = await prepareTarget(t, values.fresh ?? false, log);
  const app = await buildApp({ database: prepared.database, bulkJobs: { batchSize: t.name === 'pglite' ? 250 : 1000, concurrency: t.name === 'pglite' ? 1 : 2 } });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  const client = new BenchClient(`http://127.0.0.1:${address.port}`);
  await client.signIn(prepared.email, prepared.password);
  const rows: Row[] = [];
  try {
    rows.push(...(await listAndSearch(client, prepared.database, prepared.shopId)));
    rows.push(...(await firstScreen(client.baseUrl, prepared)));
    if (!values['skip-export']) rows.push(...(await exportOrders(client, prepared.database, prepared.shopId, 100_000)));
    if (!values['skip-bulk']) rows.push(...(await bulk(client, prepared.database, prepared.shopId, 100_000)));
    if (t.name === 'pglite' && !values['skip-upkeep']) rows.push(...(await afterManyBulkJobs(client, prepared.database)));
  } finally {
    await app.close();
    await prepared.database.close();
  }
  const title = `${t.name === 'postgres' ? 'PostgreSQL' : 'PGlite (embedded)'}, ${t.orders.toLocaleString('en')} orders`;
  sections.push({ title, rows });
  log(`\n${title} — ${new Date().toISOString().slice(0, 10)}, ${machine}\n`);
  log(markdownTable(rows));
}
if (sections.length > 0 && !values['no-readme']) {
  const written = writeToReadme(benchBlock(new Date().toISOString().slice(0, 10), machine, sections));
  log(written ? '\nwritten into README.md (Performance)' : '\nREADME.md has no bench mark: tables not written');
}
