/**
 * `npm run load [-- --duration 60] [--connections 50] [--orders 20000] [--hot 25] [--timeout 120] [--postgres [url]]`
 *
 * A repeatable load run: seeds a fresh database (a temporary PGlite folder by default; with
 * `--postgres [server url]` or DATABASE_URL a database `jumun_load_<random>` made on that server),
 * starts the real server on a free loopback port, signs in one staff account per connection over
 * HTTP, and lets autocannon (in a child process, bench/load-client.ts) list, search, read and
 * change orders for the duration. Then it audits the data against every answer it got, prints a
 * Markdown table, drops the database, and exits 1 on any 5xx, unexpected answer, request without
 * an answer (connection broken, or no answer within --timeout seconds: a browser waits, so the
 * default is long) or audit problem. --hot: how many orders all sessions change (the contention);
 * --orders: how many are seeded.
 */
import { fork } from 'node:child_process';
import { cpus, loadavg, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { buildApp } from '../src/server/app';
import type { Database } from '../src/server/db/client';
import { auditRun, takeBaseline } from './load-audit';
import { markdown, summarize } from './load-report';
import { openLoadDatabase, pickOrders, seedShop, staffSessions } from './load-setup';
import type { ClientPlan, ClientResults, SessionAuth, ToChild, ToParent } from './load-types';
import { withPeakMemory } from './stats';

const DEFAULT_POSTGRES = 'postgres://postgres@127.0.0.1:5432/postgres';
const log = (line: string) => console.log(line);

function options() {
  const args = process.argv.slice(2);
  // `--postgres` takes an optional URL, which parseArgs cannot express
  let postgres: string | null = process.env.DATABASE_URL || null;
  const at = args.findIndex((a) => a === '--postgres' || a.startsWith('--postgres='));
  if (at >= 0) {
    const inline = args[at]!.split(/=(.*)/s)[1];
    const next = args[at + 1];
    const url = inline ?? (next !== undefined && !next.startsWith('--') ? next : undefined);
    args.splice(at, inline === undefined && url !== undefined ? 2 : 1);
    postgres = url ?? postgres ?? DEFAULT_POSTGRES;
  }
  const { values } = parseArgs({
    args,
    options: {
      duration: { type: 'string', default: '60' },
      connections: { type: 'string', default: '50' },
      orders: { type: 'string', default: '20000' },
      hot: { type: 'string', default: '25' },
      timeout: { type: 'string', default: '120' },
    },
  });
  const positive = (name: keyof typeof values) => {
    const n = Number(values[name]);
    if (!Number.isInteger(n) || n <= 0) throw new Error(`--${name} must be a positive whole number, not ${values[name]}`);
    return n;
  };
  return { postgres, duration: positive('duration'), connections: positive('connections'), orders: positive('orders'), hot: positive('hot'), timeout: positive('timeout') };
}

/** Starts the server, signs the staff in, takes the baseline and runs the load; the server is closed after. */
async function underLoad(database: Database, shopId: number) {
  const app = await buildApp({ database, signInRateLimit: 10 * opts.connections + 60 });
  await app.listen({ port: 0, host: '127.0.0.1' });
  try {
    const address = app.server.address();
    if (!address || typeof address === 'string') throw new Error('the server has no port');
    const baseUrl = `http://127.0.0.1:${address.port}`;
    const runId = `load-${Date.now().toString(36)}`;
    log(`${baseUrl}: signing in ${opts.connections} staff …`);
    const sessions = await staffSessions(database.db, baseUrl, shopId, opts.connections);
    const picks = await pickOrders(database.db, shopId, opts.hot, opts.connections);
    log(`${picks.hotOrders.length} hot orders, ${picks.depositOrders.flat().length} awaiting a deposit, ${picks.readOrders.length} to read`);
    const plan: ClientPlan = { baseUrl, durationSeconds: opts.duration, timeoutSeconds: opts.timeout, runId, sessions, tabs: await tabsOf(baseUrl, sessions[0]!), ...picks };
    const baseline = await takeBaseline(database.db, shopId, [...picks.hotOrders, ...picks.depositOrders.flat()]);
    const run = await withPeakMemory(() => runClient(plan));
    return { run, sessions, baseline, runId };
  } finally {
    // waits for requests still being answered: the audit sees the data at rest
    await app.close();
  }
}

/** Forks the load client, hands it the plan and waits for what it recorded. */
function runClient(plan: ClientPlan): Promise<ClientResults> {
  return new Promise((resolve, reject) => {
    const child = fork(fileURLToPath(new URL('./load-client.ts', import.meta.url)));
    let results: ClientResults | null = null;
    child.on('message', (message: ToParent) => {
      if (message.type === 'started') log(`load: ${plan.sessions.length} sessions for ${plan.durationSeconds} s …`);
      else results = message.results;
    });
    child.on('error', reject);
    child.on('exit', (code) => (results ? resolve(results) : reject(new Error(`the load client ended (exit ${code}) without results`))));
    child.send({ type: 'plan', plan } satisfies ToChild);
  });
}

async function tabsOf(baseUrl: string, session: SessionAuth): Promise<ClientPlan['tabs']> {
  const res = await fetch(`${baseUrl}/api/v1/views`, { headers: { cookie: session.cookie } });
  if (res.status !== 200) throw new Error(`GET /api/v1/views: ${res.status} ${await res.text()}`);
  const { views } = (await res.json()) as { views: { filter: unknown; sort?: unknown }[] };
  return views.map((v) => ({ filter: v.filter, ...(v.sort ? { sort: v.sort } : {}) }));
}

const opts = options();
const load = loadavg()
  .map((n) => n.toFixed(1))
  .join(' / ');
const target = await openLoadDatabase(opts.postgres);
// an interrupted run leaves no database behind either
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    console.error(`\n${signal}: dropping ${target.label} …`);
    void target.drop().finally(() => process.exit(130));
  });
}
const failures: string[] = [];
try {
  const { db, kind } = target.database;
  log(`${target.label}: seeding ${opts.orders.toLocaleString('en')} orders …`);
  const shopId = await seedShop(db, opts.orders, log);
  const { run, sessions, baseline, runId } = await underLoad(target.database, shopId);
  const results = run.result;
  log(`auditing ${results.accepted.length.toLocaleString('en')} accepted and ${results.refused.length.toLocaleString('en')} refused changes …`);
  const audit = await auditRun(db, shopId, baseline, results, sessions.map((s) => s.staffId), runId);

  const rows = summarize(results);
  const machine = `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'cpu'}, ${(totalmem() / 1024 ** 3).toFixed(0)} GB RAM, Node ${process.version}`;
  const title = `${kind === 'postgres' ? 'PostgreSQL' : 'PGlite (embedded)'}, ${opts.orders.toLocaleString('en')} seeded orders — ${new Date().toISOString().slice(0, 10)}, ${machine}; load average before the run ${load}`;
  const rssNote = kind === 'postgres' ? 'the app server process; PostgreSQL runs apart' : 'the app server with the embedded PGlite; autocannon runs in its own process';
  log(`\n${markdown(results, rows, { title, durationSeconds: opts.duration, connections: opts.connections, peakRssMb: run.peakMb, baselineRssMb: run.baselineMb, rssNote })}\n`);

  const count = (kind: string) => results.accepted.filter((a) => a.kind === kind).length;
  const settled = results.accepted.filter((a) => a.settledAfterRun).length + results.refused.filter((r) => r.settledAfterRun).length;
  log(
    `accepted: ${count('memo')} memos, ${count('status')} status changes (${results.accepted.reduce((s, a) => s + (a.moves?.length ?? 0), 0)} moves), ${count('deposit')} deposit confirmations; ` +
      `refused: ${results.refused.length} (${results.refused.filter((r) => r.code === 'ORDER_VERSION_CONFLICT').length} version conflicts); asked again after the run (answer lost): ${settled}`,
  );
  log(
    `audit: ${audit.events} new timeline events checked; auditOrder on ${audit.changedOrders} changed orders and ${audit.auditedOrders - audit.changedOrders} others ` +
      `(${audit.sampledWithOldProblems} of them with the seed's own problems, unchanged); ${audit.problems.length} problem(s)`,
  );

  const serverErrors = rows.reduce((s, r) => s + r.serverErrors, 0);
  if (serverErrors > 0) failures.push(`${serverErrors} answer(s) 5xx`);
  if (results.unexpectedCount > 0) failures.push(`${results.unexpectedCount} unexpected answer(s):\n  ${results.unexpected.join('\n  ')}`);
  if (results.errors > 0) failures.push(`${results.errors} connection error(s) or timeout(s) (${results.timeouts} timeouts)`);
  if (count('memo') === 0 || count('status') === 0) failures.push('no memo or no status change was accepted: the audit would prove nothing');
  if (audit.problems.length > 0) failures.push(`audit:\n  ${audit.problems.slice(0, 40).join('\n  ')}${audit.problems.length > 40 ? `\n  … ${audit.problems.length - 40} more` : ''}`);
} finally {
  await target.drop();
}
if (failures.length > 0) {
  console.error(`\nFAILED\n${failures.join('\n')}`);
  process.exitCode = 1;
} else log('\nOK: no 5xx, no unexpected answer, the audit found nothing');
