import { and, eq } from 'drizzle-orm';
import type { EventDraft } from '../../domain/events';
import type { Principal } from '../auth/principal';
import { principalScope } from '../auth/principal';
import type { Db, Tx } from '../db/client';
import type { BuyerPrincipal } from '../my/principal';
import { orders } from '../db/schema/index';
import { AppError } from '../http/errors';
import { runIdempotent } from '../idempotency/service';
import { appendEvents } from '../timeline/queries';
import { refreshOrderSummary } from './summary-refresh';

export type OrderRow = typeof orders.$inferSelect;

export interface MutationContext {
  /** Staff, an API key, or a buyer on My Page (whose own routes decided which order it may reach). */
  principal: Principal | BuyerPrincipal;
  orderId: number;
  /** The version the caller based the change on (If-Match or expectedVersion). */
  expectedVersion: number;
  idempotencyKey: string | undefined;
  /** What identifies the request for idempotency: route and body. */
  request: unknown;
}

export interface ChangeOutcome<T> {
  events: EventDraft[];
  result: T;
}

/**
 * The one way an order changes: lock the order row, refuse a stale version (409), apply the
 * change, recompute the summary cache, bump the version and append the timeline events — one
 * transaction, recorded under the Idempotency-Key so a retry has the effect of one.
 */
export async function mutateOrder<T>(
  db: Db,
  ctx: MutationContext,
  change: (tx: Tx, order: OrderRow, now: Date) => Promise<ChangeOutcome<T>>,
): Promise<{ result: T; version: number; replayed: boolean }> {
  const shopId = ctx.principal.shopId;
  const outcome = await runIdempotent<{ result: T; version: number }>(
    db,
    { shopId, scope: principalScope(ctx.principal), key: ctx.idempotencyKey, request: { orderId: ctx.orderId, ...(ctx.request as object) } },
    async (tx) => {
      const now = new Date();
      const [order] = await tx
        .select()
        .from(orders)
        .where(and(eq(orders.shopId, shopId), eq(orders.id, ctx.orderId)))
        .for('update');
      if (!order) throw new AppError('ORDER_NOT_FOUND', { orderId: ctx.orderId });
      if (order.version !== ctx.expectedVersion) {
        throw new AppError('ORDER_VERSION_CONFLICT', { currentVersion: order.version, expectedVersion: ctx.expectedVersion, updatedAt: order.updatedAt.toISOString() });
      }
      const { events, result } = await change(tx, order, now);
      const { version } = await refreshOrderSummary(tx, shopId, ctx.orderId, now);
      await appendEvents(tx, shopId, ctx.orderId, events, now);
      return { status: 200, body: { result, version } };
    },
  );
  return { ...outcome.body, replayed: outcome.replayed };
}
