import { sql } from 'drizzle-orm';
import type { Executor } from '../db/client';
import type { ItemOutcome } from './batch-moves';

/**
 * Records what happened to orders of a job and advances its counters, in the transaction of the
 * change itself: an order's outcome and its change commit together, so a job resumed after a
 * crash finds every changed order already marked and never changes it twice. Only pending rows
 * are written, so a second writer cannot count an order again either.
 */
export async function recordOutcomes(tx: Executor, shopId: number, jobId: number, outcomes: readonly ItemOutcome[], now: Date): Promise<void> {
  if (outcomes.length === 0) return;
  const records = outcomes.map((o) => ({ order_id: o.orderId, outcome: o.outcome, reason: o.reason, refund_id: o.refundId ?? null }));
  await tx.execute(sql`
    with written as (
      update bulk_job_items as i set outcome = v.outcome, reason = v.reason, refund_id = v.refund_id
      from jsonb_to_recordset(${JSON.stringify(records)}::jsonb) as v(order_id bigint, outcome text, reason text, refund_id bigint)
      where i.shop_id = ${shopId} and i.job_id = ${jobId} and i.order_id = v.order_id and i.outcome = 'pending'
      returning i.outcome
    )
    update bulk_jobs set
      done = done + (select count(*) from written),
      processed = processed + (select count(*) from written where outcome = 'processed'),
      skipped = skipped + (select count(*) from written where outcome = 'skipped'),
      failed = failed + (select count(*) from written where outcome = 'failed'),
      heartbeat_at = ${now.toISOString()}::timestamptz,
      updated_at = ${now.toISOString()}::timestamptz
    where shop_id = ${shopId} and id = ${jobId}`);
}
