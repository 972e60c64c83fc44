import type { FastifyRequest } from 'fastify';
import { runIdempotentRequest } from '../idempotency/for-request';
import { principalOf } from '../auth/plugin';
import type { Principal } from '../auth/principal';
import type { Db, Tx } from '../db/client';
import { AppError } from '../http/errors';
import { lockShopViews } from './queries';

export type StaffPrincipal = Extract<Principal, { kind: 'staff' }>;

/**
 * Tabs, layouts and saved filters are the staff's working tools and record who made them; an
 * integration's API key has no staff member to keep a layout for, and never arranges the shop.
 */
export function staffOnly(p: Principal): StaffPrincipal {
  if (p.kind !== 'staff') throw new AppError('FORBIDDEN', { reason: 'tabs and saved filters are changed by staff' });
  return p;
}

/**
 * Runs a change to the shop's tabs or saved filters for an HTTP request: staff only, in one
 * transaction under the shop's view lock, once per Idempotency-Key (API.md: every mutation takes
 * one). Answers the body; the route sends it with `status`.
 */
export async function runViewChange<T>(
  db: Db,
  request: FastifyRequest,
  status: number,
  work: (tx: Tx, staff: StaffPrincipal, now: Date) => Promise<T>,
): Promise<{ status: number; body: T }> {
  const staff = staffOnly(principalOf(request));
  return runIdempotentRequest<T>(db, request, async (tx, shopId, now) => {
    await lockShopViews(tx, shopId);
    return { status, body: await work(tx, staff, now) };
  });
}
