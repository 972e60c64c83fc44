/**
 * Money moves of a generated order besides refunds (order-refund.ts): claim fees asked of the
 * buyer and paid on My Page, and the points a member earns when the purchase is confirmed.
 */
import { paymentCaptured, paymentRequested } from '../../domain/events';
import { draftPayment, type PaymentMethod } from './payment-details';
import { addEvent, addPointsRow, staffActor, type OrderState } from './order-state';

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
