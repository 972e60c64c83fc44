import { and, eq, ne } from 'drizzle-orm';
import { CLAIM_REASON_CODES, claimReasonText, type ClaimReasonCode } from '../../domain/claim-reasons';
import { classifyClaimMove, CLAIM_DONE_STATUS, type ClaimMove } from '../../domain/claim-rules';
import { claimStatusChanged, refundVoided, type EventDraft } from '../../domain/events';
import { formatWon } from '../../domain/money';
import type { RefundAdjustments } from '../../domain/refund-calculator';
import type { UnitStatus } from '../../domain/status';
import type { Executor } from '../db/client';
import { claims, refundPayments, refunds } from '../db/schema/index';
import { AppError, type Lang } from '../http/errors';
import type { OrderRows } from '../orders/read-queries';
import { ensureWithinRefundCeiling } from '../payments/refunds/ceiling';
import { createRefund, refundBreakdownSchema, type RefundAccount } from '../payments/refunds/records';
import type { ClaimContext } from './context';
import { applyProposal, undoProposal } from './money-apply';
import { loadRefundFacts, proposeOrRefuse, refundInputFor } from './refund-input';
import { loadRows, type ClaimOutcome } from './request-service';

const isReasonCode = (code: string | null): code is ClaimReasonCode => code !== null && (CLAIM_REASON_CODES as readonly string[]).includes(code);
/** The refund keeps its claim's reason in words (as staff read it), for lists that show refunds alone. */
const storedReason = (claim: { reasonCode: string | null; reasonText: string | null }) =>
  isReasonCode(claim.reasonCode) ? claimReasonText(claim.reasonCode, claim.reasonText, 'ko') : claim.reasonText;

export function findClaim(rows: OrderRows, claimId: number) {
  const claim = rows.claims.find((c) => c.id === claimId);
  if (!claim) throw new AppError('CLAIM_NOT_FOUND', { claimId });
  return claim;
}

/** The units a claim holds, at the address they came from, as the refund calculator takes them. */
function claimedUnits(rows: OrderRows, claimId: number) {
  return rows.claimItems
    .filter((ci) => ci.claimId === claimId)
    .map((ci) => {
      const group = rows.groups.find((g) => g.id === ci.fromShipmentGroupId);
      if (!group) throw new Error(`claim origin group ${ci.fromShipmentGroupId} is gone`);
      return { itemId: ci.itemId, quantity: ci.quantity, addressId: group.addressId };
    });
}

function completionOf(rows: OrderRows, claimId: number) {
  const claim = findClaim(rows, claimId);
  if (claim.kind === 'exchange') throw new AppError('TRANSITION_NOT_ALLOWED', { claimId, reason: 'an exchange moves no money; step it to exchanged' });
  const from = claim.status as UnitStatus;
  const to = CLAIM_DONE_STATUS[claim.kind];
  const move = classifyClaimMove(claim.kind, from, to);
  if (move?.kind !== 'complete') throw new AppError('TRANSITION_NOT_ALLOWED', { claimId, from, to });
  return { claim, kind: claim.kind, from, to };
}

/** The refund completing this claim would give (no writes), with staff adjustments applied. */
export async function previewCompletion(tx: Executor, ctx: ClaimContext, claimId: number, adjustments: RefundAdjustments | undefined) {
  const rows = await loadRows(tx, ctx);
  const { claim, kind } = completionOf(rows, claimId);
  const facts = await loadRefundFacts(tx, ctx.shopId, rows);
  return proposeOrRefuse(refundInputFor(facts, { kind, fault: kind === 'return' ? claim.fault : null }, claimedUnits(rows, claimId), adjustments));
}

/**
 * 취소완료 / 반품완료: the claim's units leave the order total, the order's money moves by the
 * refund proposal (with staff adjustments), and the refund is recorded, to be paid after commit.
 */
