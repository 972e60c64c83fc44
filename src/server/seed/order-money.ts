/**
 * Money moves of a generated order. A completed cancel or return gives back, per claimed unit, its
 * net price less its share of the coupon and points (those are restored to the coupon and the
 * points ledger instead), plus shipping when nothing is left to ship, less a return fee when the
 * buyer is at fault. The order's coupon, points, shipping and fee columns move by exactly what the
 * refund gave back or kept, and each payment's refunded amount by its part of the refund, so
 *   summarizeOrder(total) − balance due = paid − refunded
 * holds after every step, to the won.
 */
import { paymentCaptured, paymentRequested, refundCompleted } from '../../domain/events';
import { allocateRefund } from '../../domain/ledger';
import { prorate } from '../../domain/money';
import { draftPayment, gatewayCancelId, refundAccount, type PaymentMethod } from './payment-details';
import { addEvent, addPointsRow, staffActor, type ClaimState, type OrderState } from './order-state';

/** The first `quantity` of `remaining` units' share of `left`, so repeated refunds sum exactly to it. */
function shareOf(left: number, quantity: number, remaining: number): number {
  if (quantity >= remaining) return left;
  const [part = 0] = prorate(left, [quantity, remaining - quantity]);
  return part;
}

/**
 * Completes the money side of a cancel or return claim at `at`. `pending` leaves a deposit refund
 * waiting for the buyer's bank account (the order then shows a negative balance due).
 */
export function refundClaim(s: OrderState, claim: ClaimState, at: Date, opts: { pending?: boolean } = {}): void {
  const { rng, ctx } = s.env;
  let itemsGross = 0;
  let couponRestored = 0;
  let pointsRestored = 0;
  const lines = claim.items.map((ci) => {
    const item = ci.item;
    const perUnit = item.row.unitPrice - item.row.gradeDiscountPerUnit - item.row.manualDiscountPerUnit;
    // Split coupon + points together, then take the coupon's part out of it: two independent
    // roundings could give back a won more than these units cost, leaving a negative refund.
    const both = shareOf(item.couponLeft + item.pointsLeft, ci.quantity, item.activeQty);
    const points = Math.min(both - Math.min(shareOf(item.couponLeft, ci.quantity, item.activeQty), both), item.pointsLeft);
    const coupon = both - points;
    item.couponLeft -= coupon;
    item.pointsLeft -= points;
    item.activeQty -= ci.quantity;
    itemsGross += perUnit * ci.quantity;
    couponRestored += coupon;
    pointsRestored += points;
    return { itemId: item.row.id, quantity: ci.quantity, amount: perUnit * ci.quantity, couponShare: coupon, pointsShare: points };
  });
  const nothingLeft = s.items.every((i) => i.activeQty === 0);
  const buyerFault = claim.row.fault === 'buyer';
  // shipping comes back only when nothing is shipped at all; a buyer's return pays the way back
  const shippingBack = nothingLeft && (claim.row.kind === 'cancel' || !buyerFault) ? s.money.shippingFee + s.money.remoteShippingFee : 0;
  const itemsCash = itemsGross - couponRestored - pointsRestored;
  // one way, or both ways when the order had shipped free (the shop paid the first leg)
  const returnFee = claim.row.kind === 'return' && buyerFault ? (s.money.shippingFee === 0 ? 2 : 1) * ctx.returnShippingFee : 0;
  const deduction = Math.min(returnFee, itemsCash + shippingBack);
  const amount = itemsCash + shippingBack - deduction;

  s.money.couponDiscount -= couponRestored;
  s.money.pointsUsed -= pointsRestored;
  if (shippingBack > 0) {
    s.money.shippingFee = 0;
    s.money.remoteShippingFee = 0;
  }
  // the return fee is kept from the refund: a claim fee the order now carries
  s.money.feesAmount += deduction;
  s.changes += 1;
  if (pointsRestored > 0) addPointsRow(s, pointsRestored, claim.row.kind === 'cancel' ? '주문취소 포인트 환원' : '반품 포인트 환원', at);
  if (nothingLeft && s.customerCoupon && claim.row.kind === 'cancel') {
    // a coupon comes back only with a whole cancelled order, as most Korean malls do it
    Object.assign(s.customerCoupon, { status: 'available', usedOrderId: null, usedAt: null });
  }

  const paid = s.payments.some((p) => p.capturedAmount > 0);
  if (!paid && amount > 0) throw new Error('seed bug: refunding an order that captured nothing');
  const first = s.payments[0];
  if (!first) throw new Error('seed bug: refunding an order without payments');
  const method: 'gateway' | 'bank_transfer' | 'none' =
    amount === 0 ? 'none' : first.method === 'virtual_account' || first.method === 'bank_transfer' ? 'bank_transfer' : 'gateway';
  const pending = opts.pending === true && method === 'bank_transfer';
  const refundId = s.env.ids.take('refunds');
  s.env.out.refunds.push({
    shopId: ctx.shopId,
    id: refundId,
    orderId: s.order.id,
    claimId: claim.row.id,
    amount,
    itemsAmount: itemsCash,
    shippingAmount: shippingBack,
    couponRestored,
    pointsRestored,
    deductionAmount: deduction,
    breakdown: { lines, shipping: shippingBack, deductions: deduction > 0 ? [{ kind: 'return_shipping', amount: deduction }] : [] },
    reason: claim.row.reasonText ?? null,
    method,
    refundAccount: method === 'bank_transfer' && !pending ? refundAccount(rng, s.order.ordererName) : null,
    status: pending ? 'pending' : 'done',
    failureMessage: null,
    createdAt: at,
    executedAt: pending ? null : at,
  });
  if (pending || amount === 0) return;
  const allocation = allocateRefund(amount, s.payments);
  if (!allocation.ok) throw new Error(`seed bug: refund ${amount} exceeds refundable ${allocation.refundable}`);
  for (const part of allocation.parts) {
    const payment = s.payments.find((p) => p.id === part.paymentId);
    if (!payment) throw new Error(`seed bug: refund allocated to unknown payment ${part.paymentId}`);
    payment.refundedAmount += part.amount;
    // like Toss: a payment refunded in full is cancelled, a partly refunded one stays captured
    if (payment.refundedAmount === payment.capturedAmount) payment.status = 'cancelled';
    s.env.out.refundPayments.push({
      shopId: ctx.shopId,
      orderId: s.order.id,
      refundId,
      paymentId: part.paymentId,
      amount: part.amount,
      status: 'done',
      gatewayCancelId: method === 'gateway' ? gatewayCancelId(rng) : null,
    });
  }
  addEvent(s, at, refundCompleted(staffActor(s), { refundId, amount, method: method === 'gateway' ? 'gateway_cancel' : 'transfer' }));
}

