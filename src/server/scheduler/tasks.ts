import { EXPORT_FILE_RETENTION_HOURS } from '../../contracts/export-jobs';
import { THROTTLE_RULES } from '../../domain/sign-in-throttle';
import { countRows, sql, type Db } from '../db/client';
import type { PaymentGateway } from '../payments/gateways/gateway';
import { foldOrderCounts } from '../order-counts/fold';
import { runAutoConfirm } from './auto-confirm';
import { runPgliteUpkeep } from './pglite-upkeep';
import type { ScheduledTask } from './scheduler';
import { runUnpaidCancel } from './unpaid-cancel';

const HOUR = 3_600_000;

/** Stored answers to Idempotency-Keys are kept this long: a client retries within minutes, not weeks. */
export const IDEMPOTENCY_RETENTION_DAYS = 7;
/** The scheduler's own record of runs. */
const RUN_RETENTION_DAYS = 30;
/** The webhook delivery log: a month of delivered messages; failed ones longer, for staff to look into. */
export const OUTBOX_DELIVERED_RETENTION_DAYS = 30;
export const OUTBOX_FAILED_RETENTION_DAYS = 90;

/** Deletes rows in bounded steps, so a big backlog never holds a long transaction. */
async function deleteInSteps(db: Db, statement: (limit: number) => ReturnType<typeof sql>): Promise<number> {
  let total = 0;
  for (;;) {
    const n = await countRows(db, statement(5_000));
    total += n;
    if (n < 5_000) return total;
  }
}

const ctid = (table: string, where: ReturnType<typeof sql>) => (limit: number) =>
  sql`with gone as (delete from ${sql.raw(table)} where ctid in (select ctid from ${sql.raw(table)} where ${where} limit ${limit}) returning 1) select count(*) as n from gone`;

export interface OrderJobOptions {
  /** The gateway unpaid virtual accounts are closed at; without one the unpaid auto-cancel is not scheduled. */
  gateway?: PaymentGateway;
  /** Told about orders a job left (gateway down, a failed change). */
  log?: (message: string, error?: unknown) => void;
}

/**
 * The upkeep every installation needs, whichever database it runs on, and the order jobs: 자동
 * 구매확정 and 미입금 자동취소. Intervals may be shortened (tests, `JUMUN_TASK_INTERVALS=name=ms,…`);
 * each run is done by one server only (and the order jobs are safe even if two overlapped).
 */
