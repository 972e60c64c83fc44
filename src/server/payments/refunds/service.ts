import { and, eq } from 'drizzle-orm';
import { refundCompleted, type EventDraft } from '../../../domain/events';
import type { Executor } from '../../db/client';
import { refundPayments, refunds } from '../../db/schema/index';
import { AppError } from '../../http/errors';
import type { ClaimContext } from '../../claims/context';
import type { ClaimOutcome } from '../../claims/request-service';
import { GATEWAY_METHODS, loadRefund, payOutPart, refundStatusOf } from './records';
import { reopenFailedParts } from './settle';

const isOpen = (status: string) => status === 'pending' || status === 'failed';
const outcomeOf = (refund: { id: number; claimId: number | null }): ClaimOutcome => ({ claimId: refund.claimId, refundId: refund.id, proposal: null, buyerShippingFee: null });

/**
 * Staff confirm they sent a 무통장 refund to the buyer's account: its bank-transfer parts are paid
 * out (the payments' refunded amounts grow) and the refund is done once every part is.
 */
export async function confirmTransfer(tx: Executor, ctx: ClaimContext, refundId: number): Promise<{ events: EventDraft[]; result: ClaimOutcome }> {
  const { refund, parts } = await loadRefund(tx, ctx.shopId, ctx.orderId, refundId);
  if (!isOpen(refund.status)) throw new AppError('REFUND_NOT_OPEN', { refundId, status: refund.status });
  const manual = parts.filter((p) => p.payment.method === 'bank_transfer' && isOpen(p.part.status));
  if (manual.length === 0) throw new AppError('REFUND_NOT_MANUAL', { refundId });
  for (const { part } of manual) await payOutPart(tx, ctx.shopId, part, null);
  const after = await tx.select({ status: refundPayments.status }).from(refundPayments).where(and(eq(refundPayments.shopId, ctx.shopId), eq(refundPayments.refundId, refundId)));
  const status = refundStatusOf(after, refund.status);
  await tx
    .update(refunds)
    .set({ status, failureMessage: null, executedAt: status === 'done' ? ctx.now : null })
    .where(and(eq(refunds.shopId, ctx.shopId), eq(refunds.id, refundId)));
  const amount = manual.reduce((s, p) => s + p.part.amount, 0);
  return { events: [refundCompleted(ctx.actor, { refundId, amount, method: 'transfer' })], result: outcomeOf(refund) };
}

/** Reopens a pending or failed refund's gateway parts; the caller pays them after commit. */
export async function prepareRetry(tx: Executor, ctx: ClaimContext, refundId: number): Promise<{ events: EventDraft[]; result: ClaimOutcome }> {
  const { refund, parts } = await loadRefund(tx, ctx.shopId, ctx.orderId, refundId);
  if (!isOpen(refund.status)) throw new AppError('REFUND_NOT_OPEN', { refundId, status: refund.status });
  const retryable = parts.filter((p) => GATEWAY_METHODS.has(p.payment.method) && isOpen(p.part.status));
  if (retryable.length === 0) throw new AppError('REFUND_NOTHING_TO_RETRY', { refundId });
  await reopenFailedParts(tx, ctx.shopId, refundId, retryable.map((p) => p.part.paymentId));
  return { events: [], result: outcomeOf(refund) };
}
