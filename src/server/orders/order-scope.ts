import { and, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { Db } from '../db/client';
import { orders } from '../db/schema/index';
import { AppError } from '../http/errors';

const SUB_RESOURCE = '/api/v1/orders/:orderId/';

/**
 * Every sub-resource of an order (its claims, refunds, memos, timeline …) answers 404 when the
 * order does not exist in the caller's shop — never an empty list that reads as "no claims yet",
 * and never another shop's rows. One check for every such route, before its handler runs.
 */
export function registerOrderScope(app: FastifyInstance, db: Db) {
  app.addHook('preHandler', async (request) => {
    if (!request.routeOptions.url?.startsWith(SUB_RESOURCE) || !request.principal) return;
    const orderId = (request.params as { orderId?: unknown }).orderId;
    if (typeof orderId !== 'number') return; // the route's own schema refused it already
    const [found] = await db
      .select({ id: orders.id })
      .from(orders)
      .where(and(eq(orders.shopId, request.principal.shopId), eq(orders.id, orderId)))
      .limit(1);
    if (!found) throw new AppError('ORDER_NOT_FOUND', { orderId });
  });
}
