import { z } from 'zod';
import { refundAccountSchema } from './claims';
import { id, isoDateTime, won } from './common';

/** 추가 결제 요청: an amount staff ask the buyer to pay on My Page. */
export const paymentRequestSchema = z
  .object({
    id,
    orderId: id,
    amount: won,
    reason: z.string(),
    dueAt: isoDateTime.nullable(),
    status: z.enum(['pending', 'paid', 'cancelled', 'expired']),
    statusLabel: z.string(),
    createdAt: isoDateTime,
    paidAt: isoDateTime.nullable(),
    /** The payment that settled it, once paid. */
    paymentId: id.nullable(),
    /** The order edit whose additional amount it asks for (null: asked for by hand). */
    orderChangeId: id.nullable(),
    /** Units that edit added which wait for this payment (입금대기, 추가 결제 대기); 0 once released or removed. */
    heldUnits: z.number().int(),
  })
  .meta({ id: 'PaymentRequest' });
export type PaymentRequest = z.infer<typeof paymentRequestSchema>;

export const createPaymentRequestSchema = z
  .object({
    expectedVersion: z.number().int().positive().optional(),
    /** At most the balance due that is not already asked for (pending payments and requests). */
    amount: won.min(1),
    reason: z.string().trim().min(1).max(200),
    dueAt: isoDateTime.optional(),
  })
  .meta({ id: 'CreatePaymentRequest' });

export const cancelPaymentRequestSchema = z
  .object({
    expectedVersion: z.number().int().positive().optional(),
    reason: z.string().trim().max(200).optional(),
    /**
     * Also cancel the units the request's edit added and still holds (취소완료 at once, stock
     * restored): nothing was paid for them, so the balance due falls instead of a refund.
     */
    removeHeldUnits: z.boolean().optional(),
    /** Needed only when removing them would refund a 무통장/가상계좌 payment. */
    refundAccount: refundAccountSchema.optional(),
  })
  .meta({ id: 'CancelPaymentRequest' });

/** A withdrawn request, with the units removed with it (null when they were kept or there were none). */
export const cancelledRequestResultSchema = paymentRequestSchema.extend({
  removedHeldUnits: z
    .object({
      claimId: id,
      refundId: id.nullable(),
      /** What the removal gave back (0 when it only lowered the balance due). */
      refundAmount: won,
      items: z.array(z.object({ itemId: id, productName: z.string(), quantity: z.number().int() })),
    })
    .nullable(),
});
export type CancelledRequestResult = z.infer<typeof cancelledRequestResultSchema>;

/** A payment received for a request: recorded by staff (a deposit they saw) or confirmed by a gateway. */
export const recordRequestPaymentSchema = z
  .object({
    expectedVersion: z.number().int().positive().optional(),
    method: z.enum(['bank_transfer', 'card', 'virtual_account', 'easy_pay']),
    /** Must equal the requested amount when given: a request is paid once, in full. */
    amount: won.optional(),
    paidAt: isoDateTime.optional(),
    depositorName: z.string().trim().min(1).max(50).optional(),
    gateway: z.string().max(50).optional(),
    gatewayTransactionId: z.string().max(200).optional(),
    card: z.object({ company: z.string().trim().min(1).max(50), numberMasked: z.string().max(30).optional(), installmentMonths: z.number().int().min(0).max(36).default(0) }).optional(),
    easyPay: z.object({ provider: z.string().trim().min(1).max(50) }).optional(),
    virtualAccount: z.object({ bank: z.string().trim().min(1).max(50), accountNumber: z.string().trim().min(1).max(50), holder: z.string().trim().min(1).max(50) }).optional(),
  })
  .meta({ id: 'RecordRequestPayment' });
export type RecordRequestPayment = z.infer<typeof recordRequestPaymentSchema>;

export const paymentRequestListSchema = z.object({ requests: z.array(paymentRequestSchema) }).meta({ id: 'PaymentRequestList' });
export const paidRequestResultSchema = z.object({ request: paymentRequestSchema, paymentId: id });
