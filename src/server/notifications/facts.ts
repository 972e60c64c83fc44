import { and, eq } from 'drizzle-orm';
import type { MomentOccurrence } from '../../domain/buyer-message-occurrences';
import { claimReasonText, type ClaimReasonCode } from '../../domain/claim-reasons';
import { courierLabel, trackingUrl } from '../../domain/couriers';
import { formatKst, methodLabel } from '../../domain/event-labels';
import { formatWon } from '../../domain/money';
import { pendingPaymentDueAt } from '../../domain/payment-methods';
import type { Executor } from '../db/client';
import { claimItems, claims, orderItems, orders, paymentRequests, payments, refunds, shipmentGroupItems } from '../db/schema/index';
import { inIds } from '../order-list/sql-arrays';
import { policyOfOrder } from '../shops/policy';

/** What every message of an order may say (the common variables' sources). */
export interface OrderFacts {
  id: number;
  orderNumber: string;
  ordererName: string;
  ordererPhone: string;
  ordererEmail: string | null;
  itemSummary: string;
  totalAmount: number;
  paymentMethod: string | null;
}

/** A moment's own variables, and the My Page path its main link should open. */
export interface MomentFacts {
  values: Record<string, string>;
  /** Where 결제링크 (payment requests) leads; null: no link of its own. */
  payPath: string | null;
}

const won = (n: number) => formatWon(n);

