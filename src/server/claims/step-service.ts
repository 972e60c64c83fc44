import { and, eq } from 'drizzle-orm';
import { pickupSchema } from '../../contracts/claims';
import { classifyClaimMove, isWithdrawable } from '../../domain/claim-rules';
import { courierCodeOf } from '../../domain/couriers';
import { claimStatusChanged, claimWithdrawn, type EventDraft } from '../../domain/events';
import type { UnitStatus } from '../../domain/status';
import type { Executor } from '../db/client';
import { claimItems, claims } from '../db/schema/index';
import { requirePermission } from '../auth/plugin';
import { AppError } from '../http/errors';
import { findClaim, revertCompletion } from './complete-service';
import type { ClaimContext } from './context';
import { deleteItems, mergeBack, parseReshipment } from './exchange-split';
import { loadRows } from './request-service';
import { putBack } from './units';

export interface StepRequest {
  to: UnitStatus;
  pickup?: { courier?: string | undefined; trackingNumber?: string | undefined; pickupDate?: string | undefined } | undefined;
  reshipment?: { courier: string; trackingNumber: string } | undefined;
}

const storedPickup = pickupSchema.partial();
const claimKey = (ctx: ClaimContext, claimId: number) => and(eq(claims.shopId, ctx.shopId), eq(claims.id, claimId));

/**
 * Moves a claim one step along its flow, or one step back (반품접수 → 수거중 → 수거완료, 교환발송 →
 * 교환완료 …). Completing a cancel or return needs its refund (…/complete); undoing that completion
 * is allowed here while the refund is unpaid; going back to where the units came from is a withdrawal.
 * Pickup and re-shipment couriers are stored as codes when we know them ("한진택배" → HANJIN).
 */
export async function stepClaim(tx: Executor, ctx: ClaimContext, claimId: number, req: StepRequest): Promise<EventDraft[]> {
  const rows = await loadRows(tx, ctx);
  const claim = findClaim(rows, claimId);
  const from = claim.status as UnitStatus;
  const move = classifyClaimMove(claim.kind, from, req.to);
  if (!move) throw new AppError('TRANSITION_NOT_ALLOWED', { claimId, from, to: req.to });
  if (move.kind === 'complete') throw new AppError('CLAIM_COMPLETE_REQUIRED', { claimId, from, to: req.to });
  if (move.kind === 'withdraw') throw new AppError('TRANSITION_NOT_ALLOWED', { claimId, from, to: req.to, reason: 'withdraw the claim to put its units back' });

  const collecting = req.to === 'return_collecting' || req.to === 'exchange_collecting';
  if (req.pickup && !collecting) throw new AppError('VALIDATION_FAILED', { field: 'pickup', reason: 'pickup tracking is set when collection starts' });
  if (req.reshipment && req.to !== 'exchange_reshipped') throw new AppError('VALIDATION_FAILED', { field: 'reshipment', reason: 'a reshipment is sent with the move to exchange_reshipped' });
  if (move.kind === 'revert_completion') {
    // undoing a completion gives money back to the shop's side: claims.revert, beyond the route's claims.request
    if (ctx.principal) requirePermission(ctx.principal, 'claims.revert');
    return revertCompletion(tx, ctx, rows, claimId, move);
  }

  const changes: Partial<typeof claims.$inferInsert> = { status: req.to };
  if (collecting && req.pickup) {
    const before = storedPickup.safeParse(claim.pickup ?? {});
    const tracking = req.pickup.courier === undefined ? req.pickup : { ...req.pickup, courier: courierCodeOf(req.pickup.courier) };
    changes.pickup = { ...(before.success ? before.data : {}), ...tracking };
  }
  if (claim.kind === 'exchange') {
    const reshipment = parseReshipment(claim.reshipment);
    if (req.to === 'exchange_reshipped') {
      if (!req.reshipment) throw new AppError('RESHIPMENT_REQUIRED', { claimId });
      changes.reshipment = { ...reshipment, ...req.reshipment, courier: courierCodeOf(req.reshipment.courier), shippedAt: ctx.now.toISOString() };
    } else if (from === 'exchange_reshipped' && req.to === 'exchange_collected') {
      // the parcel was registered by mistake: forget it, as a revert of 배송중 forgets its tracking
      changes.reshipment = { ...reshipment, courier: null, trackingNumber: null, shippedAt: null };
    }
  }
  if (req.to === 'exchanged') changes.completedAt = ctx.now;
  if (from === 'exchanged') changes.completedAt = null;
  await tx.update(claims).set(changes).where(claimKey(ctx, claimId));
  return [claimStatusChanged(ctx.actor, { claimId, claimKind: claim.kind, from, to: req.to, kind: move.transition.kind })];
}

/**
 * Withdraws a requested claim: its units go back exactly where they came from, in the status they
 * had, an exchange's replacement items merge back into theirs, and the claim is gone (its story
 * stays on the timeline).
 */
export async function withdrawClaim(tx: Executor, ctx: ClaimContext, claimId: number): Promise<EventDraft[]> {
  const rows = await loadRows(tx, ctx);
  const claim = findClaim(rows, claimId);
  if (!isWithdrawable(claim.status as UnitStatus)) throw new AppError('CLAIM_NOT_WITHDRAWABLE', { claimId, status: claim.status });
  const held = rows.claimItems.filter((ci) => ci.claimId === claimId);

  const backTo = claim.kind === 'exchange' ? await mergeBack(tx, ctx.shopId, rows, parseReshipment(claim.reshipment), claim.replacementOptionId) : new Map<number, number>();
  await tx.delete(claimItems).where(and(eq(claimItems.shopId, ctx.shopId), eq(claimItems.claimId, claimId)));
  await putBack(tx, ctx.shopId, rows, held.map((ci) => ({ ...ci, itemId: backTo.get(ci.itemId) ?? ci.itemId })), ctx.now);
  await deleteItems(tx, ctx.shopId, [...backTo.keys()]);
  await tx.delete(claims).where(claimKey(ctx, claimId));

  const items = new Map<number, number>();
  for (const ci of held) items.set(backTo.get(ci.itemId) ?? ci.itemId, (items.get(backTo.get(ci.itemId) ?? ci.itemId) ?? 0) + ci.quantity);
  return [claimWithdrawn(ctx.actor, { claimId, claimKind: claim.kind, items: [...items].map(([itemId, quantity]) => ({ itemId, quantity })) })];
}
