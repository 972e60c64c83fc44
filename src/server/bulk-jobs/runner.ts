import { and, asc, eq } from 'drizzle-orm';
import type { BulkAction } from '../../contracts/bulk-jobs';
import { actorOf } from '../auth/actor';
import type { Principal } from '../auth/principal';
import type { Db, Executor } from '../db/client';
import { bulkJobItems, bulkJobs } from '../db/schema/index';
import type { PaymentGateway } from '../payments/gateways/gateway';
import { processCancel } from './batch-cancel';
import { processMoveBatch, type BatchJob } from './batch-moves';
import { claimJob } from './claim';
import { JobLoop } from './job-loop';
import { recordOutcomes } from './outcomes';

export interface BulkRunnerOptions {
  /** Orders per transaction for set-based actions. */
  batchSize?: number;
  /** A running job whose worker has not reported for this long is taken over (its worker died). */
  staleAfterMs?: number;
  /** How often an idle worker looks for queued jobs (a new job also wakes it at once). */
  pollMs?: number;
  /**
   * Batches of one job run side by side, each in its own transaction on its own connection (their
   * orders are disjoint: each takes its pending orders SKIP LOCKED). On a PostgreSQL server a
   * second batch lets the database work while this process plans the next one; on the embedded
   * PGlite, which runs one statement at a time, 1.
   */
  concurrency?: number;
  log?: (message: string, error?: unknown) => void;
}

interface ClaimedJob {
  shopId: number;
  id: number;
  action: BulkAction;
  principal: Principal;
}

/**
 * Runs bulk jobs in the background of the server process, one job at a time. A job is claimed
 * with FOR UPDATE SKIP LOCKED, so several server processes share the queue without running a job
 * twice; each batch takes its pending orders FOR UPDATE SKIP LOCKED and marks them in its own
 * transaction. A restart resumes where the last committed batch stopped: a job left 'running' by
 * a process that stopped cleanly is queued again at once, one left by a crash after staleAfterMs.
 */
export class BulkJobRunner extends JobLoop {
  private readonly batchSize: number;
  private readonly staleAfterMs: number;
  private readonly concurrency: number;

  constructor(
    private readonly db: Db,
    private readonly gateway: PaymentGateway,
    options: BulkRunnerOptions = {},
  ) {
    super(options.pollMs ?? 2_000, options.log ?? (() => undefined), 'bulk job runner: a job stopped on an unexpected error; it resumes after staleAfterMs');
    this.batchSize = options.batchSize ?? 500;
    this.staleAfterMs = options.staleAfterMs ?? 60_000;
    this.concurrency = Math.max(1, options.concurrency ?? 1);
  }

  /**
   * Claims the oldest runnable job and works it until it is done, cancelled or the runner stops.
   * `maxBatches` returns early with the job still marked running, as a process that died would
   * leave it (tests of the resume use it).
   */
  async runNextJob({ maxBatches = Infinity }: { maxBatches?: number } = {}): Promise<boolean> {
    const job = await this.claim();
    if (!job) return false;
    for (let batch = 0; batch < maxBatches; batch++) {
      if (this.stopping) {
        await this.release(job);
        return true;
      }
      if (!(await this.stillRunning(job))) return true;
      const settled =
        job.action.type === 'cancel'
          ? await this.cancelBatch(job)
          : (await Promise.all(Array.from({ length: this.concurrency }, () => this.moveBatch(job)))).reduce((a, b) => a + b, 0);
      if (settled === 0) {
        await this.db
          .update(bulkJobs)
          .set({ status: 'done', updatedAt: new Date() })
          .where(and(eq(bulkJobs.shopId, job.shopId), eq(bulkJobs.id, job.id), eq(bulkJobs.status, 'running')));
        return true;
      }
    }
    return true;
  }

  private async claim(): Promise<ClaimedJob | null> {
    const job = await claimJob<BulkAction>(this.db, 'bulk_action', this.staleAfterMs);
    return job && { shopId: job.shopId, id: job.id, action: job.action, principal: job.principal };
  }

  private async stillRunning(job: ClaimedJob): Promise<boolean> {
    const [row] = await this.db.select({ status: bulkJobs.status }).from(bulkJobs).where(and(eq(bulkJobs.shopId, job.shopId), eq(bulkJobs.id, job.id)));
    return row?.status === 'running';
  }

