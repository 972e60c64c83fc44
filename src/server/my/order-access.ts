import { and, eq } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Executor } from '../db/client';
import { orders } from '../db/schema/index';
import { AppError } from '../http/errors';
import type { BuyerPrincipal } from './principal';

/** My Page names orders by their order number (what the buyer knows), never by internal id. */
export const orderNumberParams = z.object({ orderNumber: z.string().trim().min(1).max(40) });

/**
 * The buyer's own order by number: a member reaches the orders placed under their member record,
 * a guest only the order they looked up. Anything else — another buyer's order, another shop's —
 * answers 404 ORDER_NOT_FOUND, exactly as an order number that does not exist.
 */
export async function findBuyerOrder(db: Executor, buyer: BuyerPrincipal, orderNumber: string): Promise<typeof orders.$inferSelect> {
  const owner = buyer.buyer === 'member' ? eq(orders.customerId, buyer.customerId) : eq(orders.id, buyer.orderId);
  const [order] = await db
    .select()
    .from(orders)
    .where(and(eq(orders.shopId, buyer.shopId), eq(orders.orderNumber, orderNumber), owner))
    .limit(1);
  if (!order) throw new AppError('ORDER_NOT_FOUND', { orderNumber });
  return order;
}

/** `Idempotency-Key` of a buyer's request, when it sent one. */
export function idempotencyKeyOf(request: FastifyRequest): string | undefined {
  const key = request.headers['idempotency-key'];
  return typeof key === 'string' ? key : undefined;
}