export async function completeClaim(
  tx: Executor,
  ctx: ClaimContext,
  claimId: number,
  body: { refund?: RefundAdjustments | undefined; refundAccount?: RefundAccount | undefined },
): Promise<{ outcome: ClaimOutcome; events: EventDraft[] }> {
  const rows = await loadRows(tx, ctx);
  const { claim, kind, from, to } = completionOf(rows, claimId);
  const facts = await loadRefundFacts(tx, ctx.shopId, rows);
  const proposal = proposeOrRefuse(refundInputFor(facts, { kind, fault: kind === 'return' ? claim.fault : null }, claimedUnits(rows, claimId), body.refund));
  await ensureWithinRefundCeiling(tx, ctx, proposal.amount);
  const sideEffects = await applyProposal(tx, ctx, rows, claim, proposal);
  await tx.update(claims).set({ status: to, completedAt: ctx.now }).where(and(eq(claims.shopId, ctx.shopId), eq(claims.id, claimId)));
  const refund = await createRefund(tx, {
    shopId: ctx.shopId, orderId: ctx.orderId, claimId, proposal, sideEffects, reason: storedReason(claim), refundAccount: body.refundAccount,
    payments: rows.payments, outstanding: facts.outstanding, actor: ctx.actor, now: ctx.now,
  });
  return {
    outcome: { claimId, refundId: refund.refundId, proposal, buyerShippingFee: null },
    events: [claimStatusChanged(ctx.actor, { claimId, claimKind: kind, from, to, kind: 'forward' }), ...refund.events],
  };
}

const revertRefusal = (amount: number, lang: Lang) =>
  lang === 'ko'
    ? `이미 ${formatWon(amount)}이 환불되었습니다. 완료 상태를 되돌리면 구매자가 이 금액을 다시 결제해야 하므로(추가 결제 요청) 환불을 되돌리지 않고는 상태만 되돌릴 수 없습니다.`
    : `${formatWon(amount)} has already been refunded. Reverting would mean the buyer pays it again (an additional payment request), so the status cannot be reverted on its own.`;

const unsettledRefusal = (amount: number, lang: Lang) =>
  lang === 'ko'
    ? `${formatWon(amount)} 환불이 PG사에서 처리 중이거나 결과를 알 수 없습니다. 환불 재시도로 결과를 확정한 뒤 되돌리세요.`
    : `A refund of ${formatWon(amount)} is in flight at the payment gateway or its outcome is unknown. Retry the refund to settle it, then revert.`;

/**
 * 취소완료 → 취소접수, 반품완료 → 수거완료: allowed only while the refund has not been paid. Its
 * money moves are undone and the refund voided; a refund already paid out (even in part) refuses,
 * because undoing it means asking the buyer to pay again, which is a payment request, never a
 * silent change of status.
 */
export async function revertCompletion(tx: Executor, ctx: ClaimContext, rows: OrderRows, claimId: number, move: ClaimMove): Promise<EventDraft[]> {
  const claim = findClaim(rows, claimId);
  const live = await tx
    .select()
    .from(refunds)
    .where(and(eq(refunds.shopId, ctx.shopId), eq(refunds.orderId, ctx.orderId), eq(refunds.claimId, claimId), ne(refunds.status, 'voided')));
  const events: EventDraft[] = [];
  for (const refund of live) {
    const parts = await tx.select().from(refundPayments).where(and(eq(refundPayments.shopId, ctx.shopId), eq(refundPayments.refundId, refund.id)));
    const paid = parts.filter((p) => p.status === 'done').reduce((s, p) => s + p.amount, 0);
    if (paid > 0) throw new AppError('REVERT_NEEDS_MONEY', { claimId, refundId: refund.id, refundedAmount: paid, message: revertRefusal(paid, ctx.lang) });
    // A gateway part still pending may already be paid out: the call is in flight, or its answer
    // was lost. Voiding it could lose a refund the buyer received; settle it first (retry).
    const unknown = refund.method === 'gateway' ? parts.filter((p) => p.status === 'pending').reduce((s, p) => s + p.amount, 0) : 0;
    if (unknown > 0) throw new AppError('REVERT_NEEDS_MONEY', { claimId, refundId: refund.id, pendingAmount: unknown, message: unsettledRefusal(unknown, ctx.lang) });
  }
  for (const refund of live) {
    await undoProposal(tx, ctx, rows, claim, refundBreakdownSchema.parse(refund.breakdown));
    await tx.update(refunds).set({ status: 'voided' }).where(and(eq(refunds.shopId, ctx.shopId), eq(refunds.id, refund.id)));
    await tx.update(refundPayments).set({ status: 'voided' }).where(and(eq(refundPayments.shopId, ctx.shopId), eq(refundPayments.refundId, refund.id)));
    if (refund.amount > 0) events.push(refundVoided(ctx.actor, { refundId: refund.id, amount: refund.amount }));
  }
  const { from, to } = move.transition;
  await tx.update(claims).set({ status: to, completedAt: null }).where(and(eq(claims.shopId, ctx.shopId), eq(claims.id, claimId)));
  return [claimStatusChanged(ctx.actor, { claimId, claimKind: claim.kind, from, to, kind: 'revert' }), ...events];
}
