/**
 * Completing a generated cancel or return the way the claims service does it (claims/
 * complete-service.ts): the refund calculator proposes the refund from the order as it stands,
 * the order's coupon, points, shipping and fees and the items' coupon and points shares move by
 * the proposal (claims/money-apply.ts), and the refund is recorded over the payments as
 * refunds/records.ts records it. No refund arithmetic of its own: a seeded order is one the service
 * could have made, so it passes auditOrder (item shares sum to the order's coupon and points).
 */
import { claimReasonText, type ClaimReasonCode } from '../../domain/claim-reasons';
import { refundCompleted, refundPending, type Actor } from '../../domain/events';
import { allocateRefund } from '../../domain/ledger';
import { proposeRefund, type RefundInput, type RefundProposal } from '../../domain/refund-calculator';
import { isActiveStatus } from '../../domain/status';
import { summarizeOrder } from '../orders/summary';
import { ACCOUNT_METHODS, refundEventMethod, type RefundBreakdown } from '../payments/refunds/records';
import { advanceClaim } from './order-actions';
import { addEvent, addPointsRow, currentUnits, paymentFacts, staffActor, type ClaimState, type OrderState } from './order-state';
import { gatewayCancelId, refundAccount } from './payment-details';

type SideEffects = Omit<RefundBreakdown, 'proposal'>;

const sumBy = (entries: Iterable<readonly [number, number]>) => {
  const sums = new Map<number, number>();
  for (const [key, n] of entries) sums.set(key, (sums.get(key) ?? 0) + n);
  return sums;
};

/** The calculator's view of the order while the claim is still open (refund-input.ts refundInputFor). */
function refundInputOf(s: OrderState, claim: ClaimState, kind: 'cancel' | 'return'): RefundInput {
  const { ctx } = s.env;
  const units = currentUnits(s);
  const activeByItem = sumBy(units.filter((u) => isActiveStatus(u.status)).map((u) => [u.itemId, u.quantity] as const));
  // claimed units count at the address they came from
  const activeByAddress = sumBy([
    ...s.groups.flatMap((g) => [...g.units.values()].map((q) => [g.row.addressId, q] as const)),
    ...s.claims.filter((c) => isActiveStatus(c.row.status)).flatMap((c) => c.items.map((ci) => [ci.group.row.addressId, ci.quantity] as const)),
  ]);
  const orderTotal = summarizeOrder({
    ...s.money, items: s.items.map((i) => i.row), units, payments: paymentFacts(s), shipments: [], claims: [], memos: [],
  }).totalAmount;
  return {
    kind,
    fault: kind === 'return' ? (claim.row.fault ?? null) : null,
    policy: ctx.policy,
    returnShippingFee: ctx.returnShippingFee,
    order: { ...s.money },
    items: s.items.map((i) => ({
      itemId: i.row.id,
      name: i.row.optionName ? `${i.row.productName} (${i.row.optionName})` : i.row.productName,
      unitAmount: i.row.unitPrice - i.row.gradeDiscountPerUnit - i.row.manualDiscountPerUnit,
      activeQuantity: activeByItem.get(i.row.id) ?? 0,
      couponShare: i.row.couponShare,
      pointsShare: i.row.pointsShare,
    })),
    addresses: s.addresses.map((a) => ({ addressId: a.id, postcode: a.postcode, activeQuantity: activeByAddress.get(a.id) ?? 0 })),
    claimed: claim.items.map((ci) => ({ itemId: ci.item.row.id, addressId: ci.group.row.addressId, quantity: ci.quantity })),
    ledger: {
      orderTotal,
      paid: s.payments.reduce((sum, p) => sum + p.capturedAmount, 0),
      refunded: s.payments.reduce((sum, p) => sum + p.refundedAmount, 0),
      outstanding: s.pendingRefundParts.reduce((sum, p) => sum + p.amount, 0),
    },
  };
}

/** money-apply.ts applyProposal on the generator's state. */
function applyProposal(s: OrderState, kind: 'cancel' | 'return', p: RefundProposal, at: Date): SideEffects {
  const { after } = p;
  s.money = { couponDiscount: after.couponDiscount, pointsUsed: after.pointsUsed, shippingFee: after.shippingFee, remoteShippingFee: after.remoteShippingFee, feesAmount: after.feesAmount };
  for (const share of p.shares) {
    const item = s.items.find((i) => i.row.id === share.itemId);
    if (!item) throw new Error(`seed bug: refund share for unknown item ${share.itemId}`);
    item.row.couponShare = share.couponShare;
    item.row.pointsShare = share.pointsShare;
  }
  if (p.pointsRestored > 0) addPointsRow(s, p.pointsRestored, kind === 'cancel' ? '주문 취소 적립금 환원' : '반품 적립금 환원', at);
  const coupon = s.customerCoupon;
  const couponReturned = p.fullClaim && after.couponDiscount === 0 && coupon !== null && coupon.status === 'used';
  if (couponReturned) Object.assign(coupon, { status: 'available', usedOrderId: null, usedAt: null });

  const pending = s.payments.filter((pay) => pay.status === 'pending');
  const cancelledPaymentIds = p.fullClaim ? pending.map((pay) => pay.id) : [];
  for (const pay of pending) if (p.fullClaim) pay.status = 'cancelled';
  // an unpaid order asks for less: the pending deposit is what the buyer still has to send
  const reducedPayments: SideEffects['reducedPayments'] = [];
  let settle = p.fullClaim ? 0 : p.settlesBalanceDue;
  for (const pay of [...pending].sort((a, b) => b.id - a.id)) {
    const cut = Math.min(settle, pay.amount);
    if (cut <= 0) continue;
    pay.amount -= cut;
    reducedPayments.push({ paymentId: pay.id, amount: cut });
    settle -= cut;
  }
  // the seed keeps no stock, so nothing is put back on the shelf
  return { couponReturned, restocked: [], cancelledPaymentIds, reducedPayments };
}

