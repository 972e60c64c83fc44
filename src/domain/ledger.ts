/**
 * The money ledger of an order. Amounts are the truth and statuses are derived from them:
 *   paid = Σ captured, refunded = Σ refunded, balance due = order total − (paid − refunded).
 * A positive balance is owed by the buyer (an additional payment request); a negative one is owed
 * by the shop (a refund).
 */
import { isWon, sumWon, type Won } from './money';

export interface MoneyFacts {
  orderTotal: Won;
  payments: ReadonlyArray<{ status: 'pending' | 'captured' | 'failed' | 'cancelled'; capturedAmount: Won; refundedAmount: Won }>;
}

export interface Balance {
  paid: Won;
  refunded: Won;
  balanceDue: Won;
}

/**
 * Sums the amounts of every payment whatever its status: a cancelled card payment keeps what it
 * captured and what was refunded, and a pending or failed one has captured nothing. Reading the
 * amounts rather than the statuses is what keeps the ledger from drifting.
 */
export function balanceOf(f: MoneyFacts): Balance {
  const paid = sumWon(f.payments.map((p) => p.capturedAmount));
  const refunded = sumWon(f.payments.map((p) => p.refundedAmount));
  return { paid, refunded, balanceDue: f.orderTotal - (paid - refunded) };
}

export const PAYMENT_STATUSES = ['awaiting_payment', 'paid', 'partially_paid', 'overpaid', 'partially_refunded', 'refunded'] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

export const PAYMENT_STATUS_LABELS: Record<PaymentStatus, { ko: string; en: string }> = {
  awaiting_payment: { ko: '입금대기', en: 'Awaiting payment' },
  paid: { ko: '결제완료', en: 'Paid' },
  partially_paid: { ko: '부분결제', en: 'Partially paid' },
  overpaid: { ko: '초과결제(환불필요)', en: 'Overpaid (refund due)' },
  partially_refunded: { ko: '부분환불', en: 'Partially refunded' },
  refunded: { ko: '환불완료', en: 'Refunded' },
};

/**
 * Precedence, first match wins (net = paid − refunded):
 * 1. balance due < 0 → overpaid: the shop owes money back, which needs action before anything else;
 * 2. balance due > 0 → partially_paid if net > 0, else awaiting_payment (nothing kept yet, which
 *    also covers a fully refunded order whose cancel was reverted);
 * 3. settled (balance due 0): nothing refunded → paid; something refunded and net 0 → refunded;
 *    otherwise → partially_refunded.
 * "paid" therefore means "settled with no refund", which includes an order whose total is 0 (paid
 * entirely with points or a coupon, or cancelled before any deposit; the order status tells those
 * apart).
 */
export function derivePaymentStatus(f: MoneyFacts): PaymentStatus {
  const { paid, refunded, balanceDue } = balanceOf(f);
  const net = paid - refunded;
  if (balanceDue < 0) return 'overpaid';
  if (balanceDue > 0) return net > 0 ? 'partially_paid' : 'awaiting_payment';
  if (refunded === 0) return 'paid';
  return net === 0 ? 'refunded' : 'partially_refunded';
}

export type RefundAllocation =
  | { ok: true; parts: Array<{ paymentId: number; amount: Won }> }
  | { ok: false; code: 'REFUND_EXCEEDS_REFUNDABLE'; refundable: Won };

/**
 * Spreads a refund over the order's payments, newest first (highest id): an additional payment is
 * the first thing given back, the way a buyer expects, and the original card payment stays whole as
 * long as possible. No part exceeds what its payment captured minus what it already refunded.
 * Payments with nothing refundable get no part. A negative or fractional amount is a bug and throws.
 */
export function allocateRefund(amount: Won, payments: ReadonlyArray<{ id: number; capturedAmount: Won; refundedAmount: Won }>): RefundAllocation {
  if (!isWon(amount) || amount < 0) throw new RangeError(`refund amount must be won >= 0, got ${amount}`);
  const refundableOf = (p: { capturedAmount: Won; refundedAmount: Won }): Won => Math.max(0, p.capturedAmount - p.refundedAmount);
  const refundable = sumWon(payments.map(refundableOf));
  if (amount > refundable) return { ok: false, code: 'REFUND_EXCEEDS_REFUNDABLE', refundable };

  const parts: Array<{ paymentId: number; amount: Won }> = [];
  let left = amount;
  for (const p of [...payments].sort((a, b) => b.id - a.id)) {
    if (left === 0) break;
    const take = Math.min(left, refundableOf(p));
    if (take > 0) parts.push({ paymentId: p.id, amount: take });
    left -= take;
  }
  return { ok: true, parts };
}
