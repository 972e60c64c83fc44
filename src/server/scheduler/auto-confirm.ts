import type { Actor } from '../../domain/events';
import { queryRows, sql, type Db } from '../db/client';
import { confirmPurchase, deliveredUnits } from '../fulfillment/purchase-confirmation';
import { loadGroups } from '../fulfillment/queries';
import { mutateOrderAsSystem } from '../orders/mutation';
import { joinOrderPolicy, policyOfOrder } from '../shops/policy';

const DAY_MS = 86_400_000;
const SYSTEM: Actor = { kind: 'system' };

export interface JobOptions {
  /** Shipment groups (auto-confirm) or orders (unpaid cancel) read per step. */
  batchSize?: number;
  /** At most this many orders changed per run; the next run goes on (a run stays well inside the scheduler's lease). */
  maxOrders?: number;
  log?: (message: string, error?: unknown) => void;
}

export interface AutoConfirmReport {
  /** Orders whose delivered units were confirmed, and how many units. */
  orders: number;
  units: number;
  /** Orders another server (or staff) held at that moment: left for the next run. */
  busy: number;
  /** Orders whose change failed (logged); left as they were. */
  failed: number;
}

type Candidate = { id: number | string; shop_id: number | string; order_id: number | string; delivered_at: Date | string };

/**
 * 자동 구매확정: delivered parcels older than the autoConfirmDays of the policy their order was
 * placed under (0 turns it off for the orders of that version) are confirmed, as `system`, one order per transaction. The walk follows
 * shipment_groups_delivered_idx, oldest delivery first, in bounded steps with a cursor, so an
 * order skipped in this run (held by someone) does not stop the walk. Several servers running it
 * at once are safe: each order is locked FOR UPDATE SKIP LOCKED and looked at again under the lock,
 * so a unit is confirmed once and nobody waits.
 */
export async function runAutoConfirm(db: Db, options: JobOptions = {}): Promise<AutoConfirmReport> {
  const batchSize = options.batchSize ?? 200;
  const maxOrders = options.maxOrders ?? 2_000;
  // the app's clock, as every order change uses (mutateOrderAsSystem looks again by it under the lock)
  const now = new Date();
  const report: AutoConfirmReport = { orders: 0, units: 0, busy: 0, failed: 0 };
  let cursor = { at: '-infinity', id: 0 };
  const seen = new Set<string>();
  while (report.orders < maxOrders) {
    // the first bound (the smallest autoConfirmDays of any policy version) is what lets the index
    // range-scan; each parcel is then held to its own order's days
    const batch = await queryRows<Candidate>(
      db,
      sql`select g.id, g.shop_id, g.order_id, g.delivered_at
          from shipment_groups g
          join orders o on o.shop_id = g.shop_id and o.id = g.order_id
          ${joinOrderPolicy('pol')}
          where g.status = 'delivered'
            and g.delivered_at < ${now.toISOString()}::timestamptz - (select coalesce(min((v.policy->>'autoConfirmDays')::int), 0) from shop_policies v where (v.policy->>'autoConfirmDays')::int > 0) * interval '1 day'
            and (pol.policy->>'autoConfirmDays')::int > 0
            and g.delivered_at < ${now.toISOString()}::timestamptz - (pol.policy->>'autoConfirmDays')::int * interval '1 day'
            and (g.delivered_at, g.id) > (${cursor.at}::timestamptz, ${cursor.id})
          order by g.delivered_at, g.id
          limit ${batchSize}`,
    );
    for (const row of batch) {
      const key = `${row.shop_id}:${row.order_id}`;
      if (seen.has(key) || report.orders >= maxOrders) continue;
      seen.add(key);
      await confirmOrder(db, Number(row.shop_id), Number(row.order_id), report, options.log);
    }
    const last = batch.at(-1);
    if (!last || batch.length < batchSize) break;
    cursor = { at: new Date(last.delivered_at).toISOString(), id: Number(last.id) };
  }
  return report;
}

async function confirmOrder(db: Db, shopId: number, orderId: number, report: AutoConfirmReport, log: JobOptions['log']) {
  try {
    const outcome = await mutateOrderAsSystem(db, { shopId, orderId }, async (tx, order, now) => {
      const { autoConfirmDays: days } = await policyOfOrder(tx, shopId, orderId);
      if (days <= 0) return null;
      // under the lock: only what is still delivered, and old enough by the order's own days
      const due = deliveredUnits(await loadGroups(tx, shopId, orderId), new Date(now.getTime() - days * DAY_MS));
      if (due.length === 0) return null;
      return confirmPurchase(tx, order, due, SYSTEM, true, now);
    });
    if (outcome.status === 'busy') report.busy++;
    if (outcome.status === 'changed') {
      report.orders++;
      report.units += outcome.result.units;
    }
  } catch (error) {
    report.failed++;
    log?.(`auto-confirm: order ${orderId} of shop ${shopId} could not be confirmed`, error);
  }
}
