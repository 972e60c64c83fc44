import type { z } from 'zod';
import type { myCancellationRequestSchema, myExchangeRequestSchema, myPickupSchema, myReturnRequestSchema } from '../../contracts/my';
import { faultOfReason, type ClaimReasonCode } from '../../domain/claim-reasons';
import type { EventDraft } from '../../domain/events';
import { isClaimWithdrawable, isWithinReturnWindow } from '../../domain/buyer-actions';
import { CANCELLABLE_STATUSES, type UnitStatus } from '../../domain/status';
import type { Executor } from '../db/client';
import { AppError } from '../http/errors';
import { completeClaim, findClaim, previewCompletion } from '../claims/complete-service';
import type { ClaimContext } from '../claims/context';
import { loadShop } from '../claims/refund-input';
import { loadRows, requestClaim, type ClaimRequest } from '../claims/request-service';
import { withdrawClaim } from '../claims/step-service';
import { ACCOUNT_METHODS } from '../payments/refunds/records';
import type { OrderRows } from '../orders/read-queries';
import { policyOfOrder } from '../shops/policy';

/**
 * What a buyer's claim change hands to its answer (and keeps under its Idempotency-Key): the claim,
 * the refund an instant cancel started, and the statuses the units now stand in.
 */
export interface BuyerClaimOutcome {
  claimId: number | null;
  refundId: number | null;
  statuses: UnitStatus[];
}

type Units = ClaimRequest['items'];
type Reason = { reasonCode: ClaimReasonCode; reasonText?: string | undefined };

/** Statuses a buyer may cancel at once with its refund: nothing has been prepared yet. */
const INSTANTLY_CANCELLABLE: readonly UnitStatus[] = ['awaiting_payment', 'paid'];

/**
 * The named units' statuses, refusing any a buyer may not claim. A group or item that is not on
 * the order is left for planTake to refuse with its own code (SHIPMENT_GROUP_NOT_FOUND …).
 */
function statusesOf(rows: OrderRows, items: Units, allowed: readonly UnitStatus[]): UnitStatus[] {
  const found: UnitStatus[] = [];
  for (const u of items) {
    const group = rows.groups.find((g) => g.id === u.shipmentGroupId);
    if (!group) continue;
    const status = group.status as UnitStatus;
    if (!allowed.includes(status)) throw new AppError('BUYER_CLAIM_NOT_ALLOWED', { itemId: u.itemId, shipmentGroupId: u.shipmentGroupId, status });
    found.push(status);
  }
  return found;
}

/**
 * The buyer's own words, stored in reason_text beside the code in reason_code; readers compose the
 * two ("단순 변심: 사이즈가 작아요", claimReasonText). "기타" needs the words.
 */
function wordsOf(r: Reason): string | null {
  const words = r.reasonText?.trim() || null;
  if (r.reasonCode === 'other' && !words) {
    throw new AppError('VALIDATION_FAILED', { field: 'reasonText', reason: 'reasonText is required with reasonCode other (기타 사유를 입력해 주세요)' });
  }
  return words;
}

/** Opens the claim through the staff service, with the code and the buyer's own words. */
async function openClaim(tx: Executor, ctx: ClaimContext, req: Omit<ClaimRequest, 'reasonCode' | 'reasonText'>, reason: Reason) {
  const words = wordsOf(reason);
  return requestClaim(tx, ctx, { ...req, reasonCode: reason.reasonCode, reasonText: words });
}

/** The proposal completing this cancel would give, or null where staff must decide (a refusal). */
async function instantProposal(tx: Executor, ctx: ClaimContext, claimId: number) {
  try {
    return await previewCompletion(tx, ctx, claimId, undefined);
  } catch (error) {
    // e.g. REFUND_EXCEEDS_REFUNDABLE while an earlier refund is still unpaid: staff decide, with
    // adjustments if need be. Only reads ran, so the transaction is intact.
    if (error instanceof AppError) return null;
    throw error;
  }
}

/**
 * 주문 취소 by the buyer: units not shipped yet. Completed at once with its refund (the proposal as
 * calculated, no adjustments) when the shop allows it, every unit is still 입금대기/결제완료, the
 * calculator accepts it as is, and a deposited 무통장/virtual-account payment has the account to
 * pay it back to; otherwise it waits as 취소접수 for staff.
 */
