import type { FastifyRequest } from 'fastify';
import { principalOf } from '../auth/plugin';
import { principalScope, type Principal } from '../auth/principal';
import type { Db, Tx } from '../db/client';
import { AppError } from '../http/errors';
import { markReplayed } from '../http/idempotent-replay';
import { runIdempotent } from '../idempotency/service';
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
  const key = request.headers['idempotency-key'];
  const outcome = await runIdempotent<T>(
    db,
    {
      shopId: staff.shopId,
      scope: principalScope(staff),
      key: typeof key === 'string' ? key : undefined,
      request: { method: request.method, route: request.routeOptions.url, params: request.params, body: request.body ?? null },
    },
    async (tx) => {
      await lockShopViews(tx, staff.shopId);
      return { status, body: await work(tx, staff, new Date()) };
    },
  );
  markReplayed(request, outcome.replayed);
  return { status: outcome.status, body: outcome.body };
}
