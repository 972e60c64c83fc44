import { unpaidOrderCancelled, type Actor, type EventDraft } from '../../domain/events';
import { pendingPaymentDueAt } from '../../domain/payment-methods';
import { completeClaim } from '../claims/complete-service';
import type { ClaimContext } from '../claims/context';
import { requestClaim } from '../claims/request-service';
import { countRows, queryRows, sql, type Db, type Tx } from '../db/client';
import { mutateOrderAsSystem, type OrderRow } from '../orders/mutation';
import { loadOrderRows, type OrderRows } from '../orders/read-queries';
import { unavailable, type GatewayFailure, type PaymentGateway } from '../payments/gateways/gateway';
import { joinOrderPolicy, policyOfOrder } from '../shops/policy';
import type { JobOptions } from './auto-confirm';

const SYSTEM: Actor = { kind: 'system' };
const REASON = '입금기한 경과 자동 취소';
/** Gateway answers meaning the account takes no deposit any more (cancelled, expired, never issued): as good as closed. */
const NOT_OPEN = new Set(['ALREADY_CANCELED_PAYMENT', 'NOT_CANCELABLE_PAYMENT']);

export interface UnpaidCancelReport {
  /** Unpaid orders cancelled, and the virtual accounts closed at the gateway for them. */
  orders: number;
  accountsClosed: number;
  /** The gateway did not answer or refused to close the account: the order is left for the next run. */
  gatewayUnavailable: number;
  gatewayDeclined: number;
  /** Held by another server or by staff at that moment: left for the next run. */
  busy: number;
  failed: number;
  /** Pending payment requests past their due date, now 기한만료. */
  requestsExpired: number;
}

type Candidate = {
  shop_id: number | string;
  order_id: number | string;
  payment_id: number | string;
  method: string;
  gateway: string | null;
  gateway_transaction_id: string | null;
  amount: number | string;
};

/**
 * 미입금 자동취소: an order whose every unit still waits for the original payment (a 가상계좌 past
 * its va_due_at, or a 무통장 past its own due date or the unpaidCancelDays of the policy the order
 * was placed under, after ordering; 0 days turns that off) is cancelled whole, as `system`: a cancel claim completed at
 * once, nothing to refund, stock back, the pending payment cancelled. Units an edit added and the
 * buyer has not paid for yet (held for a payment request) never make an order a candidate.
 *
 * A virtual account is closed at the gateway first, outside any transaction: were the order
 * cancelled with the account still open, the buyer could still send money into it. When the
 * gateway does not answer, or refuses (the buyer may have deposited a moment ago), the order is
 * left as it is for the next run. An account of another gateway than this server's is left to that
 * gateway's own due date. Several servers may run this at once: the close is idempotent (one key
 * per payment) and the order is locked FOR UPDATE SKIP LOCKED and looked at again under the lock.
 * Pending 추가 결제 requests past their due date become expired in the same run.
 */
export async function runUnpaidCancel(db: Db, gateway: PaymentGateway, options: JobOptions = {}): Promise<UnpaidCancelReport> {
  const batchSize = options.batchSize ?? 200;
  const maxOrders = options.maxOrders ?? 1_000;
  const now = new Date();
  const report: UnpaidCancelReport = { orders: 0, accountsClosed: 0, gatewayUnavailable: 0, gatewayDeclined: 0, busy: 0, failed: 0, requestsExpired: 0 };
  report.requestsExpired = await expirePaymentRequests(db, now);
  let cursor = { shopId: 0, orderId: 0 };
  while (report.orders < maxOrders) {
    const batch = await candidates(db, now, cursor, batchSize);
    const byOrder = new Map<string, Candidate[]>();
    for (const row of batch) byOrder.set(`${row.shop_id}:${row.order_id}`, [...(byOrder.get(`${row.shop_id}:${row.order_id}`) ?? []), row]);
    const full = batch.length === batchSize;
    const orders = [...byOrder.values()];
    // a full batch may have cut the last order's payments short: that order starts the next batch
    if (full && orders.length > 1) orders.pop();
    for (const rows of orders) {
      if (report.orders >= maxOrders) break;
      await cancelOrder(db, gateway, rows, report, options.log ?? (() => undefined));
    }
    const last = orders.at(-1)?.[0];
    if (!last || !full) break;
    cursor = { shopId: Number(last.shop_id), orderId: Number(last.order_id) };
  }
  return report;
}

