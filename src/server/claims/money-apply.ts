import { and, eq, gte, inArray, isNotNull, sql } from 'drizzle-orm';
import type { RefundProposal } from '../../domain/refund-calculator';
import type { Executor } from '../db/client';
import { customerCoupons, orderItems, orders, payments, productOptions, type claims } from '../db/schema/index';
import { AppError } from '../http/errors';
import { addPoints, loadMemberForUpdate } from '../orders/member-benefits';
import type { OrderRows } from '../orders/read-queries';
import type { RefundBreakdown } from '../payments/refunds/records';
import type { ClaimContext } from './context';

type ClaimRow = typeof claims.$inferSelect;
type SideEffects = Omit<RefundBreakdown, 'proposal'>;

const orderKey = (ctx: ClaimContext) => and(eq(orders.shopId, ctx.shopId), eq(orders.id, ctx.orderId));
const itemKey = (ctx: ClaimContext, id: number) => and(eq(orderItems.shopId, ctx.shopId), eq(orderItems.id, id));
const claimUnits = (rows: OrderRows, claimId: number) => rows.claimItems.filter((ci) => ci.claimId === claimId);

/**
 * Applies a completed claim's refund proposal to the order in the claim's transaction: the coupon,
 * points, shipping and fees move by its components, the items' shares by its share changes, the
 * member gets the points (and, when nothing is left, the coupon) back, stock comes back, and an
 * order cancelled whole before payment stops waiting for its deposit.
 */
export async function applyProposal(tx: Executor, ctx: ClaimContext, rows: OrderRows, claim: ClaimRow, p: RefundProposal): Promise<SideEffects> {
  const { after } = p;
  await tx
    .update(orders)
    .set({ couponDiscount: after.couponDiscount, pointsUsed: after.pointsUsed, shippingFee: after.shippingFee, remoteShippingFee: after.remoteShippingFee, feesAmount: after.feesAmount })
    .where(orderKey(ctx));
  for (const s of p.shares) await tx.update(orderItems).set({ couponShare: s.couponShare, pointsShare: s.pointsShare }).where(itemKey(ctx, s.itemId));

  const customerId = rows.order.customerId;
  if (p.pointsRestored > 0 && customerId !== null) {
    await addPoints(tx, ctx.shopId, customerId, p.pointsRestored, claim.kind === 'cancel' ? '주문 취소 적립금 환원' : '반품 적립금 환원', ctx.orderId, ctx.now);
  }

  let couponReturned = false;
  const couponId = rows.order.customerCouponId;
  if (p.fullClaim && couponId !== null && after.couponDiscount === 0) {
    const given = await tx
      .update(customerCoupons)
      .set({ status: 'available', usedOrderId: null, usedAt: null })
      .where(and(eq(customerCoupons.shopId, ctx.shopId), eq(customerCoupons.id, couponId), eq(customerCoupons.status, 'used'), eq(customerCoupons.usedOrderId, ctx.orderId)))
      .returning({ id: customerCoupons.id });
    couponReturned = given.length > 0;
  }

  // Cancelled units never left the warehouse; returned ones go back on the shelf when staff say so.
  const restocked: SideEffects['restocked'] = [];
  if (claim.kind === 'cancel' || claim.restock) {
    for (const ci of claimUnits(rows, claim.id)) {
      const optionId = rows.items.find((i) => i.id === ci.itemId)?.optionId ?? null;
      if (optionId === null) continue;
      const back = await tx
        .update(productOptions)
        .set({ stock: sql`${productOptions.stock} + ${ci.quantity}` })
        .where(and(eq(productOptions.shopId, ctx.shopId), eq(productOptions.id, optionId), isNotNull(productOptions.stock)))
        .returning({ id: productOptions.id });
      if (back.length > 0) restocked.push({ optionId, quantity: ci.quantity });
    }
  }

  const cancelledPaymentIds = p.fullClaim ? rows.payments.filter((pay) => pay.status === 'pending').map((pay) => pay.id) : [];
  if (cancelledPaymentIds.length > 0) {
    await tx.update(payments).set({ status: 'cancelled' }).where(and(eq(payments.shopId, ctx.shopId), inArray(payments.id, cancelledPaymentIds)));
  }
  // An unpaid order asks for less: the pending deposit is what the buyer still has to send.
  const reducedPayments: SideEffects['reducedPayments'] = [];
  let settle = p.fullClaim ? 0 : p.settlesBalanceDue;
  for (const pay of [...rows.payments].filter((x) => x.status === 'pending').sort((a, b) => b.id - a.id)) {
    const cut = Math.min(settle, pay.amount);
    if (cut <= 0) continue;
    await tx.update(payments).set({ amount: pay.amount - cut }).where(and(eq(payments.shopId, ctx.shopId), eq(payments.id, pay.id)));
    reducedPayments.push({ paymentId: pay.id, amount: cut });
    settle -= cut;
  }
  return { couponReturned, restocked, cancelledPaymentIds, reducedPayments };
}