/**
 * records.ts createRefund, with the payout done at once as settle.ts would (a gateway answers, staff
 * send a transfer) unless `pendingTransfer`: then a 무통장 refund waits for staff to send it.
 */
function recordRefund(s: OrderState, claim: ClaimState, p: RefundProposal, sideEffects: SideEffects, at: Date, pendingTransfer: boolean): void {
  const { ctx, rng, ids, out } = s.env;
  const outstanding = sumBy(s.pendingRefundParts.map((part) => [part.paymentId, part.amount] as const));
  const allocation = allocateRefund(p.amount, s.payments.map((pay) => ({ id: pay.id, capturedAmount: pay.capturedAmount, refundedAmount: pay.refundedAmount + (outstanding.get(pay.id) ?? 0) })));
  if (!allocation.ok) throw new Error(`seed bug: refund ${p.amount} exceeds refundable ${allocation.refundable}`);
  const paymentOf = (id: number) => {
    const payment = s.payments.find((pay) => pay.id === id);
    if (!payment) throw new Error(`seed bug: refund allocated to unknown payment ${id}`);
    return payment;
  };
  const needsAccount = allocation.parts.some((part) => ACCOUNT_METHODS.has(paymentOf(part.paymentId).method));
  const method = p.amount === 0 ? 'none' : allocation.parts.some((part) => paymentOf(part.paymentId).method === 'bank_transfer') ? 'bank_transfer' : 'gateway';
  const pending = pendingTransfer && method === 'bank_transfer';
  const breakdown: RefundBreakdown & { deductions: Array<{ kind: string; amount: number }> } = {
    proposal: {
      itemsAmount: p.itemsAmount, couponRemoved: p.couponRemoved, pointsRestored: p.pointsRestored, shippingBaseChange: p.shippingBaseChange,
      remoteShippingChange: p.remoteShippingChange, deduction: p.deduction, settlesBalanceDue: p.settlesBalanceDue,
      shares: p.shares.map((sh) => ({ itemId: sh.itemId, couponDelta: sh.couponDelta, pointsDelta: sh.pointsDelta })),
    },
    ...sideEffects,
    // what the payment summary lists as the refund's deductions
    deductions: p.deduction > 0 ? [{ kind: 'return_shipping', amount: p.deduction }] : [],
  };
  const refundId = ids.take('refunds');
  out.refunds.push({
    shopId: ctx.shopId, id: refundId, orderId: s.order.id, claimId: claim.row.id, amount: p.amount,
    itemsAmount: p.itemsAmount - p.couponRemoved - p.pointsRestored, shippingAmount: -p.shippingChange,
    couponRestored: p.couponRemoved, pointsRestored: p.pointsRestored, deductionAmount: p.deduction, breakdown, explanation: p.explanation,
    reason: claim.row.reasonCode ? claimReasonText(claim.row.reasonCode as ClaimReasonCode, claim.row.reasonText, 'ko') : claim.row.reasonText, method, refundAccount: needsAccount ? refundAccount(rng, s.order.ordererName) : null,
    status: pending ? 'pending' : 'done', failureMessage: null, createdAt: at, executedAt: pending ? null : at,
  });
  for (const part of allocation.parts) {
    if (pending) {
      s.pendingRefundParts.push(part);
    } else {
      const payment = paymentOf(part.paymentId);
      payment.refundedAmount += part.amount;
      // like Toss: a payment refunded in full is cancelled, a partly refunded one stays captured
      if (payment.refundedAmount === payment.capturedAmount) payment.status = 'cancelled';
    }
    out.refundPayments.push({
      shopId: ctx.shopId, orderId: s.order.id, refundId, paymentId: part.paymentId, amount: part.amount,
      status: pending ? 'pending' : 'done', gatewayCancelId: method === 'gateway' ? gatewayCancelId(rng) : null,
    });
  }
  const staff = staffActor(s);
  if (pending) addEvent(s, at, refundPending(staff, { refundId, amount: p.amount, method: 'transfer', note: '계좌 송금 후 완료 처리 필요' }));
  else if (p.amount > 0) addEvent(s, at, refundCompleted(staff, { refundId, amount: p.amount, method: refundEventMethod(method) }));
}

/**
 * 취소완료 / 반품완료 at `at`: the claim's units leave the order total and its refund is recorded.
 * An unpaid order cancelled whole refunds nothing (the refund settles what was owed) and its
 * deposit stops being awaited.
 */
export function completeClaim(s: OrderState, claim: ClaimState, at: Date, actor: Actor, opts: { pendingTransfer?: boolean } = {}): void {
  const kind = claim.row.kind;
  if (kind === 'exchange') throw new Error('seed bug: an exchange moves no money');
  const result = proposeRefund(refundInputOf(s, claim, kind));
  if (!result.ok) throw new Error(`seed bug: the refund calculator refused order ${s.order.id}: ${JSON.stringify(result)}`);
  advanceClaim(s, claim, kind === 'cancel' ? 'cancelled' : 'returned', at, actor);
  const sideEffects = applyProposal(s, kind, result.proposal, at);
  s.changes += 1;
  recordRefund(s, claim, result.proposal, sideEffects, at, opts.pendingTransfer === true);
}
