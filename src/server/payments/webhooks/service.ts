import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { orders, payments } from '../../db/schema/index';
import { AppError } from '../../http/errors';
import { refreshOrderSummary } from '../../orders/summary-refresh';
import type { GatewayWebhook, PaymentGateway } from '../gateways/gateway';
import { appendEvents } from '../../timeline/queries';
import { applyDeposit } from './apply-deposit';
import { locatePayment, namesPayment, secretRefused } from './locate';
import { reviewNotice } from './review';
import type { NoticeOutcome, NoticeStep } from './step';

export interface IncomingNotification {
  shopId: number;
  body: unknown;
  headers: Record<string, string | undefined>;
}

export interface NotificationReport {
  outcome: NoticeOutcome;
  /** What the gateway said, when the body was its; for the log. */
  kind: GatewayWebhook['kind'] | null;
  orderId: number | null;
  paymentId: number | null;
}

const report = (outcome: NoticeOutcome, kind: GatewayWebhook['kind'] | null = null, target: { orderId: number; id: number } | null = null): NotificationReport => ({
  outcome,
  kind,
  orderId: target?.orderId ?? null,
  paymentId: target?.id ?? null,
});

/**
 * Takes one gateway notification: parse and authenticate it (the gateway adapter), find the
 * shop's payment it names, refuse a deposit secret that differs from the stored one, have the
 * gateway vouch for a body that cannot prove itself (needsRefetch), then apply it to the order.
 *
 * Everything that is not ours, not authentic, not matched or already applied answers normally (the
 * route says 200) so that the gateway stops retrying; only a gateway we could not reach to check
 * the notice throws GATEWAY_UNAVAILABLE (503), so that it sends the notice again later. The lookups
 * and the secret check come before the gateway call: a forged notice costs no request to the PG.
 */
export async function receiveNotification(db: Db, gateway: PaymentGateway, input: IncomingNotification): Promise<NotificationReport> {
  const parsed = await gateway.parseWebhook(input.body, input.headers);
  if (!parsed) return report('not_authentic');
  const located = await locatePayment(db, input.shopId, gateway.name, parsed);
  if (located.kind !== 'found') return report('unknown_payment', parsed.kind);
  const payment = located.payment;
  if (secretRefused(input.body, payment)) return report('secret_mismatch', parsed.kind, payment);

  let webhook: GatewayWebhook = parsed;
  if (parsed.needsRefetch) {
    // Without a way to check it, a notice that cannot prove itself is only a rumour.
    if (!gateway.verifyWebhook) return report('not_authentic', parsed.kind, payment);
    const verified = await gateway.verifyWebhook(parsed);
    if (!verified.ok && verified.kind === 'unavailable') throw new AppError('GATEWAY_UNAVAILABLE', { code: verified.code });
    if (!verified.ok || !verified.value) return report('not_authentic', parsed.kind, payment);
    webhook = verified.value;
    // The gateway answers for the payment as it knows it; it must still be the one we found.
    if (!namesPayment(payment, webhook)) return report('unknown_payment', webhook.kind, payment);
  }
  const outcome = await applyNotification(db, gateway.name, payment.shopId, payment.id, payment.orderId, webhook);
  return report(outcome, webhook.kind, payment);
}

/**
 * One transaction through the order lock, like every change of an order, but without a client
 * version: a gateway knows nothing of versions, and the lock is what orders the notice against
 * staff changes and refunds. The payment is read again under the lock, so a notice delivered twice
 * at once applies once.
 */
async function applyNotification(db: Db, gateway: string, shopId: number, paymentId: number, orderId: number, webhook: GatewayWebhook): Promise<NoticeOutcome> {
  return db.transaction(async (tx) => {
    const now = new Date();
    const [order] = await tx.select().from(orders).where(and(eq(orders.shopId, shopId), eq(orders.id, orderId))).for('no key update');
    const [payment] = await tx.select().from(payments).where(and(eq(payments.shopId, shopId), eq(payments.id, paymentId)));
    if (!order || !payment) return 'unknown_payment';
    let step: NoticeStep;
    if (webhook.kind === 'deposit_confirmed') {
      step = await applyDeposit(tx, order, payment, { gateway, amount: webhook.amount, depositedAt: webhook.depositedAt }, now);
    } else {
      step = await reviewNotice(tx, order, payment, gateway, webhook);
    }
    if (step.changed) await refreshOrderSummary(tx, shopId, orderId, now);
    await appendEvents(tx, shopId, orderId, step.events, now);
    return step.outcome;
  });
}
