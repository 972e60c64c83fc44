import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { BulkAction } from '../../contracts/bulk-jobs';
import { exclusionOf, STATUS_MOVE_ACTIONS, type StatusMoveAction } from '../../domain/bulk-actions';
import { courierCodeOf } from '../../domain/couriers';
import { depositConfirmed, memoAdded, statusesChanged, type Actor, type EventDraft } from '../../domain/events';
import type { GroupState, MovePlan } from '../../domain/fulfillment-moves';
import { planStatusChanges, planWholeStatusMove, type StatusChangePlan } from '../../domain/fulfillment-plan';
import type { OrderStatus } from '../../domain/order-status';
import type { UnitStatus } from '../../domain/status';
import { queryRows, type Tx } from '../db/client';
import { memos, payments } from '../db/schema/index';
import { claimOriginGroupsOf, loadGroupsOf, writePlans, type PlanToWrite } from '../fulfillment/queries';
import { statusChangeEvents } from '../fulfillment/status-service';
import { bigintArray, inIds } from '../order-list/sql-arrays';
import { refreshMemoSummaries, refreshOrderSummaries } from '../orders/summary-refresh';
import { heldGroupIdsOf, releaseHeldUnits, withoutHeld } from '../payments/requests/held-units';
import { appendEventsOf } from '../timeline/queries';
import { parseTextArray } from './preview-service';
import { awaitingPaymentHeldSql } from './selection';

export interface ItemOutcome {
  orderId: number;
  outcome: 'processed' | 'skipped' | 'failed';
  /** `code:orderStatus` for an exclusion, an error code for a refusal, null when processed. */
  reason: string | null;
  /** A cancel's refund (refunds.id), whose fate the job reports. */
  refundId?: number | null;
}

export interface BatchJob {
  shopId: number;
  action: BulkAction;
  actor: Actor;
}

interface Locked {
  id: number;
  unitStatuses: UnitStatus[];
  orderStatus: OrderStatus;
  paymentMethod: string | null;
  awaitingPaymentHeld: boolean;
}

interface Change {
  orderId: number;
  events: EventDraft[];
}

/**
 * One batch of a status move, deposit confirmation or memo, set-based: the batch's orders are
 * locked in id order (so two batches or a batch and a change by hand never deadlock), the rule
 * is checked on each under its lock, every order's plan is made by the same pure planner a single
 * change uses, and then each table is written with one statement for the whole batch, the summary
 * refreshed and every order's timeline events appended, in the caller's transaction.
 */
export async function processMoveBatch(tx: Tx, job: BatchJob, orderIds: readonly number[], now: Date): Promise<ItemOutcome[]> {
  const locked = await lockOrders(tx, job, orderIds);
  const found = new Set(locked.map((o) => o.id));
  const outcomes: ItemOutcome[] = orderIds.filter((id) => !found.has(id)).map((orderId) => ({ orderId, outcome: 'skipped', reason: 'ORDER_NOT_FOUND' }));
  // couriers as a change by hand stores them: the code of a known courier, else as typed
  const shipmentOf = new Map(job.action.type === 'ship' ? job.action.shipments.map((s) => [s.orderId, { ...s, courier: courierCodeOf(s.courier) }]) : []);
  const eligible: number[] = [];
  for (const o of locked) {
    const facts = { unitStatuses: o.unitStatuses, orderStatus: o.orderStatus, paymentMethod: o.paymentMethod, hasShipment: shipmentOf.has(o.id), awaitingPaymentHeld: o.awaitingPaymentHeld };
    const excluded = exclusionOf(job.action.type, facts);
    if (excluded) outcomes.push({ orderId: o.id, outcome: 'skipped', reason: `${excluded.code}:${excluded.orderStatus}` });
    else eligible.push(o.id);
  }

  const changes: Change[] =
    job.action.type === 'add_memo'
      ? await addMemos(tx, job, job.action.body, eligible, now)
      : await moveUnits(tx, job, eligible, shipmentOf, outcomes, now);

  const changedIds = changes.map((c) => c.orderId);
  if (job.action.type === 'add_memo') await refreshMemoSummaries(tx, job.shopId, changedIds);
  else await refreshOrderSummaries(tx, job.shopId, changedIds, now);
  await appendEventsOf(tx, job.shopId, changes.map((c) => ({ orderId: c.orderId, drafts: c.events })), now);
  for (const orderId of changedIds) outcomes.push({ orderId, outcome: 'processed', reason: null });
  return outcomes;
}

