import { z } from 'zod';
import { refundExplanationLineSchema } from './claims';
import { id, isoDateTime, signedWon, won } from './common';
import { paymentRequestSchema } from './payment-requests';

/** The 결제 정보 panel of the order detail: 상세 결제 금액 and 상세 결제 정보. */
export const paymentSummarySchema = z
  .object({
    orderId: id,
    version: z.number().int(),
    paymentStatus: z.string(),
    paymentStatusLabel: z.string(),
    /** 상세 결제 금액; every amount counts the units still active (cancelled and returned ones leave). */
    amounts: z.object({
      itemsSubtotal: won,
      gradeDiscount: won,
      couponDiscount: won,
      couponName: z.string().nullable(),
      pointsUsed: won,
      manualDiscount: won,
      shippingFee: won,
      remoteShippingFee: won,
      feesAmount: won,
      orderTotal: signedWon,
      paid: won,
      refunded: won,
      /** 실결제금액 = paid − refunded */
      netPaid: signedWon,
      /** positive: the buyer owes; negative: the shop owes */
      balanceDue: signedWon,
    }),
    /** The same amounts as labelled rows, in the panel's order, in the reader's language. */
    amountRows: z.array(z.object({ key: z.string(), label: z.string(), amount: signedWon, note: z.string().nullable() })),
    /** 상세 결제 정보 */
    payments: z.array(
      z.object({
        id,
        method: z.string(),
        methodLabel: z.string(),
        status: z.string(),
        statusLabel: z.string(),
        amount: won,
        capturedAmount: won,
        refundedAmount: won,
        paidAt: isoDateTime.nullable(),
        gateway: z.string().nullable(),
        gatewayTransactionId: z.string().nullable(),
        cardCompany: z.string().nullable(),
        cardNumberMasked: z.string().nullable(),
        installmentMonths: z.number().int().nullable(),
        /** 일시불 / 3개월 */
        installmentLabel: z.string().nullable(),
        easyPayProvider: z.string().nullable(),
        virtualAccount: z.object({ bank: z.string(), accountNumber: z.string(), holder: z.string(), dueAt: isoDateTime.nullable() }).nullable(),
        depositorName: z.string().nullable(),
        /** Set when the payment settled an additional payment request. */
        paymentRequestId: id.nullable(),
        createdAt: isoDateTime,
      }),
    ),
    refunds: z.array(
      z.object({
        id,
        claimId: id.nullable(),
        amount: won,
        /** Negative when the refund kept back shipping now due (or items net of a settled balance): as RefundDto. */
        itemsAmount: signedWon,
        shippingAmount: signedWon,
        couponRestored: won,
        pointsRestored: won,
        deductionAmount: won,
        deductions: z.array(z.object({ kind: z.string(), amount: won })),
        method: z.string(),
        methodLabel: z.string(),
        status: z.string(),
        statusLabel: z.string(),
        reason: z.string().nullable(),
        /** Why each figure is what it is, in the request's language (see RefundExplanationLine). */
        explanation: z.array(refundExplanationLineSchema),
        /** The buyer's account for a transfer refund, its number partly masked. */
        refundAccount: z.object({ bank: z.string(), accountNumberMasked: z.string(), holder: z.string() }).nullable(),
        createdAt: isoDateTime,
        executedAt: isoDateTime.nullable(),
        parts: z.array(z.object({ paymentId: id, amount: won, status: z.string(), gatewayCancelId: z.string().nullable() })),
      }),
    ),
    paymentRequests: z.array(paymentRequestSchema),
  })
  .meta({ id: 'PaymentSummary' });
export type PaymentSummary = z.infer<typeof paymentSummarySchema>;
