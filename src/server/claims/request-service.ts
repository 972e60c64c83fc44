import type { z } from 'zod';
import type { pickupSchema } from '../../contracts/claims';
import { claimReasonText, type ClaimReasonCode } from '../../domain/claim-reasons';
import { CLAIM_START_STATUS, exchangeShippingFee } from '../../domain/claim-rules';
import { courierCodeOf } from '../../domain/couriers';
import { claimRequested, type EventDraft } from '../../domain/events';
import type { RefundAdjustments, RefundProposal } from '../../domain/refund-calculator';
import type { ClaimKind } from '../../domain/status';
import { one, type Executor } from '../db/client';
import { claims } from '../db/schema/index';
import { AppError } from '../http/errors';
import { loadOrderRows, type OrderRows } from '../orders/read-queries';
import type { ClaimContext } from './context';
import { policyOfOrder } from '../shops/policy';
import { splitForExchange, type Reshipment } from './exchange-split';
import { loadRefundFacts, proposeOrRefuse, refundInputFor } from './refund-input';
import { insertClaimItems, planTake, removeFromGroups } from './units';

export interface ClaimRequest {
  kind: ClaimKind;
  items: ReadonlyArray<{ itemId: number; shipmentGroupId: number; quantity: number }>;
  /** a preset reason (null only for claims the system opens: an unpaid order's auto-cancel …) */
  reasonCode: ClaimReasonCode | null;
  /** the words beside it: required with 'other', the whole reason when there is no code */
  reasonText: string | null;
  fault: 'buyer' | 'shop' | null;
  pickup: z.infer<typeof pickupSchema> | null;
  restock: boolean;
  replacementOptionId?: number | undefined;
}

/** What a claims change hands to the response: ids to show, the money it proposed or applied. */
export interface ClaimOutcome {
  claimId: number | null;
  refundId: number | null;
  proposal: RefundProposal | null;
  buyerShippingFee: number | null;
}

export async function loadRows(tx: Executor, ctx: Pick<ClaimContext, 'shopId' | 'orderId'>): Promise<OrderRows> {
  const rows = await loadOrderRows(tx, ctx.shopId, ctx.orderId);
  if (!rows) throw new AppError('ORDER_NOT_FOUND', { orderId: ctx.orderId });
  return rows;
}

const byItem = (units: ReadonlyArray<{ itemId: number; quantity: number }>) => {
  const sums = new Map<number, number>();
  for (const u of units) sums.set(u.itemId, (sums.get(u.itemId) ?? 0) + u.quantity);
  return [...sums].map(([itemId, quantity]) => ({ itemId, quantity }));
};

/**
 * Opens a claim (취소접수, 반품접수, 교환접수): the named units leave their shipment groups for the
 * claim, which remembers where each came from. Nothing about money changes until it completes.
 */
export async function requestClaim(tx: Executor, ctx: ClaimContext, req: ClaimRequest): Promise<{ claimId: number; events: EventDraft[]; buyerShippingFee: number | null }> {
  const rows = await loadRows(tx, ctx);
  const taken = planTake(rows, req.kind, req.items);
  await removeFromGroups(tx, ctx.shopId, rows, taken);

  let held = taken;
  let reshipment: Reshipment | null = null;
  let replacementOptionId: number | null = null;
  if (req.kind === 'exchange') {
    reshipment = { courier: null, trackingNumber: null, shippedAt: null, replacements: [] };
    if (req.replacementOptionId !== undefined) {
      const split = await splitForExchange(tx, ctx.shopId, rows, taken, req.replacementOptionId, ctx.now);
      held = split.taken;
      reshipment.replacements = split.replacements;
      replacementOptionId = split.replacementOptionId;
    }
  }

  // a pickup courier is stored as a parcel's is: the code of a known courier, else as typed
  const pickup = req.pickup?.courier === undefined ? req.pickup : { ...req.pickup, courier: courierCodeOf(req.pickup.courier) };
  const claim = one(
    await tx
      .insert(claims)
      .values({
        shopId: ctx.shopId, orderId: ctx.orderId, kind: req.kind, status: CLAIM_START_STATUS[req.kind], reasonCode: req.reasonCode, reasonText: req.reasonText, fault: req.fault,
        requestedBy: ctx.requestedBy, pickup, restock: req.restock, replacementOptionId, reshipment, createdAt: ctx.now,
      })
      .returning({ id: claims.id }),
    'claim',
  );
  await insertClaimItems(tx, ctx.shopId, ctx.orderId, claim.id, held);

  let buyerShippingFee: number | null = null;
  if (req.kind === 'exchange' && req.fault) {
    // the order's own return fee: a policy change since it was placed does not reach it
    buyerShippingFee = exchangeShippingFee(req.fault, (await policyOfOrder(tx, ctx.shopId, ctx.orderId)).returnShippingFee);
  }
  return {
    claimId: claim.id,
    events: [
      claimRequested(ctx.actor, {
        claimId: claim.id, claimKind: req.kind, items: byItem(held),
        // written out in Korean too, for readers of the event that predate the code
        reason: req.reasonCode ? claimReasonText(req.reasonCode, req.reasonText, 'ko') : req.reasonText,
        ...(req.reasonCode ? { reasonCode: req.reasonCode, reasonText: req.reasonText } : {}),
      }),
    ],
    buyerShippingFee,
  };
}

/** The refund a cancel of these units would give (no writes): the preview staff adjust. */
export async function previewCancel(tx: Executor, ctx: Pick<ClaimContext, 'shopId' | 'orderId'>, items: ClaimRequest['items'], adjustments: RefundAdjustments | undefined): Promise<RefundProposal> {
  const rows = await loadRows(tx, ctx);
  const taken = planTake(rows, 'cancel', items);
  const facts = await loadRefundFacts(tx, ctx.shopId, rows);
  return proposeOrRefuse(refundInputFor(facts, { kind: 'cancel', fault: null }, taken, adjustments));
}
