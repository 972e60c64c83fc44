import { z } from 'zod';
import { isoDateTime, won } from './common';

/**
 * The built-in test gateway, over HTTP, for a storefront's checkout in the demo and in tests:
 * what Toss's confirm and a buyer's bank deposit would be. Present only while the server runs the
 * test gateway (JUMUN_GATEWAY unset); with a real PG these routes do not exist.
 */

const gatewayKey = z.string().regex(/^[A-Za-z0-9_-]{6,200}$/, '영문, 숫자, _ - 로 된 6–200자');

export const testPaymentConfirmSchema = z
  .object({
    /** The storefront's key for this payment; its prefix picks the method: `va_` 가상계좌, `ep_` 간편결제, `tr_` 계좌이체, anything else a card. */
    paymentKey: gatewayKey,
    /** The storefront's id of the checkout, as Toss calls it (`orderId`). */
    orderId: gatewayKey,
    amount: won.min(1),
  })
  .meta({ id: 'TestPaymentConfirm' });

export const testPaymentSchema = z
  .object({
    paymentKey: z.string(),
    orderId: z.string(),
    method: z.enum(['card', 'virtual_account', 'bank_transfer', 'easy_pay']),
    /** pending: a virtual account issued and awaiting the deposit. */
    status: z.enum(['captured', 'pending']),
    amount: won,
    paidAt: isoDateTime.nullable(),
    card: z.object({ company: z.string(), numberMasked: z.string(), installmentMonths: z.number().int() }).nullable(),
    easyPayProvider: z.string().nullable(),
    virtualAccount: z.object({ bank: z.string(), accountNumber: z.string(), holder: z.string(), dueAt: isoDateTime.nullable() }).nullable(),
    /** Hand it in with the order as `payment.depositSecret`: the deposit notice is checked against it. */
    depositSecret: z.string().nullable(),
  })
  .meta({ id: 'TestPayment' });
export type TestPayment = z.infer<typeof testPaymentSchema>;

export const testDepositParamsSchema = z.object({ paymentKey: gatewayKey });

export const testDepositResultSchema = z
  .object({
    /** What the order service did with the gateway's notice (`applied`, `partial`, `duplicate`, `unknown_payment` …). */
    outcome: z.string(),
    orderId: z.number().int().nullable(),
  })
  .meta({ id: 'TestDepositResult' });