/** The pending original payments of unpaid orders past their due date, by (shop, order) after the cursor. */
function candidates(db: Db, now: Date, cursor: { shopId: number; orderId: number }, limit: number) {
  const at = now.toISOString();
  // `unit_statuses && '{awaiting_payment}'` repeats orders_status_awaiting_payment_idx's predicate so the planner can use it
  return queryRows<Candidate>(
    db,
    sql`select o.shop_id, o.id as order_id, p.id as payment_id, p.method, p.gateway, p.gateway_transaction_id, p.amount
        from orders o
        ${joinOrderPolicy('pol')}
        join payments p on p.shop_id = o.shop_id and p.order_id = o.id
        where o.unit_statuses && '{awaiting_payment}'::text[]
          and o.unit_statuses <@ '{awaiting_payment,cancelled}'::text[]
          and o.paid_amount = 0
          and p.status = 'pending' and p.payment_request_id is null and p.method in ('virtual_account', 'bank_transfer')
          and (p.va_due_at < ${at}::timestamptz
            or (p.va_due_at is null and p.method = 'bank_transfer' and (pol.policy->>'unpaidCancelDays')::int > 0
                and o.ordered_at + (pol.policy->>'unpaidCancelDays')::int * interval '1 day' < ${at}::timestamptz))
          and not exists (
            select 1 from shipment_groups g join shipment_group_items gi on gi.shop_id = g.shop_id and gi.shipment_group_id = g.id
            where g.shop_id = o.shop_id and g.order_id = o.id and g.held_for_change_id is not null and gi.quantity > 0)
          and (o.shop_id, o.id) > (${cursor.shopId}, ${cursor.orderId})
        order by o.shop_id, o.id, p.id
        limit ${limit}`,
  );
}

/** Requests a buyer is paying right now are locked by that payment: skipped here, expired next run if still unpaid. */
async function expirePaymentRequests(db: Db, now: Date): Promise<number> {
  let total = 0;
  for (;;) {
    const n = await countRows(
      db,
      sql`with expired as (
            update payment_requests set status = 'expired'
            where (shop_id, id) in (
              select shop_id, id from payment_requests where status = 'pending' and due_at < ${now.toISOString()}::timestamptz limit 1000 for update skip locked)
            returning 1)
          select count(*) as n from expired`,
    );
    total += n;
    if (n < 1000) return total;
  }
}

/** What the gateway holds of a pending payment: its amount plus what cancels of some units took off it since (reducedPayments). */
async function heldAmount(db: Db, p: Candidate): Promise<number> {
  const [row] = await queryRows<{ n: number | string | null }>(
    db,
    sql`select coalesce(sum((r->>'amount')::bigint), 0) as n
        from refunds f, jsonb_array_elements(coalesce(f.breakdown->'reducedPayments', '[]'::jsonb)) r
        where f.shop_id = ${Number(p.shop_id)} and f.order_id = ${Number(p.order_id)} and f.status <> 'voided' and (r->>'paymentId')::bigint = ${Number(p.payment_id)}`,
  );
  return Number(p.amount) + Number(row?.n ?? 0);
}

/** Closes one pending virtual account at this server's gateway; 'elsewhere' when it is not this gateway's to close. */
async function closeAccount(db: Db, gateway: PaymentGateway, p: Candidate): Promise<'closed' | 'elsewhere' | GatewayFailure> {
  if (p.method !== 'virtual_account' || !p.gateway_transaction_id || p.gateway !== gateway.name) return 'elsewhere';
  const amount = await heldAmount(db, p);
  if (amount <= 0) return 'elsewhere';
  try {
    const result = await gateway.cancel({ paymentKey: p.gateway_transaction_id, amount, reason: REASON, idempotencyKey: `unpaid-cancel-${p.shop_id}-${p.payment_id}` });
    if (result.ok || NOT_OPEN.has(result.code)) return 'closed';
    return result;
  } catch (error) {
    // a throwing adapter is a bug; the account's state is unknown, so the order waits
    return unavailable('GATEWAY_ERROR', error instanceof Error ? error.message : String(error));
  }
}

