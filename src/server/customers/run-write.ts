import type { FastifyRequest } from 'fastify';
import { runIdempotentRequest } from '../idempotency/for-request';
import type { Db, Tx } from '../db/client';
import { AppError } from '../http/errors';
import type { StoredResponse } from '../idempotency/service';
import { violatesUnique } from './queries';

/**
 * Runs one write of the members API for an HTTP request: one transaction, once per Idempotency-Key
 * when the request carries one (API.md). A concurrent twin that took the same e-mail first makes
 * the unique index refuse ours; that is the same refusal as the check before the write, not a 500.
 */
export async function runMemberWrite<T>(db: Db, request: FastifyRequest, work: (tx: Tx, shopId: number, now: Date) => Promise<StoredResponse<T>>): Promise<StoredResponse<T>> {
  try {
    return await runIdempotentRequest(db, request, work);
  } catch (error) {
    if (violatesUnique(error, 'customers_email_key')) throw new AppError('MEMBER_EMAIL_TAKEN', { field: 'email' });
    throw error;
  }
}
