import { and, asc, desc, eq, gt, sql } from 'drizzle-orm';
import { MAX_BULK_ORDERS, type BulkAction, type BulkJob, type BulkJobRefunds, type BulkRequest } from '../../contracts/bulk-jobs';
import { ERROR_CATALOG, type ErrorCode } from '../../contracts/errors';
import { BULK_ACTION_LABELS, exclusionLabel, type BulkActionType, type ExclusionCode } from '../../domain/bulk-actions';
import type { OrderStatus } from '../../domain/order-status';
import { principalScope, type Principal } from '../auth/principal';
import { countRows, queryRows, type Db, type Executor } from '../db/client';
import { bulkJobItems, bulkJobs, orders } from '../db/schema/index';
import { AppError, type Lang } from '../http/errors';
import { runIdempotent } from '../idempotency/service';
import { insertQueuedJob } from './claim';
import { selectionWhere } from './selection';

type JobRow = typeof bulkJobs.$inferSelect;

/**
 * Starts a bulk job: the matching orders are taken as of this moment into bulk_job_items, one row
 * per order, in the same transaction as the job. The job then works through exactly those orders
 * (an order that stops qualifying is skipped with its reason; one that starts matching later is
 * not picked up), and the row's key makes each order's outcome a single fact: at most once.
 */
export async function createBulkJob(db: Db, principal: Principal, request: BulkRequest, idempotencyKey: string | undefined): Promise<{ jobId: number; replayed: boolean }> {
  if (request.action.type === 'add_memo' && principal.kind !== 'staff') throw new AppError('FORBIDDEN', { reason: 'memos are written by staff' });
  const shopId = principal.shopId;
  const outcome = await runIdempotent<{ jobId: number }>(db, { shopId, scope: principalScope(principal), key: idempotencyKey, request: { route: 'bulk-jobs', request } }, async (tx) => {
    const now = new Date();
    const where = selectionWhere(shopId, request.selection, now);
    const total = await countRows(tx, sql`select count(*) as n from ${orders} where ${where}`);
    if (total === 0) throw new AppError('BULK_NOTHING_MATCHES');
    if (total > MAX_BULK_ORDERS) throw new AppError('BULK_TOO_MANY_ORDERS', { matched: total, max: MAX_BULK_ORDERS });
    const jobId = await insertQueuedJob(tx, principal, { kind: 'bulk_action', action: request.action, selection: request.selection, total, now });
    await tx.execute(sql`insert into bulk_job_items (shop_id, job_id, order_id, outcome)
                         select ${orders.shopId}, ${jobId}, ${orders.id}, 'pending' from ${orders} where ${where}`);
    return { status: 202, body: { jobId } };
  });
  return { jobId: outcome.body.jobId, replayed: outcome.replayed };
}

/** The words of a recorded reason: an exclusion (`already:shipping`) or an error code. */
export function reasonLabel(reason: string, lang: Lang): string {
  const [code, status] = reason.split(':');
  if (status !== undefined) return exclusionLabel({ code: code as ExclusionCode, orderStatus: status as OrderStatus }, lang);
  const entry = ERROR_CATALOG[reason as ErrorCode] as { ko: string; en: string } | undefined;
  return entry ? entry[lang] : reason;
}

/** A bulk action of the shop; an export job shares the table but is read at /api/v1/exports/{id}. */
async function findJob(db: Executor, shopId: number, jobId: number): Promise<JobRow> {
  const [job] = await db
    .select()
    .from(bulkJobs)
    .where(and(eq(bulkJobs.shopId, shopId), eq(bulkJobs.id, jobId), eq(bulkJobs.kind, 'bulk_action')));
  if (!job) throw new AppError('BULK_JOB_NOT_FOUND', { jobId });
  return job;
}

/** How a cancel job's refunds stand now, by the refund each cancelled order recorded. */
async function refundsOf(db: Executor, job: JobRow): Promise<BulkJobRefunds> {
  const rows = await queryRows<{ status: 'done' | 'failed' | 'pending'; n: number | string; amount: number | string }>(
    db,
    sql`select r.status, count(*) as n, coalesce(sum(r.amount), 0) as amount
        from ${bulkJobItems} i join refunds r on r.shop_id = i.shop_id and r.id = i.refund_id
        where i.shop_id = ${job.shopId} and i.job_id = ${job.id} and r.amount > 0 and r.status in ('done', 'failed', 'pending')
        group by r.status`,
  );
  const tally = (status: 'done' | 'failed' | 'pending') => {
    const row = rows.find((r) => r.status === status);
    return { count: Number(row?.n ?? 0), amount: Number(row?.amount ?? 0) };
  };
  return { succeeded: tally('done'), failed: tally('failed'), manual: tally('pending') };
}