async function cancelOrder(db: Db, gateway: PaymentGateway, rows: readonly Candidate[], report: UnpaidCancelReport, log: (message: string, error?: unknown) => void) {
  const shopId = Number(rows[0]?.shop_id);
  const orderId = Number(rows[0]?.order_id);
  const closed = new Set<number>();
  for (const p of rows) {
    const outcome = await closeAccount(db, gateway, p);
    if (outcome === 'elsewhere') continue;
    if (outcome === 'closed') {
      closed.add(Number(p.payment_id));
      continue;
    }
    if (outcome.kind === 'unavailable') report.gatewayUnavailable++;
    else report.gatewayDeclined++;
    log(`unpaid-cancel: order ${orderId} of shop ${shopId} left for the next run; the gateway did not close virtual account payment ${p.payment_id}: ${outcome.code} ${outcome.message}`);
    return;
  }
  let stillUnpaid = false;
  try {
    const outcome = await mutateOrderAsSystem(db, { shopId, orderId }, async (tx, order, now) => {
      const rowsNow = await loadOrderRows(tx, shopId, orderId);
      if (!rowsNow) return null;
      const dueAt = await overdueSince(tx, order, rowsNow, now);
      stillUnpaid = rowsNow.payments.some((p) => p.status === 'pending');
      if (!dueAt || !cancellable(rowsNow, gateway, closed)) return null;
      return cancelAll(tx, rowsNow, { shopId, orderId, actor: SYSTEM, requestedBy: 'system', lang: 'ko', now }, dueAt, closed.size > 0);
    });
    if (outcome.status === 'busy') report.busy++;
    if (outcome.status === 'changed') {
      report.orders++;
      report.accountsClosed += closed.size;
    }
    if (outcome.status === 'unchanged' && closed.size > 0 && stillUnpaid) {
      log(`unpaid-cancel: the virtual account of order ${orderId} of shop ${shopId} was closed, but the order changed meanwhile and was not cancelled; staff should look at it`);
    }
  } catch (error) {
    report.failed++;
    log(`unpaid-cancel: order ${orderId} of shop ${shopId} could not be cancelled`, error);
  }
}

/** The due date the order's original pending payment missed, seen under the lock; null when none is past. */
async function overdueSince(tx: Tx, order: OrderRow, rows: OrderRows, now: Date): Promise<Date | null> {
  const { unpaidCancelDays } = await policyOfOrder(tx, order.shopId, order.id);
  const dues = rows.payments
    .filter((p) => p.status === 'pending' && p.paymentRequestId === null && (p.method === 'virtual_account' || p.method === 'bank_transfer'))
    .map((p) => pendingPaymentDueAt(p, order.orderedAt, unpaidCancelDays))
    .filter((d): d is Date => d !== null && d < now);
  return dues.length > 0 ? new Date(Math.min(...dues.map((d) => d.getTime()))) : null;
}

/**
 * Under the lock: nothing captured, every unit still 입금대기 from the original order (none held for
 * an edit's payment request, none in an open claim), and every account this gateway issued closed.
 */
function cancellable(rows: OrderRows, gateway: PaymentGateway, closed: ReadonlySet<number>): boolean {
  if (rows.payments.some((p) => p.capturedAmount > 0)) return false;
  const holding = rows.groups.filter((g) => rows.groupItems.some((gi) => gi.shipmentGroupId === g.id && gi.quantity > 0));
  if (holding.length === 0 || holding.some((g) => g.status !== 'awaiting_payment' || g.heldForChangeId !== null)) return false;
  if (rows.claims.some((c) => c.status !== 'cancelled')) return false;
  const open = rows.payments.filter((p) => p.status === 'pending' && p.method === 'virtual_account' && p.gateway === gateway.name && p.gatewayTransactionId);
  return open.every((p) => closed.has(p.id));
}

/**
 * The cancel itself, as staff's 전체 취소 would do it (claim requested and completed in one go), with
 * one line for the buyer: the claim's own events stay for staff and the webhooks.
 */
async function cancelAll(tx: Tx, rows: OrderRows, ctx: ClaimContext, dueAt: Date, accountClosed: boolean) {
  const units = rows.groupItems.filter((gi) => gi.quantity > 0).map((gi) => ({ itemId: gi.itemId, shipmentGroupId: gi.shipmentGroupId, quantity: gi.quantity }));
  const requested = await requestClaim(tx, ctx, { kind: 'cancel', items: units, reasonCode: null, reasonText: REASON, fault: null, pickup: null, restock: false });
  const completed = await completeClaim(tx, ctx, requested.claimId, {});
  // nothing was captured, so nothing can be owed back; a refund here would be a bug, never paid out by a job
  if ((completed.outcome.proposal?.amount ?? 0) > 0) throw new Error(`order ${ctx.orderId}: an unpaid cancel proposed a refund of ${completed.outcome.proposal?.amount}`);
  const perItem = new Map<number, number>();
  for (const u of units) perItem.set(u.itemId, (perItem.get(u.itemId) ?? 0) + u.quantity);
  const items = [...perItem].map(([itemId, quantity]) => ({ itemId, quantity }));
  const events: EventDraft[] = [
    ...[...requested.events, ...completed.events].map((e) => ({ ...e, buyerVisible: false })),
    unpaidOrderCancelled(SYSTEM, { dueAt: dueAt.toISOString(), items, accountClosed }),
  ];
  return { events, result: { claimId: requested.claimId } };
}
