import { and, eq } from 'drizzle-orm';
import { depositConfirmed, gatewayNotification, type EventDraft } from '../../../domain/events';
import type { Tx } from '../../db/client';
import { payments } from '../../db/schema/index';
import { movedEvents } from '../../fulfillment/deposit-service';
import type { OrderRow } from '../../orders/mutation';
import type { PaymentRow } from './locate';
import { recordReviewOnce } from './review';
import { nothing, SYSTEM, type NoticeStep } from './step';

/** A bank's clock and ours differ a little; a deposit further in the future is not believed. */
const CLOCK_SKEW_MS = 5 * 60_000;
const DEPOSIT_METHODS: ReadonlySet<string> = new Set(['virtual_account', 'bank_transfer']);

export interface DepositNotice {
  gateway: string;
  /** What the account holds in total, as the gateway reports it; null: the notice vouches for the whole amount. */
  amount: number | null;
  depositedAt: Date;
}

/**
 * A deposit the gateway vouches for, applied as staff would confirm it (fulfillment's
 * confirmDeposit), with the amount the gateway reports rather than the one we asked for.
 *
 * Both gateways report what the account holds in total (Toss: the Payment's totalAmount; the test
 * gateway: the account's amount), not an increment, so applying a notice sets the captured amount
 * to it. That is what makes a notice delivered again (Toss retries up to 7 times) change nothing:
 * the payment already holds that much.
 *
 * Deposited less than due: the deposit is counted (paid grows, balance due shows the rest) but the
 * payment stays pending and its units 입금대기. The status table moves 입금대기 → 결제완료 only
 * through a deposit confirmation, which needs a pending payment, so keeping it pending is what lets
 * the rest be confirmed later, by a further notice or by staff. Deposited as much or more: the
 * payment is captured with what arrived (an excess shows as a negative balance due, refunded through
 * POST …/refunds) and the units awaiting payment become 결제완료.
 */
export async function applyDeposit(tx: Tx, order: OrderRow, payment: PaymentRow, notice: DepositNotice, now: Date): Promise<NoticeStep> {
  if (!DEPOSIT_METHODS.has(payment.method)) return nothing('ignored');
  if (payment.status === 'captured') return nothing('duplicate');
  if (payment.status !== 'pending') {
    // Money into a payment we closed (a cancelled order's account): a person has to send it back.
    return recordReviewOnce(tx, order, payment, { gateway: notice.gateway, notification: 'deposit_confirmed', gatewayStatus: null, amount: notice.amount, due: payment.amount });
  }
  const total = notice.amount ?? payment.amount;
  if (total <= payment.capturedAmount) return nothing('duplicate');

  const covered = total >= payment.amount;
  const depositedAt = notice.depositedAt.getTime() > now.getTime() + CLOCK_SKEW_MS ? now : notice.depositedAt;
  await tx
    .update(payments)
    .set({ capturedAmount: total, status: covered ? 'captured' : 'pending', paidAt: covered ? depositedAt : null })
    .where(and(eq(payments.shopId, order.shopId), eq(payments.id, payment.id)));

  const events: EventDraft[] = [
    gatewayNotification(SYSTEM, {
      gateway: notice.gateway, paymentId: payment.id, notification: 'deposit_confirmed', gatewayStatus: null, amount: total, due: payment.amount,
      action: covered ? 'deposit_applied' : 'deposit_partial',
    }),
    depositConfirmed(SYSTEM, { paymentId: payment.id, amount: total - payment.capturedAmount, depositorName: payment.depositorName }),
  ];
  if (covered) {
    const moved = await movedEvents(tx, order, 'awaiting_payment', 'paid', SYSTEM, now);
    if (moved) events.push(...moved.events);
  }
  return { outcome: covered ? 'applied' : 'partial', events, changed: true };
}