/** An unpaid order cancelled as a whole: nothing to refund, but coupon and points come back. */
export function releaseUnpaid(s: OrderState, at: Date, reason: string): void {
  for (const item of s.items) {
    item.activeQty = 0;
    item.couponLeft = 0;
    item.pointsLeft = 0;
  }
  if (s.money.pointsUsed > 0) addPointsRow(s, s.money.pointsUsed, reason, at);
  if (s.customerCoupon) Object.assign(s.customerCoupon, { status: 'available', usedOrderId: null, usedAt: null });
  s.money = { couponDiscount: 0, pointsUsed: 0, shippingFee: 0, remoteShippingFee: 0, feesAmount: 0 };
  const pending = s.payments[0];
  if (pending?.status === 'pending') pending.status = 'cancelled';
}

/** Staff ask the buyer for a claim fee (a buyer's exchange ships twice), payable on My Page. */
export function requestPayment(s: OrderState, amount: number, reason: string, at: Date): OrderState['requests'][number] {
  const request = {
    shopId: s.env.ctx.shopId,
    id: s.env.ids.take('payment_requests'),
    orderId: s.order.id,
    amount,
    reason,
    dueAt: new Date(at.getTime() + 3 * 86_400_000),
    status: 'pending' as const as 'pending' | 'paid',
    createdByStaffId: s.env.ctx.owner?.id ?? null,
    createdAt: at,
    paidAt: null as Date | null,
  };
  s.money.feesAmount += amount;
  s.requests.push(request);
  s.changes += 1;
  addEvent(s, at, paymentRequested(staffActor(s), { requestId: request.id, amount, reason }));
  return request;
}

export function payRequest(s: OrderState, request: OrderState['requests'][number], at: Date): void {
  const method: PaymentMethod = s.env.rng.chance(0.7) ? 'card' : 'easy_pay';
  const payment = draftPayment(s.env.rng, {
    id: s.env.ids.take('payments'),
    shopId: s.env.ctx.shopId,
    orderId: s.order.id,
    method,
    amount: request.amount,
    createdAt: at,
    ordererName: s.order.ordererName,
    shopName: s.env.ctx.shopName,
    paymentRequestId: request.id,
  });
  s.payments.push(payment);
  request.status = 'paid';
  request.paidAt = at;
  s.changes += 1;
  addEvent(s, at, paymentCaptured(s.buyer, { paymentId: payment.id, method, amount: request.amount }));
}

/** Members earn 1% of what they finally paid, in tens of won, when the purchase is confirmed. */
export function earnPoints(s: OrderState, at: Date): void {
  const net = s.payments.reduce((sum, p) => sum + p.capturedAmount - p.refundedAmount, 0);
  const earned = Math.floor(net / 1000) * 10;
  if (earned > 0) addPointsRow(s, earned, '구매확정 적립', at);
}
