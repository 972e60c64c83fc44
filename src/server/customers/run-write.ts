import type { FastifyRequest } from 'fastify';
import { principalOf } from '../auth/plugin';
import { principalScope } from '../auth/principal';
import type { Db, Tx } from '../db/client';
import { AppError } from '../http/errors';
import { markReplayed } from '../http/idempotent-replay';
import { runIdempotent, type StoredResponse } from '../idempotency/service';
import { violatesUnique } from './queries';

/**
 * Runs one write of the members API for an HTTP request: one transaction, once per Idempotency-Key
 * when the request carries one (API.md). A concurrent twin that took the same e-mail first makes
 * the unique index refuse ours; that is the same refusal as the check before the write, not a 500.
 */
export async function runMemberWrite<T>(db: Db, request: FastifyRequest, work: (tx: Tx, shopId: number, now: Date) => Promise<StoredResponse<T>>): Promise<StoredResponse<T>> {
  const principal = principalOf(request);
  const key = request.headers['idempotency-key'];
  try {
    const outcome = await runIdempotent<T>(
      db,
      {
        shopId: principal.shopId,
        scope: principalScope(principal),
        key: typeof key === 'string' ? key : undefined,
        request: { method: request.method, route: request.routeOptions.url, params: request.params, body: request.body ?? null },
      },
      (tx) => work(tx, principal.shopId, new Date()),
    );
    markReplayed(request, outcome.replayed);
    return { status: outcome.status, body: outcome.body };
  } catch (error) {
    if (violatesUnique(error, 'customers_email_key')) throw new AppError('MEMBER_EMAIL_TAKEN', { field: 'email' });
    throw error;
  }
}
