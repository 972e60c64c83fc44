import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { gatewayNotification, type TimelineEvent } from '../../../domain/events';
import type { Executor } from '../../db/client';
import { timelineEvents } from '../../db/schema/index';
import type { OrderRow } from '../../orders/mutation';
import type { GatewayWebhook } from '../gateways/gateway';
import type { PaymentRow } from './locate';
import { nothing, SYSTEM, type NoticeStep } from './step';

type NotificationFacts = Omit<Extract<TimelineEvent, { type: 'gateway_notification' }>, 'type' | 'paymentId' | 'action'>;

/** The parts of an earlier notice that say whether this one was recorded already. */
const earlierNotice = z.object({ paymentId: z.number(), action: z.string(), notification: z.string(), gatewayStatus: z.string().nullish() });

/** Toss's words for a payment that holds no money (any more) or never will. */
const CLOSED_STATUSES: ReadonlySet<string> = new Set(['CANCELED', 'EXPIRED', 'ABORTED']);

/**
 * Writes a review notice on the timeline once per payment and what the gateway said: a gateway
 * repeats a notice until it is answered, and sometimes after, and staff need to read it once.
 * It changes no money and no unit, so the order's version stays (like a memo, it conflicts with
 * no one's change).
 */
export async function recordReviewOnce(tx: Executor, order: OrderRow, payment: PaymentRow, facts: NotificationFacts): Promise<NoticeStep> {
  const earlier = await tx
    .select({ payload: timelineEvents.payload })
    .from(timelineEvents)
    .where(and(eq(timelineEvents.shopId, order.shopId), eq(timelineEvents.orderId, order.id), eq(timelineEvents.type, 'gateway_notification')));
  const seen = earlier.some(({ payload }) => {
    const p = earlierNotice.safeParse(payload);
    return p.success && p.data.paymentId === payment.id && p.data.action === 'review_needed' && p.data.notification === facts.notification && (p.data.gatewayStatus ?? null) === facts.gatewayStatus;
  });
  if (seen) return nothing('duplicate');
  return { outcome: 'review_recorded', events: [gatewayNotification(SYSTEM, { ...facts, paymentId: payment.id, action: 'review_needed' })], changed: false };
}

/**
 * A notice that the payment was cancelled, expired or is waiting again. Money never moves on it:
 * a refund is paid through the gateway by the refunds module, which records what it paid, and a
 * cancel made elsewhere (the gateway's console, the bank reversing a deposit) has to be looked at by
 * a person before the order's ledger follows. So it is recorded only when it contradicts the
 * ledger: we count money on the payment, or still wait for a deposit the gateway says will not come.
 */
export async function reviewNotice(tx: Executor, order: OrderRow, payment: PaymentRow, gateway: string, webhook: GatewayWebhook): Promise<NoticeStep> {
  const status = webhook.kind === 'other' ? (webhook.status ?? null) : null;
  const closed = webhook.kind === 'payment_cancelled' || (status !== null && CLOSED_STATUSES.has(status));
  const waitingAgain = status === 'WAITING_FOR_DEPOSIT';
  const holdsMoney = payment.capturedAmount - payment.refundedAmount > 0;
  const contradicts = (closed && (holdsMoney || payment.status === 'pending')) || (waitingAgain && holdsMoney);
  if (!contradicts) return nothing('ignored');
  return recordReviewOnce(tx, order, payment, {
    gateway,
    notification: webhook.kind === 'payment_cancelled' ? 'payment_cancelled' : 'other',
    gatewayStatus: status,
    amount: null,
    due: null,
  });
}
