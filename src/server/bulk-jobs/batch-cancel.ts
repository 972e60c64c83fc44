import { and, eq } from 'drizzle-orm';
import { exclusionOf } from '../../domain/bulk-actions';
import type { OrderStatus } from '../../domain/order-status';
import { CANCELLABLE_STATUSES, type UnitStatus } from '../../domain/status';
import { actorOf } from '../auth/actor';
import type { Principal } from '../auth/principal';
import { completeClaim } from '../claims/complete-service';
import type { ClaimContext } from '../claims/context';
import { requestClaim } from '../claims/request-service';
import type { Db } from '../db/client';
import { orders, shipmentGroupItems, shipmentGroups } from '../db/schema/index';
import { AppError } from '../http/errors';
import { mutateOrder } from '../orders/mutation';
import type { PaymentGateway } from '../payments/gateways/gateway';
import { settleRefund } from '../payments/refunds/settle';
import type { ItemOutcome } from './batch-moves';
import { recordOutcomes } from './outcomes';

/** Thrown inside the change to roll it back when the rule leaves the order out. */
class Excluded extends Error {
  constructor(readonly reason: string) {
    super(reason);
  }
}

/**
 * 전체 취소 of one order of a job: the same request and completion as a cancel by hand (every unit
 * not yet shipped, the refund as proposed), with the job item marked inside the change's
 * transaction. The refund goes to the gateway after the commit, as it does by hand; a gateway
 * that fails leaves it pending on the order for staff to retry, and the cancel stays done.
 * Orders are cancelled one at a time: each may call a payment gateway.
 */
export async function processCancel(db: Db, gateway: PaymentGateway, job: { shopId: number; jobId: number; principal: Principal; reason: string }, orderId: number): Promise<ItemOutcome> {
  const actor = actorOf(job.principal);
  const [current] = await db.select({ version: orders.version }).from(orders).where(and(eq(orders.shopId, job.shopId), eq(orders.id, orderId)));
  if (!current) return settle(db, job, { orderId, outcome: 'skipped', reason: 'ORDER_NOT_FOUND' });
  try {
    const { result } = await mutateOrder(
      db,
      { principal: job.principal, orderId, expectedVersion: current.version, idempotencyKey: undefined, request: { bulkJobId: job.jobId } },
      async (tx, order, now) => {
        const excluded = exclusionOf('cancel', {
          unitStatuses: order.unitStatuses as UnitStatus[],
          orderStatus: order.orderStatus as OrderStatus,
          paymentMethod: order.paymentMethod,
          hasShipment: false,
        });
        if (excluded) throw new Excluded(`${excluded.code}:${excluded.orderStatus}`);
        const items = await tx
          .select({ shipmentGroupId: shipmentGroupItems.shipmentGroupId, itemId: shipmentGroupItems.itemId, quantity: shipmentGroupItems.quantity, status: shipmentGroups.status })
          .from(shipmentGroupItems)
          .innerJoin(shipmentGroups, and(eq(shipmentGroups.shopId, shipmentGroupItems.shopId), eq(shipmentGroups.id, shipmentGroupItems.shipmentGroupId)))
          .where(and(eq(shipmentGroupItems.shopId, job.shopId), eq(shipmentGroupItems.orderId, orderId)));
        const ctx: ClaimContext = { shopId: job.shopId, orderId, actor, requestedBy: job.principal.kind === 'staff' ? 'staff' : 'api', principal: job.principal, lang: 'ko', now };
        const units = items.filter((i) => i.quantity > 0 && CANCELLABLE_STATUSES.includes(i.status as UnitStatus)).map(({ shipmentGroupId, itemId, quantity }) => ({ shipmentGroupId, itemId, quantity }));
        const requested = await requestClaim(tx, ctx, { kind: 'cancel', items: units, reasonCode: null, reasonText: job.reason, fault: null, pickup: null, restock: false });
        const completed = await completeClaim(tx, ctx, requested.claimId, {});
        await recordOutcomes(tx, job.shopId, job.jobId, [{ orderId, outcome: 'processed', reason: null, refundId: completed.outcome.refundId }], now);
        return { events: [...requested.events, ...completed.events], result: completed.outcome };
      },
    );
    if (result.refundId !== null) {
      try {
        await settleRefund(db, gateway, { shopId: job.shopId, orderId, refundId: result.refundId, actor }, 'auto');
      } catch {
        // the cancel has committed; its refund stays pending on the order (never done without the gateway's word)
      }
    }
    return { orderId, outcome: 'processed', reason: null };
  } catch (error) {
    if (error instanceof Excluded) return settle(db, job, { orderId, outcome: 'skipped', reason: error.reason });
    if (error instanceof AppError) return settle(db, job, { orderId, outcome: 'skipped', reason: error.code });
    throw error;
  }
}

async function settle(db: Db, job: { shopId: number; jobId: number }, outcome: ItemOutcome): Promise<ItemOutcome> {
  await db.transaction((tx) => recordOutcomes(tx, job.shopId, job.jobId, [outcome], new Date()));
  return outcome;
}
