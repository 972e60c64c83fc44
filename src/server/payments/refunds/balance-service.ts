import { z } from 'zod';
import { overpaymentRefundCreated, refundPending, type EventDraft } from '../../../domain/events';
import { allocateRefund } from '../../../domain/ledger';
import { sumWon } from '../../../domain/money';
import type { ClaimContext } from '../../claims/context';
import { outstandingByPayment } from '../../claims/refund-input';
import type { ClaimOutcome } from '../../claims/request-service';
import { one, type Executor } from '../../db/client';
import { refundPayments, refunds } from '../../db/schema/index';
import { AppError } from '../../http/errors';
import { loadOrderRows } from '../../orders/read-queries';
import { summarizeRows } from '../requests/queries';
import { ensureWithinRefundCeiling } from './ceiling';
import type { RefundAccount } from './records';

/** Payments whose refund goes to a bank account the buyer names; the same rule as a claim's refund (records.ts). */
const ACCOUNT_METHODS: ReadonlySet<string> = new Set(['bank_transfer', 'virtual_account']);

/**
 * The breakdown of a refund that gives back an overpaid balance rather than claimed units: no
 * items, shipping, coupon or points move (all its component columns are 0), so it says what it
 * settled instead. It is never voided by a claim revert (it has no claim); settle.ts adds its
 * gateway keys beside these fields as for any refund.
 */
export const overpaymentBreakdownSchema = z.object({
  kind: z.literal('overpayment'),
  /** The balance due when staff decided the refund (negative: the shop owed). */
  balanceDueBefore: z.number().int(),
  /** What could still be refunded then: −balance due − refunds promised and not yet paid. */
  refundableBefore: z.number().int(),
});
export type OverpaymentBreakdown = z.infer<typeof overpaymentBreakdownSchema>;

export interface BalanceRefundInput {
  amount: number;
  reason: string;
  refundAccount: RefundAccount | undefined;
}

/**
 * 초과 결제 환불: gives back money the buyer paid beyond the order total (an edit that lowered the
 * total, a deposit larger than asked). Runs inside the order mutation; the refund is recorded the
 * way a claim's refund is — spread over the payments newest first beside refunds already promised,
 * one part per payment, pending — and paid by the same settle (gateway parts right after commit,
 * 무통장 parts when staff confirm the transfer) and retried by the same route.
 *
 * The amount may not exceed what the shop owes and has not yet promised: −balance due minus the
 * refund parts still pending or failed. So two refunds never give back the same won, and a refund
 * waiting for a retry is not made a second time under another id.
 */
export async function createBalanceRefund(tx: Executor, ctx: ClaimContext, input: BalanceRefundInput): Promise<{ events: EventDraft[]; result: ClaimOutcome }> {
  const rows = await loadOrderRows(tx, ctx.shopId, ctx.orderId);
  if (!rows) throw new AppError('ORDER_NOT_FOUND', { orderId: ctx.orderId });
  const { balanceDue } = summarizeRows(rows);
  const outstanding = await outstandingByPayment(tx, ctx.shopId, ctx.orderId);
  const awaitingRefund = sumWon([...outstanding.values()]);
  const refundable = Math.max(0, -balanceDue - awaitingRefund);
  if (input.amount <= 0 || input.amount > refundable) {
    throw new AppError('REFUND_EXCEEDS_REFUNDABLE', { amount: input.amount, refundable, balanceDue, awaitingRefund });
  }
  await ensureWithinRefundCeiling(tx, ctx, input.amount);
  const allocation = allocateRefund(
    input.amount,
    rows.payments.map((p) => ({ id: p.id, capturedAmount: p.capturedAmount, refundedAmount: p.refundedAmount + (outstanding.get(p.id) ?? 0) })),
  );
  if (!allocation.ok) throw new AppError('REFUND_EXCEEDS_REFUNDABLE', { amount: input.amount, refundable: allocation.refundable, balanceDue, awaitingRefund });

  const methodOf = (paymentId: number) => rows.payments.find((p) => p.id === paymentId)?.method ?? 'card';
  const needsAccount = allocation.parts.filter((part) => ACCOUNT_METHODS.has(methodOf(part.paymentId)));
  if (needsAccount.length > 0 && !input.refundAccount) throw new AppError('REFUND_ACCOUNT_REQUIRED', { paymentIds: needsAccount.map((part) => part.paymentId) });
  const method = allocation.parts.some((part) => methodOf(part.paymentId) === 'bank_transfer') ? 'bank_transfer' : 'gateway';

  const breakdown: OverpaymentBreakdown = { kind: 'overpayment', balanceDueBefore: balanceDue, refundableBefore: refundable };
  const refund = one(
    await tx
      .insert(refunds)
      .values({
        shopId: ctx.shopId, orderId: ctx.orderId, claimId: null, amount: input.amount,
        itemsAmount: 0, shippingAmount: 0, couponRestored: 0, pointsRestored: 0, deductionAmount: 0, breakdown,
        reason: input.reason, method, refundAccount: needsAccount.length > 0 ? (input.refundAccount ?? null) : null,
        status: 'pending', createdAt: ctx.now, executedAt: null,
      })
      .returning({ id: refunds.id }),
    'refund',
  );
  await tx
    .insert(refundPayments)
    .values(allocation.parts.map((part) => ({ shopId: ctx.shopId, orderId: ctx.orderId, refundId: refund.id, paymentId: part.paymentId, amount: part.amount, status: 'pending' as const })));

  const events: EventDraft[] = [overpaymentRefundCreated(ctx.actor, { refundId: refund.id, amount: input.amount, reason: input.reason })];
  // A gateway refund reports itself when settled right after commit; a transfer waits for staff, visibly.
  if (method === 'bank_transfer') events.push(refundPending(ctx.actor, { refundId: refund.id, amount: input.amount, method: 'transfer', note: '계좌 송금 후 완료 처리 필요' }));
  return { events, result: { claimId: null, refundId: refund.id, proposal: null, buyerShippingFee: null } };
}
