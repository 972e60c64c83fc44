import type { MyOrderDetail } from '../../contracts/my';
import { PAYMENT_METHOD_LABELS } from '../../domain/payment-methods';
import type { Lang } from '../http/errors';
import type { OrderRows } from '../orders/read-queries';
import type { OrderSummary } from '../orders/summary';
import { explanationDto, readStoredExplanation } from '../payments/refunds/explanation';
import { installmentLabel, labelOf } from '../payments/summary/labels';
import type { RefundRow } from './order-queries';

type Labels = Record<string, { ko: string; en: string }>;

/** A payment as the buyer reads it: a pending one waits for their deposit. */
const BUYER_PAYMENT_STATUS_LABELS: Labels = {
  pending: { ko: '입금대기', en: 'Awaiting deposit' },
  captured: { ko: '결제완료', en: 'Paid' },
  cancelled: { ko: '결제취소', en: 'Cancelled' },
  failed: { ko: '결제실패', en: 'Failed' },
};

/** How the money goes back, in the buyer's words (staff read "PG 결제취소"). */
const BUYER_REFUND_METHOD_LABELS: Labels = {
  gateway: { ko: '결제수단으로 환불', en: 'Back to your payment method' },
  bank_transfer: { ko: '계좌로 환불', en: 'To your bank account' },
  none: { ko: '환불금 없음', en: 'No money back' },
};

const BUYER_REFUND_STATUS_LABELS: Record<'pending' | 'done', { ko: string; en: string }> = {
  pending: { ko: '환불 진행중', en: 'In progress' },
  done: { ko: '환불완료', en: 'Refunded' },
};

const DISCOUNT_LABELS: Record<'grade' | 'manual' | 'coupon', { ko: string; en: string }> = {
  grade: { ko: '등급 할인', en: 'Member grade discount' },
  manual: { ko: '할인', en: 'Discount' },
  coupon: { ko: '쿠폰 할인', en: 'Coupon' },
};

/**
 * The payment breakdown as the buyer is meant to see it. Amounts come from the same
 * summarizeRows the staff payment summary and the ledger use, so paid, refunded and balance due
 * are the staff figures to the won. Never gateway transaction ids, deposit secrets or staff notes.
 */
export function buyerPaymentBreakdown(rows: OrderRows, s: OrderSummary, refunds: readonly RefundRow[], lang: Lang): MyOrderDetail['payment'] {
  const { order } = rows;
  const named = (label: string, name: string | null) => (name ? `${label} (${name})` : label);
  const discount = (kind: keyof typeof DISCOUNT_LABELS, amount: number, name: string | null = null) =>
    amount > 0 ? [{ kind, label: named(DISCOUNT_LABELS[kind][lang], name), amount }] : [];
  return {
    // before the grade and manual discounts, which are listed below it
    itemsAmount: s.itemsAmount + s.gradeDiscount + s.manualDiscount,
    shippingFee: order.shippingFee + order.remoteShippingFee,
    remoteShippingFee: order.remoteShippingFee,
    discounts: [...discount('grade', s.gradeDiscount, order.gradeName), ...discount('manual', s.manualDiscount), ...discount('coupon', order.couponDiscount, order.couponName)],
    pointsUsed: order.pointsUsed,
    feesAmount: order.feesAmount,
    totalAmount: s.totalAmount,
    paidAmount: s.paidAmount,
    refundedAmount: s.refundedAmount,
    balanceDue: s.balanceDue,
    // a failed attempt charged nothing: not part of what the buyer paid
    payments: rows.payments
      .filter((p) => p.status !== 'failed')
      .map((p) => ({
        method: p.method,
        methodLabel: p.easyPayProvider ? `${labelOf(PAYMENT_METHOD_LABELS, p.method, lang)} (${p.easyPayProvider})` : labelOf(PAYMENT_METHOD_LABELS, p.method, lang),
        status: p.status,
        statusLabel: labelOf(BUYER_PAYMENT_STATUS_LABELS, p.status, lang),
        amount: p.amount,
        paidAt: p.paidAt?.toISOString() ?? null,
        cardCompany: p.cardCompany,
        cardNumberMasked: p.cardNumberMasked,
        installmentMonths: p.installmentMonths,
        installmentLabel: p.method === 'card' ? installmentLabel(p.installmentMonths, lang) : null,
        // a virtual account, or the shop's account a 무통장 deposit goes to: where the buyer sends the money
        virtualAccount: p.vaBank && p.vaAccountNumber ? { bank: p.vaBank, accountNumber: p.vaAccountNumber, holder: p.vaHolder ?? '', dueAt: p.vaDueAt?.toISOString() ?? null } : null,
      })),
    // a voided refund was withdrawn before it was paid (a staff correction); a failed one is staff's
    // to retry, so the buyer keeps seeing it in progress, as the timeline tells it
    refunds: refunds
      .filter((r) => r.status !== 'voided')
      .map((r) => {
        const status = r.status === 'done' ? ('done' as const) : ('pending' as const);
        return {
          amount: r.amount,
          methodLabel: labelOf(BUYER_REFUND_METHOD_LABELS, r.method, lang),
          status,
          statusLabel: BUYER_REFUND_STATUS_LABELS[status][lang],
          at: (r.executedAt ?? r.createdAt).toISOString(),
          explanation: explanationDto(readStoredExplanation(r.explanation), lang).map((l) => l.text),
        };
      }),
  };
}
