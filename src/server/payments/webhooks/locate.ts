import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { payments } from '../../db/schema/index';
import type { GatewayWebhook } from '../gateways/gateway';
import { secretsMatch } from '../gateways/toss-webhook';

export type PaymentRow = typeof payments.$inferSelect;

export type Located =
  | { kind: 'found'; payment: PaymentRow }
  /** none, several (a gateway order id handed in twice), or one that names another gateway order. */
  | { kind: 'unknown' | 'ambiguous' | 'mismatch' };

/**
 * A notification and a payment are the same payment when nothing they both name differs. Either
 * side may lack an id (a deposit callback names only the gateway order id; a storefront may have
 * handed in only the paymentKey), so only ids present on both sides are compared.
 */
export function namesPayment(payment: PaymentRow, webhook: GatewayWebhook): boolean {
  const key = webhook.paymentKey ?? null;
  if (key !== null && payment.gatewayTransactionId !== null && payment.gatewayTransactionId !== key) return false;
  if (webhook.orderId !== null && payment.gatewayOrderId !== null && payment.gatewayOrderId !== webhook.orderId) return false;
  return true;
}

/**
 * The shop's payment a notification is about: by the gateway's payment key first (unique per
 * payment), else by the order id the storefront gave the gateway. Always within the shop of the
 * URL and the gateway that parsed the body, so one shop's notice can never touch another's order.
 */
export async function locatePayment(db: Executor, shopId: number, gateway: string, webhook: GatewayWebhook): Promise<Located> {
  const scope = and(eq(payments.shopId, shopId), eq(payments.gateway, gateway));
  const key = webhook.paymentKey ?? null;
  let candidates = key === null ? [] : await db.select().from(payments).where(and(scope, eq(payments.gatewayTransactionId, key)));
  if (candidates.length === 0 && webhook.orderId !== null) {
    candidates = await db.select().from(payments).where(and(scope, eq(payments.gatewayOrderId, webhook.orderId)));
  }
  const [payment, ...others] = candidates;
  if (!payment) return { kind: 'unknown' };
  if (others.length > 0) return { kind: 'ambiguous' };
  return namesPayment(payment, webhook) ? { kind: 'found', payment } : { kind: 'mismatch' };
}

function asRecord(value: unknown): Record<string, unknown> | null {
  if (typeof value === 'string') {
    try {
      return asRecord(JSON.parse(value) as unknown);
    } catch {
      return null;
    }
  }
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}

/**
 * The deposit secret a body carries: `secret` at the top (Toss's DEPOSIT_CALLBACK, the test
 * gateway) or on the Payment in `data` (Toss's PAYMENT_STATUS_CHANGED). Read here because a
 * gateway adapter can only check it synchronously, before the stored secret could be loaded.
 */
export function secretCarriedBy(body: unknown): string | null {
  const object = asRecord(body);
  if (!object) return null;
  if (typeof object.secret === 'string') return object.secret;
  const data = asRecord(object.data);
  return data && typeof data.secret === 'string' ? data.secret : null;
}

/**
 * A body that carries a secret other than the one stored with the payment is forged (or meant for
 * another account), whatever the gateway says about the payment now: refused before acting, and
 * before asking the gateway anything. A body without one relies on the gateway's own check (for
 * Toss, re-reading the payment).
 */
export function secretRefused(body: unknown, payment: PaymentRow): boolean {
  const given = secretCarriedBy(body);
  if (given === null || payment.depositSecret === null) return false;
  return !secretsMatch(given, payment.depositSecret);
}