async function lockOrders(tx: Tx, job: BatchJob, orderIds: readonly number[]): Promise<Locked[]> {
  if (orderIds.length === 0) return [];
  const rows = await queryRows<{ id: number | string; unit_statuses: string[] | string; order_status: OrderStatus; payment_method: string | null; held: boolean }>(
    tx,
    sql`select id, unit_statuses, order_status, payment_method, ${awaitingPaymentHeldSql(job.action)} as held from orders
        where shop_id = ${job.shopId} and id = any(${bigintArray(orderIds)})
        order by id for no key update`,
  );
  return rows.map((r) => ({
    id: Number(r.id),
    unitStatuses: parseTextArray(r.unit_statuses) as UnitStatus[],
    orderStatus: r.order_status,
    paymentMethod: r.payment_method,
    awaitingPaymentHeld: r.held === true,
  }));
}

/** 메모 추가: one memo per order, signed by the staff member who started the job. */
async function addMemos(tx: Tx, job: BatchJob, body: string, orderIds: readonly number[], now: Date): Promise<Change[]> {
  if (orderIds.length === 0) return [];
  if (job.actor.kind !== 'staff') throw new Error('a memo job is started by staff (checked when it was created)');
  const actor = job.actor;
  const rows = await tx
    .insert(memos)
    .values(orderIds.map((orderId) => ({ shopId: job.shopId, orderId, authorStaffId: actor.id, authorName: actor.name, body, createdAt: now })))
    .returning({ id: memos.id, orderId: memos.orderId });
  return rows.map((m) => ({ orderId: m.orderId, events: [memoAdded(actor, { memoId: m.id })] }));
}

/** Every unit of the order in the action's `from` status, as the status changes a person would send. */
function wholeChanges(groups: readonly GroupState[], from: UnitStatus, to: UnitStatus) {
  return groups
    .filter((g) => g.status === from)
    .flatMap((g) => g.items.filter((u) => u.quantity > 0).map((u) => ({ shipmentGroupId: g.id, itemId: u.itemId, quantity: u.quantity, to })));
}

