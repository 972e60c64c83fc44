/**
 * `npm run jobs -- auto-confirm` and `npm run jobs -- unpaid-cancel`: one run of an order job, by
 * hand, on the database the server would open (DATABASE_URL, else the PGlite folder
 * JUMUN_DATA_DIR) and through the gateway the environment names (JUMUN_GATEWAY). The servers run
 * the same jobs on schedule; running one by hand beside them on PostgreSQL is safe (orders are
 * taken with SKIP LOCKED). A PGlite folder is one process's: stop the server first.
 * Exits 0 when the run finished (orders it had to leave are listed), 1 on failure, 2 for usage.
 */
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { readConfig } from '../config';
import { DataDirBusyError, lockDataDir } from '../db/data-dir-lock';
import { openDatabase, TOOL_TIMEOUTS, type Db } from '../db/client';
import type { PaymentGateway } from '../payments/gateways/gateway';
import { createGateway } from '../payments/gateways/registry';
import { runAutoConfirm, type AutoConfirmReport } from './auto-confirm';
import { runUnpaidCancel, type UnpaidCancelReport } from './unpaid-cancel';

export const JOB_NAMES = ['auto-confirm', 'unpaid-cancel'] as const;
export type JobName = (typeof JOB_NAMES)[number];

const USAGE = `usage: npm run jobs -- <${JOB_NAMES.join('|')}> [--max-orders N]`;

export type JobReport = { job: 'auto-confirm'; report: AutoConfirmReport } | { job: 'unpaid-cancel'; report: UnpaidCancelReport };

/** One run of a job: what the scheduler's task does, with a line for each order it had to leave. */
export async function runJob(job: JobName, db: Db, gateway: PaymentGateway, options: { maxOrders?: number; log?: (message: string, error?: unknown) => void } = {}): Promise<JobReport> {
  if (job === 'auto-confirm') return { job, report: await runAutoConfirm(db, options) };
  return { job, report: await runUnpaidCancel(db, gateway, options) };
}

/** The run as the operator reads it. */
export function describeReport(r: JobReport): string {
  if (r.job === 'auto-confirm') {
    const { orders, units, busy, failed } = r.report;
    return `auto-confirm: ${orders} order(s) confirmed (${units} unit(s) 구매확정); ${busy} busy (left for the next run); ${failed} failed`;
  }
  const { orders, accountsClosed, gatewayUnavailable, gatewayDeclined, busy, failed, requestsExpired } = r.report;
  return (
    `unpaid-cancel: ${orders} unpaid order(s) cancelled, ${accountsClosed} virtual account(s) closed at the gateway; ` +
    `left for the next run: ${gatewayUnavailable} gateway unavailable, ${gatewayDeclined} declined by the gateway, ${busy} busy; ${failed} failed; ` +
    `${requestsExpired} payment request(s) expired`
  );
}

/** The command: parses its arguments, opens the database, runs the job once and says what it did. */
export async function main(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const { values, positionals } = parseArgs({ args: [...argv], allowPositionals: true, strict: false, options: { 'max-orders': { type: 'string' }, help: { type: 'boolean' } } });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const job = JOB_NAMES.find((n) => n === positionals[0]);
  const maxOrders = values['max-orders'] === undefined ? undefined : Number(values['max-orders']);
  if (!job || positionals.length !== 1 || (maxOrders !== undefined && (!Number.isSafeInteger(maxOrders) || maxOrders <= 0))) {
    console.error(USAGE);
    return 2;
  }
  const config = readConfig(env);
  try {
    // PGlite is one process: never open the folder a running server has open
    if (!config.databaseUrl) lockDataDir(config.dataDir, `npm run jobs -- ${job}`);
  } catch (error) {
    console.error(error instanceof DataDirBusyError ? `${error.message}\n(the running server does this job on schedule)` : error);
    return 1;
  }
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, timeouts: TOOL_TIMEOUTS });
  try {
    const gateway = createGateway(env, database.db);
    const log = (message: string, error?: unknown) => console.warn(error instanceof Error ? `${message}: ${error.message}` : message);
    console.log(describeReport(await runJob(job, database.db, gateway, { log, ...(maxOrders ? { maxOrders } : {}) })));
    return 0;
  } catch (error) {
    console.error(`${job} failed: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  } finally {
    await database.close();
  }
}

// run as a command (tsx src/server/scheduler/cli.ts …), not when a test imports it
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await main(process.argv.slice(2));
}