export async function buyerCancel(tx: Executor, ctx: ClaimContext, body: z.infer<typeof myCancellationRequestSchema>): Promise<{ events: EventDraft[]; result: BuyerClaimOutcome }> {
  const rows = await loadRows(tx, ctx);
  const statuses = statusesOf(rows, body.items, CANCELLABLE_STATUSES);
  const requested = await openClaim(tx, ctx, { kind: 'cancel', items: body.items, fault: null, pickup: null, restock: false }, body);
  const waiting = { events: requested.events, result: { claimId: requested.claimId, refundId: null, statuses: ['cancel_requested' as const] } };

  const shop = await loadShop(tx, ctx.shopId);
  if (!shop.buyerInstantCancel || !statuses.every((s) => INSTANTLY_CANCELLABLE.includes(s))) return waiting;
  const owesByAccount = rows.payments.some((p) => ACCOUNT_METHODS.has(p.method) && p.capturedAmount > p.refundedAmount);
  if (owesByAccount && !body.refundAccount) return waiting;
  if (!(await instantProposal(tx, ctx, requested.claimId))) return waiting;

  const completed = await completeClaim(tx, ctx, requested.claimId, { refundAccount: body.refundAccount });
  return { events: [...requested.events, ...completed.events], result: { claimId: requested.claimId, refundId: completed.outcome.refundId, statuses: ['cancelled'] } };
}

/** The pickup as the claim stores it: one of the order's addresses copied, or the new one given. */
function pickupOf(rows: OrderRows, pickup: z.infer<typeof myPickupSchema>): NonNullable<ClaimRequest['pickup']> {
  if (!('addressId' in pickup)) return pickup;
  const address = rows.addresses.find((a) => a.id === pickup.addressId);
  if (!address) throw new AppError('ADDRESS_NOT_FOUND', { addressId: pickup.addressId });
  return { name: address.recipientName, phone: address.recipientPhone, postcode: address.postcode, address1: address.address1, address2: address.address2 };
}

/**
 * 반품·교환 신청 by the buyer: delivered units only, within the shop's return window counted from
 * each parcel's delivery; fault follows the reason; restocking is decided by staff on collection.
 */
export async function buyerReturnOrExchange(
  tx: Executor,
  ctx: ClaimContext,
  kind: 'return' | 'exchange',
  body: z.infer<typeof myReturnRequestSchema> | z.infer<typeof myExchangeRequestSchema>,
): Promise<{ events: EventDraft[]; result: BuyerClaimOutcome }> {
  const rows = await loadRows(tx, ctx);
  statusesOf(rows, body.items, ['delivered']);
  // the window the order was placed under, not today's setting
  const { returnWindowDays } = await policyOfOrder(tx, ctx.shopId, ctx.orderId);
  for (const u of body.items) {
    const group = rows.groups.find((g) => g.id === u.shipmentGroupId);
    if (group && !isWithinReturnWindow(group.deliveredAt, ctx.now, returnWindowDays)) {
      throw new AppError('RETURN_WINDOW_CLOSED', { shipmentGroupId: group.id, deliveredAt: group.deliveredAt?.toISOString() ?? null, returnWindowDays });
    }
  }
  const replacementOptionId = 'replacementOptionId' in body ? body.replacementOptionId : undefined;
  const requested = await openClaim(
    tx,
    ctx,
    { kind, items: body.items, fault: faultOfReason(body.reasonCode), pickup: pickupOf(rows, body.pickup), restock: false, replacementOptionId },
    body,
  );
  return { events: requested.events, result: { claimId: requested.claimId, refundId: null, statuses: [kind === 'return' ? 'return_requested' : 'exchange_requested'] } };
}

const notWithdrawable = (ctx: ClaimContext) =>
  ctx.lang === 'ko'
    ? '쇼핑몰에서 이미 처리를 시작한 요청이라 철회할 수 없습니다. 고객센터로 문의해 주세요.'
    : 'The shop has already started on this request, so it can no longer be withdrawn. Contact the shop.';

/**
 * 요청 철회 by the buyer: a claim on the buyer's own order, only while it is still 접수 (as My Page's
 * `withdrawable` says); its units go back where they came from (the staff withdrawal).
 */
export async function buyerWithdraw(tx: Executor, ctx: ClaimContext, claimId: number): Promise<{ events: EventDraft[]; result: BuyerClaimOutcome }> {
  const rows = await loadRows(tx, ctx);
  const claim = findClaim(rows, claimId);
  if (!isClaimWithdrawable(claim.status as UnitStatus)) throw new AppError('CLAIM_NOT_WITHDRAWABLE', { claimId, status: claim.status, message: notWithdrawable(ctx) });
  const statuses = [...new Set(rows.claimItems.filter((ci) => ci.claimId === claimId).map((ci) => ci.fromStatus as UnitStatus))];
  const events = await withdrawClaim(tx, ctx, claimId);
  return { events, result: { claimId, refundId: null, statuses } };
}