async function toBulkJob(db: Executor, job: JobRow, lang: Lang): Promise<BulkJob> {
  const reasons = await queryRows<{ outcome: 'skipped' | 'failed'; reason: string; n: number | string }>(
    db,
    sql`select outcome, reason, count(*) as n from ${bulkJobItems}
        where shop_id = ${job.shopId} and job_id = ${job.id} and outcome in ('skipped', 'failed')
        group by 1, 2`,
  );
  const action = job.action as BulkAction;
  return {
    id: job.id,
    action,
    actionLabel: BULK_ACTION_LABELS[action.type as BulkActionType][lang],
    status: job.status,
    total: job.total,
    done: job.done,
    processed: job.processed,
    skipped: job.skipped,
    failed: job.failed,
    reasons: reasons
      .map((r) => ({ outcome: r.outcome, reason: r.reason, label: reasonLabel(r.reason, lang), count: Number(r.n) }))
      .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label)),
    refunds: action.type === 'cancel' ? await refundsOf(db, job) : null,
    createdByStaffId: job.createdByStaffId,
    createdAt: job.createdAt.toISOString(),
    updatedAt: job.updatedAt.toISOString(),
  };
}

export async function readBulkJob(db: Executor, shopId: number, jobId: number, lang: Lang): Promise<BulkJob> {
  return toBulkJob(db, await findJob(db, shopId, jobId), lang);
}

/** The shop's latest jobs, newest first: the results stay reachable after the dialog closes. */
export async function listBulkJobs(db: Executor, shopId: number, lang: Lang): Promise<BulkJob[]> {
  const rows = await db.select().from(bulkJobs).where(and(eq(bulkJobs.shopId, shopId), eq(bulkJobs.kind, 'bulk_action'))).orderBy(desc(bulkJobs.id)).limit(20);
  const result: BulkJob[] = [];
  for (const row of rows) result.push(await toBulkJob(db, row, lang));
  return result;
}

export async function listBulkJobItems(
  db: Executor,
  shopId: number,
  jobId: number,
  query: { outcome?: 'pending' | 'processed' | 'skipped' | 'failed' | undefined; limit: number; afterOrderId?: number | undefined },
  lang: Lang,
) {
  await findJob(db, shopId, jobId);
  const rows = await db
    .select({ orderId: bulkJobItems.orderId, orderNumber: orders.orderNumber, outcome: bulkJobItems.outcome, reason: bulkJobItems.reason })
    .from(bulkJobItems)
    .innerJoin(orders, and(eq(orders.shopId, bulkJobItems.shopId), eq(orders.id, bulkJobItems.orderId)))
    .where(
      and(
        eq(bulkJobItems.shopId, shopId),
        eq(bulkJobItems.jobId, jobId),
        query.outcome ? eq(bulkJobItems.outcome, query.outcome) : undefined,
        query.afterOrderId !== undefined ? gt(bulkJobItems.orderId, query.afterOrderId) : undefined,
      ),
    )
    .orderBy(asc(bulkJobItems.orderId))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  return {
    items: page.map((r) => ({ ...r, label: r.reason === null ? null : reasonLabel(r.reason, lang) })),
    nextAfterOrderId: rows.length > query.limit ? (page[page.length - 1]?.orderId ?? null) : null,
  };
}

/** Stops a job between batches; what it already did stays done (each order's change is whole). */
export async function cancelBulkJob(db: Db, shopId: number, jobId: number): Promise<void> {
  const job = await findJob(db, shopId, jobId);
  if (job.status !== 'queued' && job.status !== 'running') throw new AppError('BULK_JOB_FINISHED', { status: job.status });
  await db
    .update(bulkJobs)
    .set({ status: 'cancelled', updatedAt: new Date() })
    .where(and(eq(bulkJobs.shopId, shopId), eq(bulkJobs.id, jobId), sql`${bulkJobs.status} in ('queued', 'running')`));
}
