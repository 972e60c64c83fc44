import type { FastifyRequest } from 'fastify';
import { principalOf } from '../auth/plugin';
import { principalScope } from '../auth/principal';
import type { Db, Tx } from '../db/client';
import { markReplayed } from '../http/idempotent-replay';
import { runIdempotent, type IdempotencyContext, type StoredResponse } from './service';

/**
 * The idempotency context of an HTTP request: the caller's scope, its `Idempotency-Key`, and what
 * identifies the request (method, route, params and body), so the same key with another body is
 * told apart on every route alike.
 */
export function idempotencyContextOf(request: FastifyRequest): IdempotencyContext {
  const principal = principalOf(request);
  const key = request.headers['idempotency-key'];
  return {
    shopId: principal.shopId,
    scope: principalScope(principal),
    key: typeof key === 'string' ? key : undefined,
    request: { method: request.method, route: request.routeOptions.url, params: request.params, body: request.body ?? null },
  };
}

/** One transaction for a request's change, once per Idempotency-Key; a replay is marked as such. */
export async function runIdempotentRequest<T>(db: Db, request: FastifyRequest, work: (tx: Tx, shopId: number, now: Date) => Promise<StoredResponse<T>>): Promise<StoredResponse<T>> {
  const ctx = idempotencyContextOf(request);
  const outcome = await runIdempotent<T>(db, ctx, (tx) => work(tx, ctx.shopId, new Date()));
  markReplayed(request, outcome.replayed);
  return { status: outcome.status, body: outcome.body };
}