async function moveUnits(
  tx: Tx,
  job: BatchJob,
  orderIds: readonly number[],
  shipmentOf: ReadonlyMap<number, { courier: string; trackingNumber: string }>,
  outcomes: ItemOutcome[],
  now: Date,
): Promise<Change[]> {
  if (orderIds.length === 0) return [];
  const type = job.action.type as StatusMoveAction;
  const { from, to } = STATUS_MOVE_ACTIONS[type];
  const groupsOf = await loadGroupsOf(tx, job.shopId, orderIds);
  const keepOf = await claimOriginGroupsOf(tx, job.shopId, orderIds);
  // units waiting for an edit's additional payment are never moved in bulk: plans do not see their groups
  const heldOf = await heldGroupIdsOf(tx, job.shopId, orderIds);
  const deposits = type === 'confirm_deposit' ? await pendingDeposits(tx, job.shopId, orderIds) : new Map<number, PendingDeposit[]>();

  const toWrite: PlanToWrite[] = [];
  const eventsOf: Array<(idOf: (ref: MovePlan['groups'][number]['ref']) => number) => EventDraft[]> = [];
  const captured: PendingDeposit[] = [];
  for (const orderId of orderIds) {
    const groups = withoutHeld(groupsOf.get(orderId) ?? [], heldOf.get(orderId) ?? new Set());
    const keep = keepOf.get(orderId) ?? new Set<number>();
    if (type === 'confirm_deposit') {
      const candidates = deposits.get(orderId) ?? [];
      const payment = candidates.length === 1 ? candidates[0] : undefined;
      const plan = payment ? planWholeStatusMove(groups, from, to, keep) : null;
      if (!payment || !plan) {
        outcomes.push({ orderId, outcome: 'skipped', reason: 'NOTHING_AWAITS_PAYMENT' });
        continue;
      }
      captured.push(payment);
      toWrite.push({ orderId, before: groups, plan });
      eventsOf.push(() => [
        depositConfirmed(job.actor, { paymentId: payment.id, amount: payment.amount, depositorName: payment.depositorName }),
        ...statusesChanged(job.actor, plan.moved.map((m) => ({ ...m, kind: 'forward' as const }))),
      ]);
      continue;
    }
    const planned = planStatusChanges(groups, wholeChanges(groups, from, to), shipmentOf.get(orderId), now, keep);
    if (!planned.ok) {
      outcomes.push({ orderId, outcome: 'skipped', reason: planned.code });
      continue;
    }
    const plan: StatusChangePlan = planned.plan;
    toWrite.push({ orderId, before: groups, plan });
    eventsOf.push((idOf) => statusChangeEvents(plan, job.actor, idOf));
  }

  const idMaps = await writePlans(tx, job.shopId, toWrite, now);
  if (captured.length > 0) await capturePayments(tx, job.shopId, captured, now);
  // a deposit that settles the whole balance also releases the order's held units, as one by hand does
  const released = new Map<number, EventDraft[]>();
  for (const w of toWrite) {
    if (type !== 'confirm_deposit' || (heldOf.get(w.orderId)?.size ?? 0) === 0) continue;
    released.set(w.orderId, (await releaseHeldUnits(tx, { shopId: job.shopId, id: w.orderId }, { changeId: null, requestId: null }, job.actor, now)).events);
  }
  return toWrite.map((w, i) => {
    const idOf = idMaps.get(w.orderId);
    const events = eventsOf[i];
    if (!idOf || !events) throw new Error(`the plan of order ${w.orderId} was not written`);
    return { orderId: w.orderId, events: [...events(idOf), ...(released.get(w.orderId) ?? [])] };
  });
}

interface PendingDeposit {
  id: number;
  orderId: number;
  amount: number;
  depositorName: string | null;
}

/** The order's own pending 무통장/가상계좌 payments (not later payment requests): what a deposit captures. */
async function pendingDeposits(tx: Tx, shopId: number, orderIds: readonly number[]): Promise<Map<number, PendingDeposit[]>> {
  const rows = await tx
    .select({ id: payments.id, orderId: payments.orderId, amount: payments.amount, depositorName: payments.depositorName })
    .from(payments)
    .where(
      and(
        eq(payments.shopId, shopId),
        inIds(payments.orderId, orderIds),
        eq(payments.status, 'pending'),
        inArray(payments.method, ['bank_transfer', 'virtual_account']),
        isNull(payments.paymentRequestId),
      ),
    );
  const result = new Map<number, PendingDeposit[]>();
  for (const r of rows) result.set(r.orderId, [...(result.get(r.orderId) ?? []), r]);
  return result;
}

/** 입금확인 in bulk: each payment captured in full, paid now (the bank's own time is entered by hand, one order at a time). */
async function capturePayments(tx: Tx, shopId: number, list: readonly PendingDeposit[], now: Date): Promise<void> {
  await tx.execute(sql`
    update payments as p set status = 'captured', captured_amount = v.amount, paid_at = ${now.toISOString()}::timestamptz
    from jsonb_to_recordset(${JSON.stringify(list.map((d) => ({ id: d.id, amount: d.amount })))}::jsonb) as v(id bigint, amount bigint)
    where p.shop_id = ${shopId} and p.id = v.id and p.status = 'pending'`);
}