/** "린넨 셔츠 / L 1개, 면 양말 2개": the units a parcel, claim or confirmation is about. */
async function unitNames(tx: Executor, shopId: number, units: ReadonlyArray<{ itemId: number; quantity: number }>): Promise<string> {
  if (units.length === 0) return '';
  const rows = await tx
    .select({ id: orderItems.id, productName: orderItems.productName, optionName: orderItems.optionName })
    .from(orderItems)
    .where(and(eq(orderItems.shopId, shopId), inIds(orderItems.id, units.map((u) => u.itemId))));
  const names = new Map(rows.map((r) => [r.id, r.optionName ? `${r.productName} / ${r.optionName}` : r.productName]));
  const merged = new Map<number, number>();
  for (const u of units) merged.set(u.itemId, (merged.get(u.itemId) ?? 0) + u.quantity);
  return [...merged].map(([itemId, quantity]) => `${names.get(itemId) ?? `#${itemId}`} ${quantity}개`).join(', ');
}

/** The unpaidCancelDays of the order's own policy and the order's time, for pendingPaymentDueAt. */
async function dueRule(tx: Executor, shopId: number, orderId: number): Promise<{ days: number; orderedAt: Date }> {
  const [row] = await tx
    .select({ orderedAt: orders.orderedAt })
    .from(orders)
    .where(and(eq(orders.shopId, shopId), eq(orders.id, orderId)))
    .limit(1);
  if (!row) throw new Error(`order ${orderId} vanished while its message was written`);
  return { days: (await policyOfOrder(tx, shopId, orderId)).unpaidCancelDays, orderedAt: row.orderedAt };
}

async function orderReceived(tx: Executor, shopId: number, order: OrderFacts): Promise<MomentFacts> {
  const values: Record<string, string> = {
    상품명: order.itemSummary,
    결제금액: won(order.totalAmount),
    결제수단: order.paymentMethod ? methodLabel(order.paymentMethod, 'ko') : '',
    입금안내: '',
  };
  // 무통장/가상계좌: the account, amount and due date the buyer must pay into
  const [pending] = await tx
    .select()
    .from(payments)
    .where(and(eq(payments.shopId, shopId), eq(payments.orderId, order.id), eq(payments.status, 'pending')))
    .limit(1);
  if (pending && (pending.method === 'virtual_account' || pending.method === 'bank_transfer')) {
    const account = [pending.vaBank, pending.vaAccountNumber].filter(Boolean).join(' ');
    const rule = pending.vaDueAt ? null : await dueRule(tx, shopId, order.id);
    const dueAt = rule ? pendingPaymentDueAt(pending, rule.orderedAt, rule.days) : pending.vaDueAt;
    const due = dueAt ? formatKst(dueAt.toISOString()) : '';
    Object.assign(values, { 입금은행: pending.vaBank ?? '', 입금계좌: pending.vaAccountNumber ?? '', 예금주: pending.vaHolder ?? '', 입금금액: won(pending.amount), 입금기한: due });
    const lines = [account && `입금계좌: ${account}${pending.vaHolder ? ` (예금주 ${pending.vaHolder})` : ''}`, `입금금액: ${won(pending.amount)}`, due && `입금기한: ${due}까지`].filter(Boolean);
    values.입금안내 = `\n\n${lines.join('\n')}`;
  }
  return { values, payPath: null };
}

async function paymentRequested(tx: Executor, shopId: number, order: OrderFacts, requestId: number): Promise<MomentFacts> {
  const [request] = await tx.select().from(paymentRequests).where(and(eq(paymentRequests.shopId, shopId), eq(paymentRequests.id, requestId))).limit(1);
  if (!request) throw new Error(`payment request ${requestId} vanished while its message was written`);
  return {
    values: { 요청금액: won(request.amount), 요청사유: request.reason, 결제기한: request.dueAt ? `${formatKst(request.dueAt.toISOString())}까지` : '기한 없음' },
    // the order page shows payable requests on top, 결제하기 first
    payPath: `/my/orders/${encodeURIComponent(order.orderNumber)}`,
  };
}

async function parcel(tx: Executor, shopId: number, shipmentId: number, courier: string, trackingNumber: string): Promise<MomentFacts> {
  const units = await tx
    .select({ itemId: shipmentGroupItems.itemId, quantity: shipmentGroupItems.quantity })
    .from(shipmentGroupItems)
    .where(and(eq(shipmentGroupItems.shopId, shopId), eq(shipmentGroupItems.shipmentGroupId, shipmentId)));
  return {
    values: { 상품명: await unitNames(tx, shopId, units), 택배사: courierLabel(courier, 'ko'), 송장번호: trackingNumber, 배송조회링크: trackingUrl(courier, trackingNumber) ?? '' },
    payPath: null,
  };
}

async function claimFacts(tx: Executor, shopId: number, claimId: number, reshipped: boolean): Promise<MomentFacts> {
  const [claim] = await tx.select().from(claims).where(and(eq(claims.shopId, shopId), eq(claims.id, claimId))).limit(1);
  if (!claim) throw new Error(`claim ${claimId} vanished while its message was written`);
  const units = await tx.select({ itemId: claimItems.itemId, quantity: claimItems.quantity }).from(claimItems).where(and(eq(claimItems.shopId, shopId), eq(claimItems.claimId, claimId)));
  const values: Record<string, string> = {
    상품명: await unitNames(tx, shopId, units),
    사유: claim.reasonCode ? claimReasonText(claim.reasonCode as ClaimReasonCode, claim.reasonText, 'ko') : (claim.reasonText ?? ''),
  };
  if (reshipped) {
    const r = (claim.reshipment ?? {}) as { courier?: string | null; trackingNumber?: string | null };
    Object.assign(values, { 택배사: r.courier ? courierLabel(r.courier, 'ko') : '', 송장번호: r.trackingNumber ?? '', 배송조회링크: trackingUrl(r.courier ?? null, r.trackingNumber ?? null) ?? '' });
  }
  return { values, payPath: null };
}

/** "카드 결제 취소", "계좌 환불 (국민 123-45**)", "적립금 3,000원 복원": how the money comes back. */
async function refundFacts(tx: Executor, shopId: number, order: OrderFacts, refundId: number): Promise<MomentFacts> {
  const [refund] = await tx.select().from(refunds).where(and(eq(refunds.shopId, shopId), eq(refunds.id, refundId))).limit(1);
  if (!refund) throw new Error(`refund ${refundId} vanished while its message was written`);
  const ways: string[] = [];
  if (refund.amount > 0) {
    if (refund.method === 'gateway') ways.push(order.paymentMethod === 'card' || order.paymentMethod === 'easy_pay' ? `${methodLabel(order.paymentMethod, 'ko')} 결제 취소` : '결제 수단으로 환불');
    else if (refund.method === 'bank_transfer') {
      const account = (refund.refundAccount ?? {}) as { bank?: string; accountNumber?: string };
      const masked = account.accountNumber ? `${account.accountNumber.slice(0, -4)}****` : '';
      ways.push(`계좌 환불${account.bank ? ` (${[account.bank, masked].filter(Boolean).join(' ')})` : ''}`);
    }
  }
  if (refund.pointsRestored > 0) ways.push(`적립금 ${won(refund.pointsRestored)} 복원`);
  if (refund.couponRestored > 0) ways.push('쿠폰 복원');
  return { values: { 환불금액: won(refund.amount), 환불방법: ways.join(', ') || '환불할 금액 없음' }, payPath: null };
}

async function unpaidCancelled(tx: Executor, shopId: number, order: OrderFacts, dueAt: string): Promise<MomentFacts> {
  const [payment] = await tx.select({ amount: payments.amount }).from(payments).where(and(eq(payments.shopId, shopId), eq(payments.orderId, order.id))).limit(1);
  return { values: { 상품명: order.itemSummary, 주문금액: won(payment?.amount ?? order.totalAmount), 입금기한: formatKst(dueAt) }, payPath: null };
}

/** The variables of one moment of one order, read in the change's transaction (what it just wrote included). */
export async function momentFacts(tx: Executor, shopId: number, order: OrderFacts, o: MomentOccurrence): Promise<MomentFacts> {
  switch (o.moment) {
    case 'order_received':
      return orderReceived(tx, shopId, order);
    case 'deposit_confirmed':
      return { values: { 상품명: order.itemSummary, 입금금액: won(o.amount) }, payPath: null };
    case 'payment_requested':
      return paymentRequested(tx, shopId, order, o.requestId);
    case 'shipped':
      return parcel(tx, shopId, o.shipmentId, o.courier, o.trackingNumber);
    case 'cancel_accepted':
    case 'return_accepted':
    case 'exchange_accepted':
      return claimFacts(tx, shopId, o.claimId, false);
    case 'exchange_shipped':
      return claimFacts(tx, shopId, o.claimId, true);
    case 'refund_completed':
      return refundFacts(tx, shopId, order, o.refundId);
    case 'purchase_auto_confirmed':
      return { values: { 상품명: await unitNames(tx, shopId, o.items) }, payPath: null };
    case 'unpaid_cancelled':
      return unpaidCancelled(tx, shopId, order, o.dueAt);
  }
}
