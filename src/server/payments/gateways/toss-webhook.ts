/**
 * Toss webhook bodies. Toss signs neither of the two payment events we take, so:
 * - DEPOSIT_CALLBACK (virtual accounts) is authentic when its `secret` equals the one Toss issued
 *   with that account (Payment.secret at confirm), compared in constant time; when the secret
 *   cannot be looked up synchronously it is marked needsRefetch and verified by re-reading;
 * - PAYMENT_STATUS_CHANGED (data = a Payment) is authentic only when it is a virtual-account
 *   payment whose data.secret matches the same way; anything else is marked needsRefetch and must
 *   be re-read with GET /v1/payments/{paymentKey} (TossGateway.verifyWebhook) before it is trusted.
 */
import { timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import type { GatewayWebhook } from './gateway';
import { isVirtualAccount, parseTossDate, tossPaymentSchema, webhookFromPayment } from './toss-payment';

/** The deposit callback: a flat body, with no eventType in the form Toss documents. */
const depositCallbackSchema = z.object({
  createdAt: z.string(),
  secret: z.string(),
  orderId: z.string(),
  status: z.string(),
  transactionKey: z.string().nullish(),
});

const statusChangedSchema = z.object({
  eventType: z.literal('PAYMENT_STATUS_CHANGED'),
  createdAt: z.string().nullish(),
  data: tossPaymentSchema,
});

export type DepositSecretLookup = (orderId: string) => string | undefined;

export function secretsMatch(given: string, expected: string | null | undefined): boolean {
  if (!expected) return false;
  const a = Buffer.from(given, 'utf8');
  const b = Buffer.from(expected, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}

function asObject(body: unknown): Record<string, unknown> | null {
  if (typeof body === 'string' || Buffer.isBuffer(body)) {
    try {
      return asObject(JSON.parse(body.toString()) as unknown);
    } catch {
      return null;
    }
  }
  return body && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : null;
}

export function parseTossWebhook(body: unknown, depositSecretFor: DepositSecretLookup | undefined): GatewayWebhook | null {
  const object = asObject(body);
  if (!object) return null;

  if (object.eventType === 'PAYMENT_STATUS_CHANGED') {
    const parsed = statusChangedSchema.safeParse(object);
    if (!parsed.success) return null;
    const payment = parsed.data.data;
    const event = webhookFromPayment(payment, parseTossDate(parsed.data.createdAt));
    // A virtual-account Payment carries the account's secret, so it can prove itself the same way.
    const expected = isVirtualAccount(payment) && payment.secret ? depositSecretFor?.(payment.orderId) : undefined;
    if (expected === undefined) return { ...event, needsRefetch: true };
    return payment.secret && secretsMatch(payment.secret, expected) ? event : null;
  }

  // Documented flat form; a wrapped { eventType: 'DEPOSIT_CALLBACK', data } form is accepted too
  // in case Toss moves it under the common envelope the other events use.
  const candidate = object.eventType === 'DEPOSIT_CALLBACK' && object.data ? object.data : object;
  if (object.eventType !== undefined && object.eventType !== 'DEPOSIT_CALLBACK') return null;
  const parsed = depositCallbackSchema.safeParse(candidate);
  if (!parsed.success) return null;
  const callback = parsed.data;
  const expected = depositSecretFor?.(callback.orderId);
  // A secret we hold and that differs is a forgery. A secret we cannot look up here (kept in the
  // database, say) leaves the callback unproven: verifyWebhook then re-reads the order's payment.
  if (expected !== undefined && !secretsMatch(callback.secret, expected)) return null;
  const unproven = expected === undefined ? { needsRefetch: true } : {};
  const at = parseTossDate(callback.createdAt);
  if (!at) return null;
  if (callback.status === 'DONE') {
    // The callback names neither paymentKey nor amount: the order service matches it by orderId.
    return { kind: 'deposit_confirmed', paymentKey: null, orderId: callback.orderId, amount: null, depositedAt: at, ...unproven };
  }
  // WAITING_FOR_DEPOSIT after DONE means the bank reversed the deposit; CANCELED, the account was
  // cancelled. Neither carries a paymentKey, so both go out as 'other' with their status.
  return { kind: 'other', orderId: callback.orderId, paymentKey: null, status: callback.status, ...unproven };
}
