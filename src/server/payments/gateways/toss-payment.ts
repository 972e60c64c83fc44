/**
 * Toss's Payment object as it arrives over the wire, checked with zod, and its translation into
 * the gateway-neutral shapes of gateway.ts. Only the fields we use are declared; zod drops the
 * rest, so a field Toss adds later cannot break parsing.
 */
import { z } from 'zod';
import { bankName, cardCompanyName } from './toss-codes';
import {
  declined,
  ok,
  unavailable,
  type CapturedMethod,
  type CapturedPayment,
  type GatewayCancel,
  type GatewayResult,
  type GatewayWebhook,
} from './gateway';

const text = z.string().nullish();
const amount = z.number().int();

const tossCancel = z.object({
  transactionKey: z.string(),
  cancelAmount: amount,
  cancelReason: text,
  canceledAt: z.string(),
  refundableAmount: amount.nullish(),
  cancelStatus: text,
});

export const tossPaymentSchema = z.object({
  paymentKey: z.string(),
  orderId: z.string(),
  // Kept as a plain string: a status Toss adds later should reach our mapping, not fail parsing.
  status: z.string(),
  method: text,
  totalAmount: amount,
  balanceAmount: amount,
  approvedAt: text,
  /** Issued with a virtual account; the deposit callback must echo it. */
  secret: text,
  card: z.object({ issuerCode: text, number: text, installmentPlanMonths: z.number().int().nullish(), approveNo: text }).nullish(),
  virtualAccount: z
    .object({ accountNumber: z.string(), bankCode: text, customerName: text, dueDate: text, refundStatus: text })
    .nullish(),
  easyPay: z.object({ provider: text }).nullish(),
  cancels: z.array(tossCancel).nullish(),
});

export type TossPayment = z.infer<typeof tossPaymentSchema>;

export const tossErrorSchema = z.object({ code: z.string(), message: z.string() });

/**
 * Toss writes its times in KST, with an offset on the Payment object ('…T10:00:00+09:00') but
 * without one on webhook envelopes ('2022-05-12T00:00:00.000000'). A bare time is KST, not UTC.
 */
export function parseTossDate(value: string | null | undefined): Date | null {
  if (!value) return null;
  const match = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(\.\d+)?(Z|[+-]\d{2}:?\d{2})?$/.exec(value.trim());
  if (!match) return null;
  // JavaScript dates take milliseconds only; Toss sends microseconds on webhooks.
  const fraction = match[2] ? match[2].slice(0, 4) : '';
  const zone = (match[3] ?? '+09:00').replace(/^([+-]\d{2})(\d{2})$/, '$1:$2');
  const date = new Date(`${match[1]}${fraction}${zone}`);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** Toss answers the method in Korean by default and in English for English-locale keys. */
const METHODS: Readonly<Record<string, CapturedMethod>> = {
  카드: 'card',
  CARD: 'card',
  가상계좌: 'virtual_account',
  VIRTUAL_ACCOUNT: 'virtual_account',
  계좌이체: 'bank_transfer',
  TRANSFER: 'bank_transfer',
  간편결제: 'easy_pay',
  EASY_PAY: 'easy_pay',
};

export function isVirtualAccount(payment: TossPayment): boolean {
  return payment.method ? METHODS[payment.method] === 'virtual_account' : payment.virtualAccount != null;
}

/**
 * A confirmed Toss payment as the order service records it. A method we have no column for
 * (휴대폰, 상품권) has still taken the buyer's money, so it is recorded as easy pay under its Toss
 * name rather than refused: refusing here would leave money captured at Toss that the order ignores.
 */
export function toCapturedPayment(payment: TossPayment): GatewayResult<CapturedPayment> {
  let status: CapturedPayment['status'];
  switch (payment.status) {
    case 'DONE':
    case 'PARTIAL_CANCELED':
    case 'CANCELED':
      status = 'captured';
      break;
    case 'WAITING_FOR_DEPOSIT':
      status = 'pending';
      break;
    case 'ABORTED':
    case 'EXPIRED':
      return declined(`PAYMENT_${payment.status}`, `결제가 완료되지 않았습니다 (${payment.status}).`);
    default:
      // READY / IN_PROGRESS after a 2xx confirm: Toss has not decided yet, so neither have we.
      return unavailable('PAYMENT_NOT_FINAL', `결제 상태가 아직 확정되지 않았습니다 (${payment.status}).`);
  }
  const known = payment.method ? METHODS[payment.method] : undefined;
  const method: CapturedMethod = known ?? (payment.virtualAccount ? 'virtual_account' : 'easy_pay');
  const va = payment.virtualAccount;
  return ok({
    gatewayTransactionId: payment.paymentKey,
    amount: payment.totalAmount,
    method,
    status,
    paidAt: status === 'captured' ? parseTossDate(payment.approvedAt) : null,
    cardCompany: cardCompanyName(payment.card?.issuerCode),
    cardNumberMasked: payment.card?.number ?? null,
    installmentMonths: payment.card?.installmentPlanMonths ?? null,
    easyPayProvider: payment.easyPay?.provider ?? (method === 'easy_pay' && !known ? (payment.method ?? null) : null),
    virtualAccount: va
      ? { bank: bankName(va.bankCode) ?? '', accountNumber: va.accountNumber, holder: va.customerName ?? '', dueAt: parseTossDate(va.dueDate) }
      : null,
    depositSecret: payment.secret ?? null,
  });
}

/**
 * The cancel Toss just made, read from the Payment it answers: the last entry of cancels[] is
 * this cancel (an idempotent replay answers the same Payment as the first time), and
 * balanceAmount is what is left to cancel.
 */
export function toGatewayCancel(payment: TossPayment, requestedAmount: number): GatewayResult<GatewayCancel> {
  const last = payment.cancels?.at(-1);
  const cancelledAt = parseTossDate(last?.canceledAt);
  if (!last || !cancelledAt) return unavailable('INVALID_RESPONSE', '취소 응답에 취소 내역이 없습니다.');
  if (last.cancelAmount !== requestedAmount) {
    // Should not happen; if it does, the ledger must not record an amount Toss did not cancel.
    return unavailable('CANCEL_AMOUNT_MISMATCH', `요청한 취소 금액(${requestedAmount})과 취소된 금액(${last.cancelAmount})이 다릅니다.`);
  }
  return ok({ cancelId: last.transactionKey, amount: last.cancelAmount, remainingAmount: payment.balanceAmount, cancelledAt });
}

/** What a payment's current state means to the order service, as a webhook event. */
export function webhookFromPayment(payment: TossPayment, eventAt: Date | null): GatewayWebhook {
  if (payment.status === 'DONE' && isVirtualAccount(payment)) {
    const depositedAt = eventAt ?? parseTossDate(payment.approvedAt);
    if (depositedAt) {
      return { kind: 'deposit_confirmed', paymentKey: payment.paymentKey, orderId: payment.orderId, amount: payment.totalAmount, depositedAt };
    }
  }
  if (payment.status === 'CANCELED') return { kind: 'payment_cancelled', paymentKey: payment.paymentKey, orderId: payment.orderId };
  return { kind: 'other', orderId: payment.orderId, paymentKey: payment.paymentKey, status: payment.status };
}
