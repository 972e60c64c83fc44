import { and, asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { PaymentSummary } from '../../../contracts/payment-summary';
import { CLAIM_REASON_CODES, claimReasonText, type ClaimReasonCode } from '../../../domain/claim-reasons';
import { PAYMENT_STATUS_LABELS } from '../../../domain/ledger';
import { PAYMENT_METHOD_LABELS } from '../../../domain/payment-methods';
import { readSnapshot, type Executor } from '../../db/client';
import { refundPayments, refunds } from '../../db/schema/index';
import { AppError, type Lang } from '../../http/errors';
import { loadOrderRows } from '../../orders/read-queries';
import { explanationDto, readStoredExplanation } from '../refunds/explanation';
import { listPaymentRequests, summarizeRows } from '../requests/queries';
import {
  AMOUNT_LABELS,
  installmentLabel,
  labelOf,
  maskAccountNumber,
  PAYMENT_ROW_STATUS_LABELS,
  REFUND_METHOD_LABELS,
  REFUND_STATUS_LABELS,
} from './labels';

// Refund rows are written by the refunds module; their JSON columns are read leniently, so a
// shape this panel does not know shows as "no details" instead of failing the whole panel.
const deductionsShape = z.object({ deductions: z.array(z.object({ kind: z.string(), amount: z.number().int().min(0) })) });
const accountShape = z.object({ bank: z.string(), accountNumber: z.string(), holder: z.string().optional(), holderName: z.string().optional() });

const iso = (d: Date | null) => d?.toISOString() ?? null;

/** A claim's refund reads its claim's reason in the reader's language; others keep the words stored with them. */
function reasonOf(r: { claimId: number | null; reason: string | null }, claims: ReadonlyArray<{ id: number; reasonCode: string | null; reasonText: string | null }>, lang: Lang) {
  const claim = r.claimId === null ? undefined : claims.find((c) => c.id === r.claimId);
  const code = claim?.reasonCode;
  return claim && code && (CLAIM_REASON_CODES as readonly string[]).includes(code) ? claimReasonText(code as ClaimReasonCode, claim.reasonText, lang) : r.reason;
}

/**
 * 결제 정보: where every won of the order went. Amounts are recomputed from the order's rows (the
 * same summarizeOrder that keeps the cache), so the panel and the ledger cannot disagree.
 */
export async function paymentSummaryOf(db: Executor, shopId: number, orderId: number, lang: Lang): Promise<PaymentSummary> {
  return readSnapshot(db, (tx) => paymentSummaryOfInSnapshot(tx, shopId, orderId, lang));
}

async function paymentSummaryOfInSnapshot(db: Executor, shopId: number, orderId: number, lang: Lang): Promise<PaymentSummary> {
  const rows = await loadOrderRows(db, shopId, orderId);
  if (!rows) throw new AppError('ORDER_NOT_FOUND', { orderId });
  const { order } = rows;
  const byOrder = <T extends typeof refunds | typeof refundPayments>(t: T) => and(eq(t.shopId, shopId), eq(t.orderId, orderId));
  const refundRows = await db.select().from(refunds).where(byOrder(refunds)).orderBy(asc(refunds.id));
  const partRows = await db.select().from(refundPayments).where(byOrder(refundPayments)).orderBy(asc(refundPayments.paymentId));
  const paymentRequests = await listPaymentRequests(db, shopId, orderId, lang);
  const s = summarizeRows(rows);
  const amounts = {
    itemsSubtotal: s.itemsAmount + s.gradeDiscount + s.manualDiscount,
    gradeDiscount: s.gradeDiscount,
    couponDiscount: order.couponDiscount,
    couponName: order.couponName,
    pointsUsed: order.pointsUsed,
    manualDiscount: s.manualDiscount,
    shippingFee: order.shippingFee,
    remoteShippingFee: order.remoteShippingFee,
    feesAmount: order.feesAmount,
    orderTotal: s.totalAmount,
    paid: s.paidAmount,
    refunded: s.refundedAmount,
    netPaid: s.paidAmount - s.refundedAmount,
    balanceDue: s.balanceDue,
  };
  // discounts are negative so the rows down to the order total add up to it
  const row = (key: keyof typeof AMOUNT_LABELS & keyof typeof amounts, amount: number, note: string | null = null) => ({ key, label: labelOf(AMOUNT_LABELS, key, lang), amount, note });
  const amountRows = [
    row('itemsSubtotal', amounts.itemsSubtotal),
    row('gradeDiscount', -amounts.gradeDiscount, order.gradeName),
    row('couponDiscount', -amounts.couponDiscount, order.couponName),
    row('pointsUsed', -amounts.pointsUsed),
    row('manualDiscount', -amounts.manualDiscount),
    row('shippingFee', amounts.shippingFee),
    row('remoteShippingFee', amounts.remoteShippingFee),
    row('feesAmount', amounts.feesAmount),
    row('orderTotal', amounts.orderTotal),
    row('paid', amounts.paid),
    row('refunded', amounts.refunded),
    row('netPaid', amounts.netPaid),
    row('balanceDue', amounts.balanceDue),
  ];

  return {
    orderId,
    version: order.version,
    paymentStatus: s.paymentStatus,
    paymentStatusLabel: PAYMENT_STATUS_LABELS[s.paymentStatus][lang],
    amounts,
    amountRows,
    payments: rows.payments.map((p) => ({
      id: p.id, method: p.method, methodLabel: labelOf(PAYMENT_METHOD_LABELS, p.method, lang), status: p.status, statusLabel: labelOf(PAYMENT_ROW_STATUS_LABELS, p.status, lang),
      amount: p.amount, capturedAmount: p.capturedAmount, refundedAmount: p.refundedAmount, paidAt: iso(p.paidAt), gateway: p.gateway, gatewayTransactionId: p.gatewayTransactionId,
      cardCompany: p.cardCompany, cardNumberMasked: p.cardNumberMasked, installmentMonths: p.installmentMonths, installmentLabel: installmentLabel(p.installmentMonths, lang),
      easyPayProvider: p.easyPayProvider,
      // a virtual account, or the shop's account a 무통장 deposit goes to
      virtualAccount: p.vaBank && p.vaAccountNumber ? { bank: p.vaBank, accountNumber: p.vaAccountNumber, holder: p.vaHolder ?? '', dueAt: iso(p.vaDueAt) } : null,
      depositorName: p.depositorName, paymentRequestId: p.paymentRequestId, createdAt: p.createdAt.toISOString(),
    })),
    refunds: refundRows.map((r) => {
      const account = accountShape.safeParse(r.refundAccount);
      return {
        id: r.id, claimId: r.claimId, amount: r.amount, itemsAmount: r.itemsAmount, shippingAmount: r.shippingAmount, couponRestored: r.couponRestored,
        pointsRestored: r.pointsRestored, deductionAmount: r.deductionAmount, deductions: deductionsShape.safeParse(r.breakdown).data?.deductions ?? [],
        method: r.method, methodLabel: labelOf(REFUND_METHOD_LABELS, r.method, lang), status: r.status, statusLabel: labelOf(REFUND_STATUS_LABELS, r.status, lang), reason: reasonOf(r, rows.claims, lang),
        explanation: explanationDto(readStoredExplanation(r.explanation), lang),
        refundAccount: account.success
          ? { bank: account.data.bank, accountNumberMasked: maskAccountNumber(account.data.accountNumber), holder: account.data.holder ?? account.data.holderName ?? '' }
          : null,
        createdAt: r.createdAt.toISOString(), executedAt: iso(r.executedAt),
        parts: partRows.filter((p) => p.refundId === r.id).map((p) => ({ paymentId: p.paymentId, amount: p.amount, status: p.status, gatewayCancelId: p.gatewayCancelId })),
      };
    }),
    paymentRequests,
  };
}
