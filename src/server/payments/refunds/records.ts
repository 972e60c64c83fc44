import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { refundAccountSchema } from '../../../contracts/claims';
import { refundPending, type Actor, type EventDraft } from '../../../domain/events';
import { allocateRefund } from '../../../domain/ledger';
import type { RefundProposal } from '../../../domain/refund-calculator';
import { one, type Executor } from '../../db/client';
import { payments, refundPayments, refunds } from '../../db/schema/index';
import { AppError } from '../../http/errors';

export type RefundAccount = z.infer<typeof refundAccountSchema>;
type PaymentRow = typeof payments.$inferSelect;

/** Payments the gateway refunds by cancelling them; a 무통장 deposit is sent back by hand. */
export const GATEWAY_METHODS: ReadonlySet<string> = new Set(['card', 'easy_pay', 'virtual_account']);
/** Payments whose refund goes to a bank account the buyer names. */
export const ACCOUNT_METHODS: ReadonlySet<string> = new Set(['bank_transfer', 'virtual_account']);

/**
 * What a refund did besides paying money, kept on the refund so that reverting its claim undoes
 * exactly that: the proposal's components and share moves, and the side effects on the coupon,
 * stock and unpaid payments.
 */
export const refundBreakdownSchema = z.object({
  proposal: z.object({
    itemsAmount: z.number(),
    couponRemoved: z.number(),
    pointsRestored: z.number(),
    shippingBaseChange: z.number(),
    remoteShippingChange: z.number(),
    deduction: z.number(),
    settlesBalanceDue: z.number(),
    shares: z.array(z.object({ itemId: z.number(), couponDelta: z.number(), pointsDelta: z.number() })),
  }),
  couponReturned: z.boolean(),
  restocked: z.array(z.object({ optionId: z.number(), quantity: z.number() })),
  cancelledPaymentIds: z.array(z.number()),
  /** Pending (unpaid) payments whose amount fell because the buyer now owes less. */
  reducedPayments: z.array(z.object({ paymentId: z.number(), amount: z.number() })).default([]),
});
export type RefundBreakdown = z.infer<typeof refundBreakdownSchema>;

export const refundEventMethod = (method: string) => (method === 'gateway' ? 'gateway_cancel' : 'transfer');

export interface NewRefund {
  shopId: number;
  orderId: number;
  claimId: number;
  proposal: RefundProposal;
  sideEffects: Omit<RefundBreakdown, 'proposal'>;
  reason: string | null;
  refundAccount: RefundAccount | undefined;
  payments: readonly PaymentRow[];
  outstanding: ReadonlyMap<number, number>;
  actor: Actor;
  now: Date;
}

/**
 * Records the refund of a completed claim in the claim's transaction, spread over the payments
 * (newest first) beside refunds already promised. Nothing is paid here: gateway parts are paid
 * after the transaction commits (settle.ts), bank transfers when staff confirm them. A refund of 0
 * (nothing was paid, or it settled what the buyer still owed) is recorded as done, for its breakdown.
 */
