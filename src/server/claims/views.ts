import { and, asc, eq } from 'drizzle-orm';
import { pickupSchema, refundAccountSchema, type ClaimDto, type RefundDto } from '../../contracts/claims';
import { CLAIM_REASON_CODES, claimReasonText, type ClaimReasonCode } from '../../domain/claim-reasons';
import { courierLabel } from '../../domain/couriers';
import { STATUS_LABELS, type UnitStatus } from '../../domain/status';
import { readSnapshot, type Executor } from '../db/client';
import { payments, refundPayments, refunds } from '../db/schema/index';
import type { Lang } from '../http/errors';
import type { OrderRows } from '../orders/read-queries';
import { explanationDto, readStoredExplanation } from '../payments/refunds/explanation';
import { parseReshipment } from './exchange-split';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/**
 * A claim keeps its reason as a code and the words given beside it; they read together
 * ("단순 변심: 사이즈가 작아요"). Claims the system opened (and older ones) carry only text.
 */
const isReasonCode = (code: string | null): code is ClaimReasonCode => code !== null && (CLAIM_REASON_CODES as readonly string[]).includes(code);
const readableReason = (code: string | null, text: string | null, lang: Lang) => (isReasonCode(code) ? claimReasonText(code, text, lang) : text);

/** The order's refunds, oldest first, each with how it is spread over the payments. */
export async function refundViews(db: Executor, shopId: number, orderId: number, lang: Lang): Promise<RefundDto[]> {
  return readSnapshot(db, (tx) => refundViewsInSnapshot(tx, shopId, orderId, lang));
}

async function refundViewsInSnapshot(db: Executor, shopId: number, orderId: number, lang: Lang): Promise<RefundDto[]> {
  // one after another: inside the snapshot's transaction this is one connection
  const rows = await db.select().from(refunds).where(and(eq(refunds.shopId, shopId), eq(refunds.orderId, orderId))).orderBy(asc(refunds.id));
  const parts = await db
    .select({ part: refundPayments, method: payments.method })
    .from(refundPayments)
    .innerJoin(payments, and(eq(payments.shopId, refundPayments.shopId), eq(payments.id, refundPayments.paymentId)))
    .where(and(eq(refundPayments.shopId, shopId), eq(refundPayments.orderId, orderId)))
    .orderBy(asc(refundPayments.paymentId));
  return rows.map((r) => {
    const account = refundAccountSchema.safeParse(r.refundAccount);
    return {
      id: r.id, claimId: r.claimId, amount: r.amount, itemsAmount: r.itemsAmount, shippingAmount: r.shippingAmount, couponRestored: r.couponRestored,
      pointsRestored: r.pointsRestored, deductionAmount: r.deductionAmount, reason: r.reason,
      explanation: explanationDto(readStoredExplanation(r.explanation), lang), method: r.method, refundAccount: account.success ? account.data : null,
      status: r.status, failureMessage: r.failureMessage, attempts: r.attempts, createdAt: r.createdAt.toISOString(), executedAt: iso(r.executedAt),
      parts: parts
        .filter((p) => p.part.refundId === r.id)
        .map((p) => ({ paymentId: p.part.paymentId, method: p.method, amount: p.part.amount, status: p.part.status, gatewayCancelId: p.part.gatewayCancelId })),
    };
  });
}

/** The order's claims with where their units came from, pickup, re-shipment and refunds. */
export function claimViews(rows: OrderRows, refundList: readonly RefundDto[], lang: Lang): ClaimDto[] {
  return rows.claims.map((c) => {
    const pickup = pickupSchema.safeParse(c.pickup);
    const reshipment = c.kind === 'exchange' ? parseReshipment(c.reshipment) : null;
    return {
      id: c.id,
      kind: c.kind,
      status: c.status,
      statusLabel: STATUS_LABELS[c.status as UnitStatus]?.[lang] ?? c.status,
      reason: readableReason(c.reasonCode, c.reasonText, lang),
      reasonCode: isReasonCode(c.reasonCode) ? c.reasonCode : null,
      reasonText: c.reasonText,
      fault: c.fault,
      requestedBy: c.requestedBy,
      pickup: pickup.success ? { ...pickup.data, ...(pickup.data.courier ? { courierLabel: courierLabel(pickup.data.courier, lang) } : {}) } : null,
      restock: c.restock,
      replacementOptionId: c.replacementOptionId,
      reshipment: reshipment ? { courier: reshipment.courier, courierLabel: reshipment.courier ? courierLabel(reshipment.courier, lang) : null, trackingNumber: reshipment.trackingNumber } : null,
      createdAt: c.createdAt.toISOString(),
      completedAt: iso(c.completedAt),
      items: rows.claimItems
        .filter((ci) => ci.claimId === c.id)
        .map((ci) => ({ itemId: ci.itemId, quantity: ci.quantity, fromShipmentGroupId: ci.fromShipmentGroupId, fromStatus: ci.fromStatus })),
      refunds: refundList.filter((r) => r.claimId === c.id),
    };
  });
}
