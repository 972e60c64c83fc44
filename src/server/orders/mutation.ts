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
        .for('no key update');
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

/**
 * A change the system makes on its own (the scheduled jobs: auto-confirm, unpaid auto-cancel).
 * There is no principal, no version the caller saw and no Idempotency-Key: the job looks at the
 * order again under the lock and decides there. The order row is taken FOR UPDATE SKIP LOCKED, so
 * a job on several servers never waits on another server (or on staff working the order) and
 * never changes an order twice: an order someone holds answers 'busy' and waits for the next run.
 * The lock is FOR NO KEY UPDATE (as every order lock is): it excludes other changes of the order
 * but not the key-share locks a foreign-key check takes, so a message's timeline line or a memo
 * being written at that moment does not make a job skip the order.
 * `change` answers null when, seen under the lock, there is nothing to do: nothing is written and
 * the version stays. Otherwise it is mutateOrder's transaction: summary refreshed, version bumped,
 * timeline appended.
 */
export async function mutateOrderAsSystem<T>(
  db: Db,
  target: { shopId: number; orderId: number },
  change: (tx: Tx, order: OrderRow, now: Date) => Promise<ChangeOutcome<T> | null>,
): Promise<{ status: 'changed'; result: T; version: number } | { status: 'busy' | 'unchanged' }> {
  return db.transaction(async (tx) => {
    const now = new Date();
    const [order] = await tx
      .select()
      .from(orders)
      .where(and(eq(orders.shopId, target.shopId), eq(orders.id, target.orderId)))
      .for('no key update', { skipLocked: true });
    if (!order) return { status: 'busy' as const };
    const outcome = await change(tx, order, now);
    if (!outcome) return { status: 'unchanged' as const };
    const { version } = await refreshOrderSummary(tx, target.shopId, target.orderId, now);
    await appendEvents(tx, target.shopId, target.orderId, outcome.events, now);
    return { status: 'changed' as const, result: outcome.result, version };
  });
}
