import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { orderDetailSchema, type OrderDetail } from '../../contracts/orders';
import { principalOf } from '../auth/plugin';
import type { Db, Tx } from '../db/client';
import { AppError, languageOf } from '../http/errors';
import { markReplayed } from '../http/idempotent-replay';
import { toOrderDetail } from './detail';
import { mutateOrder, type ChangeOutcome, type OrderRow } from './mutation';
import { loadOrderRows } from './read-queries';

/** Every order mutation's body carries the version it was based on (or sends If-Match). */
export const expectedVersionField = { expectedVersion: z.number().int().positive().optional() };

/** `If-Match: "<version>"` or `expectedVersion` in the body; one of them is required. */
export function expectedVersionOf(request: FastifyRequest, body: { expectedVersion?: number | undefined }): number {
  const header = request.headers['if-match'];
  const fromHeader = typeof header === 'string' ? Number(header.replaceAll('"', '').replace(/^W\//, '')) : undefined;
  const version = body.expectedVersion ?? fromHeader;
  if (version === undefined || !Number.isSafeInteger(version) || version <= 0) {
    throw new AppError('VALIDATION_FAILED', { field: 'expectedVersion', reason: 'send the order version the change is based on (expectedVersion or If-Match)' });
  }
  return version;
}

/** A mutation answers the order as it now stands and what the change itself produced. */
export const mutationResponseSchema = <T extends z.ZodType>(result: T) => z.object({ order: orderDetailSchema, result });

/**
 * Runs a change through mutateOrder for an HTTP request and answers the order as it now stands
 * with the change's own result. Route handlers stay one call long.
 */
export async function runOrderMutation<T, B extends { expectedVersion?: number | undefined }>(
  db: Db,
  request: FastifyRequest & { params: { orderId: number }; body: B },
  change: (tx: Tx, order: OrderRow, now: Date) => Promise<ChangeOutcome<T>>,
): Promise<{ order: OrderDetail; result: T }> {
  const principal = principalOf(request);
  const idempotencyKey = request.headers['idempotency-key'];
  const { result, replayed } = await mutateOrder(
    db,
    {
      principal,
      orderId: request.params.orderId,
      expectedVersion: expectedVersionOf(request, request.body),
      idempotencyKey: typeof idempotencyKey === 'string' ? idempotencyKey : undefined,
      request: { route: request.routeOptions.url, body: request.body },
    },
    change,
  );
  markReplayed(request, replayed);
  const rows = await loadOrderRows(db, principal.shopId, request.params.orderId);
  if (!rows) throw new AppError('ORDER_NOT_FOUND', { orderId: request.params.orderId });
  return { order: toOrderDetail(rows, languageOf(request)), result };
}