  private async release(job: ClaimedJob): Promise<void> {
    await this.db
      .update(bulkJobs)
      .set({ status: 'queued', heartbeatAt: null, updatedAt: new Date() })
      .where(and(eq(bulkJobs.shopId, job.shopId), eq(bulkJobs.id, job.id), eq(bulkJobs.status, 'running')));
  }

  private batchJob(job: ClaimedJob): BatchJob {
    return { shopId: job.shopId, action: job.action, actor: actorOf(job.principal) };
  }

  /** One set-based batch; answers how many orders it settled (0: nothing left). */
  private async moveBatch(job: ClaimedJob): Promise<number> {
    let ids: number[] = [];
    try {
      return await this.db.transaction(async (tx) => {
        const now = new Date();
        ids = await pendingOrderIds(tx, job, { limit: this.batchSize, lock: true });
        if (ids.length === 0) return 0;
        const outcomes = await processMoveBatch(tx, this.batchJob(job), ids, now);
        await recordOutcomes(tx, job.shopId, job.id, outcomes, now);
        return ids.length;
      });
    } catch (error) {
      if (ids.length <= 1) {
        // one order that cannot be processed: record it as failed so the job moves on
        const [orderId] = ids;
        if (orderId === undefined) throw error;
        this.log(`bulk job ${job.id}: order ${orderId} failed`, error);
        await this.db.transaction((tx) => recordOutcomes(tx, job.shopId, job.id, [{ orderId, outcome: 'failed', reason: 'INTERNAL' }], new Date()));
        return 1;
      }
      // one bad order must not sink its batch: redo the batch an order at a time
      this.log(`bulk job ${job.id}: a batch of ${ids.length} failed; retrying its orders one by one`, error);
      let settled = 0;
      for (const orderId of ids) settled += await this.singleMove(job, orderId);
      return settled;
    }
  }

  private async singleMove(job: ClaimedJob, orderId: number): Promise<number> {
    try {
      await this.db.transaction(async (tx) => {
        const now = new Date();
        const [pending] = await pendingOrderIds(tx, job, { limit: 1, onlyOrderId: orderId, lock: true });
        if (pending === undefined) return;
        await recordOutcomes(tx, job.shopId, job.id, await processMoveBatch(tx, this.batchJob(job), [orderId], now), now);
      });
    } catch (error) {
      this.log(`bulk job ${job.id}: order ${orderId} failed`, error);
      await this.db.transaction((tx) => recordOutcomes(tx, job.shopId, job.id, [{ orderId, outcome: 'failed', reason: 'INTERNAL' }], new Date()));
    }
    return 1;
  }

  /** Cancels go one order at a time (each may call the payment gateway). */
  private async cancelBatch(job: ClaimedJob): Promise<number> {
    if (job.action.type !== 'cancel') throw new Error('not a cancel job');
    const ids = await pendingOrderIds(this.db, job, { limit: 50, lock: false });
    for (const orderId of ids) {
      if (this.stopping) break;
      try {
        await processCancel(this.db, this.gateway, { shopId: job.shopId, jobId: job.id, principal: job.principal, reason: job.action.reason }, orderId);
      } catch (error) {
        this.log(`bulk job ${job.id}: cancelling order ${orderId} failed`, error);
        await this.db.transaction((tx) => recordOutcomes(tx, job.shopId, job.id, [{ orderId, outcome: 'failed', reason: 'INTERNAL' }], new Date()));
      }
    }
    return ids.length;
  }
}

/**
 * The job's orders still pending, lowest id first. `lock` takes them FOR UPDATE SKIP LOCKED in the
 * caller's transaction, so two batches (or two workers) never take the same order.
 */
async function pendingOrderIds(db: Executor, job: ClaimedJob, { limit, onlyOrderId, lock }: { limit: number; onlyOrderId?: number; lock: boolean }): Promise<number[]> {
  const query = db
    .select({ orderId: bulkJobItems.orderId })
    .from(bulkJobItems)
    .where(
      and(
        eq(bulkJobItems.shopId, job.shopId),
        eq(bulkJobItems.jobId, job.id),
        onlyOrderId === undefined ? undefined : eq(bulkJobItems.orderId, onlyOrderId),
        eq(bulkJobItems.outcome, 'pending'),
      ),
    )
    .orderBy(asc(bulkJobItems.orderId))
    .limit(limit);
  const rows = lock ? await query.for('update', { skipLocked: true }) : await query;
  return rows.map((r) => r.orderId);
}
