import { sql } from 'drizzle-orm';
import type { Principal } from '../auth/principal';
import { queryRows, type Db, type Executor } from '../db/client';
import { bulkJobs } from '../db/schema/index';

export interface ClaimedRow<A> {
  shopId: number;
  id: number;
  action: A;
  principal: Principal;
  /** The heartbeat this claim wrote: a later beat that no longer finds it has lost the job to another server. */
  heartbeatAt: Date;
}

type JobInsert = typeof bulkJobs.$inferInsert;

/** Queues a job of a kind (the one row both queues share), as asked by `principal`; answers its id. */
export async function insertQueuedJob(
  executor: Executor,
  principal: Principal,
  job: { kind: 'bulk_action' | 'export'; action: JobInsert['action']; selection: JobInsert['selection']; total: number; now: Date },
): Promise<number> {
  const [row] = await executor
    .insert(bulkJobs)
    .values({
      shopId: principal.shopId,
      kind: job.kind,
      action: job.action,
      selection: job.selection,
      status: 'queued',
      total: job.total,
      createdByStaffId: principal.kind === 'staff' ? principal.staffId : null,
      requestedBy: principal,
      createdAt: job.now,
      updatedAt: job.now,
    })
    .returning({ id: bulkJobs.id });
  if (!row) throw new Error(`the ${job.kind} job was not inserted`);
  return row.id;
}

/**
 * Takes the oldest runnable job of a kind: queued, or running with a heartbeat older than
 * `staleAfterMs` (its server died). One UPDATE over a row chosen FOR UPDATE SKIP LOCKED, so any
 * number of servers share the queue and a job is run by one of them at a time.
 */
export async function claimJob<A>(db: Db, kind: 'bulk_action' | 'export', staleAfterMs: number): Promise<ClaimedRow<A> | null> {
  const now = new Date();
  const staleBefore = new Date(now.getTime() - staleAfterMs);
  const rows = await queryRows<{ shop_id: number | string; id: number | string; action: A; requested_by: Principal }>(
    db,
    sql`update bulk_jobs set status = 'running', heartbeat_at = ${now.toISOString()}::timestamptz, updated_at = ${now.toISOString()}::timestamptz
        where (shop_id, id) = (
          select shop_id, id from bulk_jobs
          where kind = ${kind}
            and (status = 'queued' or (status = 'running' and (heartbeat_at is null or heartbeat_at < ${staleBefore.toISOString()}::timestamptz)))
          order by created_at, id
          limit 1
          for update skip locked)
        returning shop_id, id, action, requested_by`,
  );
  const row = rows[0];
  if (!row) return null;
  return { shopId: Number(row.shop_id), id: Number(row.id), action: row.action, principal: row.requested_by, heartbeatAt: now };
}
