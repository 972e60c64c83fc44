import { and, asc, eq, inArray, isNotNull } from 'drizzle-orm';
import type { PaymentRequest } from '../../../contracts/payment-requests';
import { sumWon, type Won } from '../../../domain/money';
import type { Executor } from '../../db/client';
import { paymentRequests, payments, refunds, shipmentGroupItems, shipmentGroups } from '../../db/schema/index';
import type { Lang } from '../../http/errors';
import { unitsOf, type OrderRows } from '../../orders/read-queries';
import { summarizeOrder, type OrderSummary } from '../../orders/summary';

type RequestRow = typeof paymentRequests.$inferSelect;
type RequestStatus = RequestRow['status'];

export const REQUEST_STATUS_LABELS: Record<RequestStatus, { ko: string; en: string }> = {
  pending: { ko: '결제대기', en: 'Awaiting payment' },
  paid: { ko: '결제완료', en: 'Paid' },
  cancelled: { ko: '요청취소', en: 'Cancelled' },
  expired: { ko: '기한만료', en: 'Expired' },
};

/** `heldUnits`: units the request's edit still holds (입금대기 until it is paid). */
export function toPaymentRequest(row: RequestRow, paymentId: number | null, lang: Lang, heldUnits = 0): PaymentRequest {
  return {
    id: row.id,
    orderId: row.orderId,
    amount: row.amount,
    reason: row.reason,
    dueAt: row.dueAt?.toISOString() ?? null,
    status: row.status,
    statusLabel: REQUEST_STATUS_LABELS[row.status][lang],
    createdAt: row.createdAt.toISOString(),
    paidAt: row.paidAt?.toISOString() ?? null,
    paymentId,
    orderChangeId: row.orderChangeId,
    heldUnits,
  };
}

/** The order's payment requests, oldest first, each with the payment that settled it and the units its edit holds. */
export async function listPaymentRequests(db: Executor, shopId: number, orderId: number, lang: Lang): Promise<PaymentRequest[]> {
  // Sequential: the executor may be a transaction's single connection.
  const rows = await db.select().from(paymentRequests).where(and(eq(paymentRequests.shopId, shopId), eq(paymentRequests.orderId, orderId))).orderBy(asc(paymentRequests.id));
  const settled = await db
    .select({ id: payments.id, requestId: payments.paymentRequestId })
    .from(payments)
    .where(and(eq(payments.shopId, shopId), eq(payments.orderId, orderId), isNotNull(payments.paymentRequestId)));
  const held = await db
    .select({ changeId: shipmentGroups.heldForChangeId, quantity: shipmentGroupItems.quantity })
    .from(shipmentGroupItems)
    .innerJoin(shipmentGroups, and(eq(shipmentGroups.shopId, shipmentGroupItems.shopId), eq(shipmentGroups.id, shipmentGroupItems.shipmentGroupId)))
    .where(and(eq(shipmentGroupItems.shopId, shopId), eq(shipmentGroupItems.orderId, orderId), isNotNull(shipmentGroups.heldForChangeId)));
  const heldFor = (changeId: number | null) => (changeId === null ? 0 : sumWon(held.filter((h) => h.changeId === changeId).map((h) => h.quantity)));
  return rows.map((r) => toPaymentRequest(r, settled.find((p) => p.requestId === r.id)?.id ?? null, lang, heldFor(r.orderChangeId)));
}

/** The order's derived amounts recomputed from its rows (memos play no part in money). */
export function summarizeRows(rows: OrderRows): OrderSummary {
  const { order } = rows;
  return summarizeOrder({
    couponDiscount: order.couponDiscount,
    pointsUsed: order.pointsUsed,
    shippingFee: order.shippingFee,
    remoteShippingFee: order.remoteShippingFee,
    feesAmount: order.feesAmount,
    items: rows.items,
    units: unitsOf(rows),
    payments: rows.payments,
    shipments: rows.groups,
    claims: rows.claims,
    memos: [],
  });
}

export interface MoneyPosition {
  orderTotal: Won;
  paid: Won;
  refunded: Won;
  balanceDue: Won;
  /** Asked of the buyer and not captured yet: pending payments (a virtual account) and requests. */
  awaitingPayment: Won;
  /** Refunds decided and not yet paid back (pending, or failed and waiting for a retry). */
  awaitingRefund: Won;
  /** What a new payment request may still ask for. */
  requestable: Won;
}

/**
 * Where the order's money stands, from its rows (the ledger is the truth; the summary columns are
 * its cache). A payment request may only ask for what is owed and not already asked for, so two
 * requests never ask twice for the same won.
 */
export async function moneyPositionOf(db: Executor, rows: OrderRows): Promise<MoneyPosition> {
  const { order } = rows;
  const summary = summarizeRows(rows);
  const byOrder = <T extends typeof paymentRequests | typeof refunds>(t: T) => and(eq(t.shopId, order.shopId), eq(t.orderId, order.id));
  // sequential: this runs inside transactions, one connection each
  const pendingRequests = await db.select({ amount: paymentRequests.amount }).from(paymentRequests).where(and(byOrder(paymentRequests), eq(paymentRequests.status, 'pending')));
  const openRefunds = await db.select({ amount: refunds.amount }).from(refunds).where(and(byOrder(refunds), inArray(refunds.status, ['pending', 'failed'])));
  const pendingPayments = rows.payments.filter((p) => p.status === 'pending').map((p) => Math.max(0, p.amount - p.capturedAmount));
  const awaitingPayment = sumWon([...pendingPayments, ...pendingRequests.map((r) => r.amount)]);
  return {
    orderTotal: summary.totalAmount,
    paid: summary.paidAmount,
    refunded: summary.refundedAmount,
    balanceDue: summary.balanceDue,
    awaitingPayment,
    awaitingRefund: sumWon(openRefunds.map((r) => r.amount)),
    requestable: Math.max(0, summary.balanceDue - awaitingPayment),
  };
}
