import type { FastifyRequest } from 'fastify';
import { buyerOf } from '../auth/plugin';
import type { Db, Tx } from '../db/client';
import { markReplayed } from '../http/idempotent-replay';
import { expectedVersionOf } from '../orders/mutation-route';
import { mutateOrder, type ChangeOutcome, type OrderRow } from '../orders/mutation';
import { findBuyerOrder, idempotencyKeyOf } from './order-access';
import type { BuyerPrincipal } from './principal';

/**
 * A buyer's change of their own order, through the one mutateOrder every change takes (order
 * locked, version checked, summary refreshed, timeline appended, Idempotency-Key honoured), after
 * the buyer's own access rule found the order. Answers the change's result and the new version;
 * My Page reads the order again through its own view (GET /api/v1/my/orders/{orderNumber}).
 */
export async function runBuyerMutation<T, B extends { expectedVersion?: number | undefined }>(
  db: Db,
  request: FastifyRequest & { params: { orderNumber: string }; body: B },
  change: (tx: Tx, order: OrderRow, now: Date, buyer: BuyerPrincipal) => Promise<ChangeOutcome<T>>,
): Promise<{ result: T; version: number }> {
  const buyer = buyerOf(request);
  const order = await findBuyerOrder(db, buyer, request.params.orderNumber);
  const { result, version, replayed } = await mutateOrder(
    db,
    {
      principal: buyer,
      orderId: order.id,
      expectedVersion: expectedVersionOf(request, request.body),
      idempotencyKey: idempotencyKeyOf(request),
      request: { route: request.routeOptions.url, body: request.body },
    },
    (tx, locked, now) => change(tx, locked, now, buyer),
  );
  markReplayed(request, replayed);
  return { result, version };
}