export function standardTasks(kind: 'pglite' | 'postgres', intervals: Readonly<Record<string, number>> = {}, jobs: OrderJobOptions = {}): ScheduledTask[] {
  const every = (name: string, fallback: number) => intervals[name] ?? fallback;
  const throttleWindow = Math.max(...Object.values(THROTTLE_RULES).map((r) => r.windowSeconds));
  const tasks: ScheduledTask[] = [
    {
      name: 'expired-sessions',
      intervalMs: every('expired-sessions', HOUR),
      // staff and buyer sessions, hand-off nonces whose token has expired (it cannot be replayed any
      // more), and the links of buyer messages past their lifetime
      run: async (db) => ({
        deleted: await deleteInSteps(db, ctid('sessions', sql`expires_at < now()`)),
        buyerSessions: await deleteInSteps(db, ctid('buyer_sessions', sql`expires_at < now()`)),
        handoffNonces: await deleteInSteps(db, ctid('buyer_handoff_nonces', sql`expires_at < now()`)),
        messageLinks: await deleteInSteps(db, ctid('buyer_message_links', sql`expires_at < now()`)),
      }),
    },
    {
      name: 'old-idempotency-keys',
      intervalMs: every('old-idempotency-keys', HOUR),
      run: async (db) => ({ deleted: await deleteInSteps(db, ctid('idempotency_keys', sql`created_at < now() - ${IDEMPOTENCY_RETENTION_DAYS} * interval '1 day'`)) }),
    },
    {
      name: 'stale-sign-in-throttles',
      intervalMs: every('stale-sign-in-throttles', HOUR),
      run: async (db) => ({
        deleted: await deleteInSteps(
          db,
          ctid('sign_in_throttles', sql`last_failure_at < now() - ${throttleWindow} * interval '1 second' and (blocked_until is null or blocked_until < now())`),
        ),
      }),
    },
    {
      name: 'old-scheduled-runs',
      intervalMs: every('old-scheduled-runs', 24 * HOUR),
      run: async (db) => ({ deleted: await deleteInSteps(db, ctid('scheduled_task_runs', sql`started_at < now() - ${RUN_RETENTION_DAYS} * interval '1 day'`)) }),
    },
    {
      name: 'old-outbox-messages',
      intervalMs: every('old-outbox-messages', 24 * HOUR),
      run: async (db) => {
        // attempts first, so none is left behind pointing at a deleted message
        const oldMessage = sql`(m.status = 'delivered' and m.created_at < now() - ${OUTBOX_DELIVERED_RETENTION_DAYS} * interval '1 day')
          or (m.status = 'failed' and m.created_at < now() - ${OUTBOX_FAILED_RETENTION_DAYS} * interval '1 day')`;
        const attempts = await deleteInSteps(db, ctid('outbox_attempts', sql`(shop_id, outbox_id) in (select m.shop_id, m.id from outbox_messages m where ${oldMessage})`));
        const messages = await deleteInSteps(db, ctid('outbox_messages m', oldMessage));
        return { messages, attempts };
      },
    },
    {
      // order changes only ever add count-change rows (no hot counter row); this adds them up
      name: 'fold-order-counts',
      intervalMs: every('fold-order-counts', 60_000),
      run: async (db) => ({ folded: await foldOrderCounts(db) }),
    },
    {
      name: 'old-export-files',
      intervalMs: every('old-export-files', HOUR),
      // finished export files a day on (their download answers 410 from then on, deleted or not),
      // and what failed or cancelled exports left; a few pieces of ~1 MB per file
      run: async (db) => ({
        deleted: await countRows(
          db,
          sql`with gone as (
                delete from export_file_chunks where (shop_id, job_id) in (
                  select shop_id, id from bulk_jobs where kind = 'export' and (
                    (status = 'done' and (result->>'finishedAt')::timestamptz < now() - ${EXPORT_FILE_RETENTION_HOURS} * interval '1 hour')
                    or (status in ('failed', 'cancelled') and updated_at < now() - ${EXPORT_FILE_RETENTION_HOURS} * interval '1 hour')))
                returning 1)
              select count(*) as n from gone`,
        ),
      }),
    },
    {
      name: 'auto-confirm',
      intervalMs: every('auto-confirm', HOUR),
      run: async (db) => ({ ...(await runAutoConfirm(db, { log: jobs.log })) }),
    },
  ];
  const gateway = jobs.gateway;
  if (gateway) {
    tasks.push({
      name: 'unpaid-cancel',
      intervalMs: every('unpaid-cancel', 10 * 60_000),
      run: async (db) => ({ ...(await runUnpaidCancel(db, gateway, { log: jobs.log })) }),
    });
  }
  if (kind === 'pglite') {
    // PGlite has no autovacuum (pglite-upkeep.ts): a cheap look every few minutes, and a VACUUM or
    // ANALYZE only of the tables whose changes passed autovacuum's thresholds
    tasks.push({
      name: 'pglite-upkeep',
      intervalMs: every('pglite-upkeep', 2 * 60_000),
      run: async (db) => ({ ...(await runPgliteUpkeep(db)) }),
    });
  }
  return tasks;
}

/** `name=ms,name=ms` → intervals by task name (JUMUN_TASK_INTERVALS). */
export function parseTaskIntervals(value: string | undefined): Record<string, number> {
  const intervals: Record<string, number> = {};
  for (const part of (value ?? '').split(',')) {
    const [name, ms] = part.split('=').map((s) => s.trim());
    const n = Number(ms);
    if (name && Number.isFinite(n) && n > 0) intervals[name] = n;
  }
  return intervals;
}