export async function createRefund(tx: Executor, r: NewRefund): Promise<{ refundId: number; events: EventDraft[] }> {
  const p = r.proposal;
  const allocation = allocateRefund(p.amount, r.payments.map((pay) => ({ id: pay.id, capturedAmount: pay.capturedAmount, refundedAmount: pay.refundedAmount + (r.outstanding.get(pay.id) ?? 0) })));
  if (!allocation.ok) throw new AppError('REFUND_EXCEEDS_REFUNDABLE', { amount: p.amount, refundable: allocation.refundable });
  const methodOf = (paymentId: number) => r.payments.find((pay) => pay.id === paymentId)?.method ?? 'card';
  const needsAccount = allocation.parts.filter((part) => ACCOUNT_METHODS.has(methodOf(part.paymentId)));
  if (needsAccount.length > 0 && !r.refundAccount) throw new AppError('REFUND_ACCOUNT_REQUIRED', { paymentIds: needsAccount.map((part) => part.paymentId) });
  const method = p.amount === 0 ? 'none' : allocation.parts.some((part) => methodOf(part.paymentId) === 'bank_transfer') ? 'bank_transfer' : 'gateway';

  const breakdown: RefundBreakdown = { proposal: p, ...r.sideEffects };
  const refund = one(
    await tx
      .insert(refunds)
      .values({
        shopId: r.shopId, orderId: r.orderId, claimId: r.claimId, amount: p.amount,
        // the schema's equation: amount = items + shipping − deductions (less what settled a balance due)
        itemsAmount: p.itemsAmount - p.couponRemoved - p.pointsRestored, shippingAmount: -p.shippingChange,
        couponRestored: p.couponRemoved, pointsRestored: p.pointsRestored, deductionAmount: p.deduction, breakdown, explanation: p.explanation,
        reason: r.reason, method, refundAccount: needsAccount.length > 0 ? (r.refundAccount ?? null) : null,
        status: p.amount === 0 ? 'done' : 'pending', createdAt: r.now, executedAt: p.amount === 0 ? r.now : null,
      })
      .returning({ id: refunds.id }),
    'refund',
  );
  if (allocation.parts.length > 0) {
    await tx.insert(refundPayments).values(allocation.parts.map((part) => ({ shopId: r.shopId, orderId: r.orderId, refundId: refund.id, paymentId: part.paymentId, amount: part.amount, status: 'pending' as const })));
  }
  // A gateway refund is settled right after this transaction; a transfer waits for staff, visibly.
  const events = method === 'bank_transfer' ? [refundPending(r.actor, { refundId: refund.id, amount: p.amount, method: 'transfer', note: '계좌 송금 후 완료 처리 필요' })] : [];
  return { refundId: refund.id, events };
}

/**
 * Pays out one part: the payment's refunded amount grows by it, never beyond what it captured (the
 * ledger's invariant, checked in the same statement), and a payment refunded in full is cancelled.
 */
export async function payOutPart(tx: Executor, shopId: number, part: { refundId: number; paymentId: number; amount: number }, gatewayCancelId: string | null) {
  const paid = await tx
    .update(payments)
    .set({
      refundedAmount: sql`${payments.refundedAmount} + ${part.amount}`,
      status: sql`case when ${payments.refundedAmount} + ${part.amount} = ${payments.capturedAmount} then 'cancelled' else ${payments.status} end`,
    })
    .where(and(eq(payments.shopId, shopId), eq(payments.id, part.paymentId), sql`${payments.refundedAmount} + ${part.amount} <= ${payments.capturedAmount}`))
    .returning({ id: payments.id });
  if (paid.length === 0) throw new Error(`refund ${part.refundId} would take payment ${part.paymentId} beyond what it captured`);
  await tx
    .update(refundPayments)
    .set({ status: 'done', gatewayCancelId })
    .where(and(eq(refundPayments.shopId, shopId), eq(refundPayments.refundId, part.refundId), eq(refundPayments.paymentId, part.paymentId)));
}

/** A refund's status follows its parts: done when all are paid, failed when one was refused. */
export function refundStatusOf(parts: ReadonlyArray<{ status: string }>, current: string): 'pending' | 'done' | 'failed' | 'voided' {
  const live = parts.filter((p) => p.status !== 'voided');
  if (live.length > 0 && live.every((p) => p.status === 'done')) return 'done';
  if (current === 'voided') return 'voided';
  return live.some((p) => p.status === 'failed') ? 'failed' : 'pending';
}

export async function loadRefund(db: Executor, shopId: number, orderId: number, refundId: number) {
  const [refund] = await db.select().from(refunds).where(and(eq(refunds.shopId, shopId), eq(refunds.orderId, orderId), eq(refunds.id, refundId)));
  if (!refund) throw new AppError('REFUND_NOT_FOUND', { refundId });
  const parts = await db
    .select({ part: refundPayments, payment: payments })
    .from(refundPayments)
    .innerJoin(payments, and(eq(payments.shopId, refundPayments.shopId), eq(payments.id, refundPayments.paymentId)))
    .where(and(eq(refundPayments.shopId, shopId), eq(refundPayments.refundId, refundId)));
  return { refund, parts };
}