/**
 * Undoes applyProposal for a claim reverted before its refund was paid. Deltas are applied to the
 * order as it stands now, so changes made since stay. What the buyer got back must still be there
 * to take: points still in the balance, the coupon still unused, the stock still on the shelf.
 */
export async function undoProposal(tx: Executor, ctx: ClaimContext, rows: OrderRows, claim: ClaimRow, b: RefundBreakdown) {
  const p = b.proposal;
  const o = rows.order;
  await tx
    .update(orders)
    .set({
      couponDiscount: o.couponDiscount + p.couponRemoved,
      pointsUsed: o.pointsUsed + p.pointsRestored,
      shippingFee: Math.max(0, o.shippingFee - p.shippingBaseChange),
      remoteShippingFee: Math.max(0, o.remoteShippingFee - p.remoteShippingChange),
      feesAmount: Math.max(0, o.feesAmount - p.deduction),
    })
    .where(orderKey(ctx));
  for (const s of p.shares) {
    const item = rows.items.find((i) => i.id === s.itemId);
    if (!item) continue;
    await tx
      .update(orderItems)
      .set({ couponShare: Math.max(0, item.couponShare - s.couponDelta), pointsShare: Math.max(0, item.pointsShare - s.pointsDelta) })
      .where(itemKey(ctx, item.id));
  }

  if (p.pointsRestored > 0 && o.customerId !== null) {
    const member = await loadMemberForUpdate(tx, ctx.shopId, o.customerId);
    if (member.pointsBalance < p.pointsRestored) throw new AppError('POINTS_EXCEED_BALANCE', { balance: member.pointsBalance, requested: p.pointsRestored, reason: 'the restored points were spent' });
    await addPoints(tx, ctx.shopId, o.customerId, -p.pointsRestored, claim.kind === 'cancel' ? '주문 취소 되돌림 (환원 적립금 회수)' : '반품 되돌림 (환원 적립금 회수)', ctx.orderId, ctx.now);
  }
  if (b.couponReturned && o.customerCouponId !== null) {
    const taken = await tx
      .update(customerCoupons)
      .set({ status: 'used', usedOrderId: ctx.orderId, usedAt: ctx.now })
      .where(and(eq(customerCoupons.shopId, ctx.shopId), eq(customerCoupons.id, o.customerCouponId), eq(customerCoupons.status, 'available')))
      .returning({ id: customerCoupons.id });
    if (taken.length === 0) throw new AppError('COUPON_NOT_AVAILABLE', { customerCouponId: o.customerCouponId, reason: 'the returned coupon was used again' });
  }
  for (const r of b.restocked) {
    const taken = await tx
      .update(productOptions)
      .set({ stock: sql`${productOptions.stock} - ${r.quantity}` })
      .where(and(eq(productOptions.shopId, ctx.shopId), eq(productOptions.id, r.optionId), gte(productOptions.stock, r.quantity)))
      .returning({ id: productOptions.id });
    if (taken.length === 0) throw new AppError('OUT_OF_STOCK', { optionId: r.optionId, requested: r.quantity, reason: 'the restocked units were sold again' });
  }
  if (b.cancelledPaymentIds.length > 0) {
    await tx.update(payments).set({ status: 'pending' }).where(and(eq(payments.shopId, ctx.shopId), inArray(payments.id, b.cancelledPaymentIds), eq(payments.status, 'cancelled')));
  }
  for (const r of b.reducedPayments) {
    await tx.update(payments).set({ amount: sql`${payments.amount} + ${r.amount}` }).where(and(eq(payments.shopId, ctx.shopId), eq(payments.id, r.paymentId)));
  }
}
