import { z } from 'zod';
import { id } from './common';

/**
 * Where a payment gateway posts its notifications: one URL per shop, registered in the gateway's
 * console (Toss: 웹훅 URL / 가상계좌 입금 통보 URL). The gateway segment names the adapter that parses
 * the body ('toss', 'test'); the shop segment scopes every lookup, as everywhere else.
 */
export const paymentWebhookParamsSchema = z.object({
  gateway: z.string().trim().min(1).max(50),
  shopId: z.coerce.number().pipe(id),
});

/**
 * The answer to every notification the server has dealt with, applied or not: a gateway retries
 * anything but a 2xx, and a notice that is not ours, not authentic, already applied or for an order
 * we do not have must not be retried for days. What happened is logged and, when it concerns an
 * order, written on its timeline; it is not told to an unauthenticated caller.
 */
export const paymentWebhookReceiptSchema = z.object({ received: z.literal(true) }).meta({ id: 'PaymentWebhookReceipt' });
export type PaymentWebhookReceipt = z.infer<typeof paymentWebhookReceiptSchema>;
