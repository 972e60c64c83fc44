import { and, eq, inArray } from 'drizzle-orm';
import type { CancelledRequestResult } from '../../../contracts/payment-requests';
import type { EventDraft } from '../../../domain/events';
import type { Tx } from '../../db/client';
import { orderItems } from '../../db/schema/index';
import type { ClaimContext } from '../../claims/context';
import { completeClaim } from '../../claims/complete-service';
import { requestClaim } from '../../claims/request-service';
import type { ChangeOutcome, OrderRow } from '../../orders/mutation';
import type { RefundAccount } from '../refunds/records';
import { unitsHeldFor } from './held-units';
import { cancelPaymentRequest } from './service';

export interface WithdrawInput {
  requestId: number;
  reason: string | undefined;
  removeHeldUnits: boolean;
  refundAccount: RefundAccount | undefined;
  ctx: ClaimContext;
}

const DEFAULT_REASON = '추가 결제 요청 취소';

/**
 * 추가 결제 요청 취소, optionally with the units its edit added (removeHeldUnits). They are cancelled
 * the way staff cancel units: a cancel claim completed at once, in this same transaction, so stock
 * comes back and the refund calculator decides the money. Nothing was paid for them, so the
 * proposal settles the balance due they created instead of refunding; a refund appears only where
 * the order had been paid beyond what it owed (it is then paid out like a cancel's, after commit).
 * Without the flag the units stay held and the order still owes for them.
 */
export async function withdrawPaymentRequest(tx: Tx, order: OrderRow, input: WithdrawInput): Promise<ChangeOutcome<CancelledRequestResult>> {
  const { ctx } = input;
  const cancelled = await cancelPaymentRequest(tx, order, input.requestId, input.reason, ctx.actor, ctx.lang);
  const changeId = cancelled.result.orderChangeId;
  const units = input.removeHeldUnits && changeId !== null ? await unitsHeldFor(tx, order.shopId, order.id, changeId) : [];
  if (units.length === 0) return { events: cancelled.events, result: { ...cancelled.result, removedHeldUnits: null } };

  const requested = await requestClaim(tx, ctx, { kind: 'cancel', items: units, reasonCode: null, reasonText: input.reason ?? DEFAULT_REASON, fault: null, pickup: null, restock: false });
  const completed = await completeClaim(tx, ctx, requested.claimId, { refundAccount: input.refundAccount });
  const names = await itemNames(tx, order, units.map((u) => u.itemId));
  const items = new Map<number, number>();
  for (const u of units) items.set(u.itemId, (items.get(u.itemId) ?? 0) + u.quantity);
  const events: EventDraft[] = [...cancelled.events, ...requested.events, ...completed.events];
  return {
    events,
    result: {
      ...cancelled.result,
      heldUnits: 0,
      removedHeldUnits: {
        claimId: requested.claimId,
        refundId: completed.outcome.refundId,
        refundAmount: completed.outcome.proposal?.amount ?? 0,
        items: [...items].map(([itemId, quantity]) => ({ itemId, productName: names.get(itemId) ?? `#${itemId}`, quantity })),
      },
    },
  };
}

async function itemNames(tx: Tx, order: OrderRow, itemIds: readonly number[]): Promise<Map<number, string>> {
  const rows = await tx
    .select({ id: orderItems.id, productName: orderItems.productName })
    .from(orderItems)
    .where(and(eq(orderItems.shopId, order.shopId), inArray(orderItems.id, [...itemIds])));
  return new Map(rows.map((r) => [r.id, r.productName]));
}
