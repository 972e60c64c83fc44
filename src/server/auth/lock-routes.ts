import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { id } from '../../contracts/common';
import { principalOf } from './plugin';
import type { Db } from '../db/client';
import { AppError } from '../http/errors';
import { errorResponses } from '../http/route-schemas';
import { liftShopLock, listShopLocks } from './throttle';
import { listSecurityEvents } from './security-events';

const lockSchema = z.object({
  staffId: z.number().int(),
  email: z.string(),
  name: z.string(),
  failures: z.number().int(),
  lastFailureAt: z.string(),
  blockedUntil: z.string().nullable(),
  locked: z.boolean(),
});

const eventSchema = z.object({
  id: z.number().int(),
  kind: z.string(),
  staffId: z.number().int().nullable(),
  subject: z.string().nullable(),
  clientAddress: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()),
  createdAt: z.string(),
});

/** The shop's own view of its doors: locked accounts (lifted by the owner) and the sign-in record. */
export const signInLockRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/api/v1/sign-in-locks',
    {
      config: { access: 'staff.read' },
      schema: {
        tags: ['auth'],
        summary: '로그인 잠금 목록 (Staff accounts slowed down or locked by failed sign-ins)',
        response: { 200: z.object({ locks: z.array(lockSchema) }), ...errorResponses },
      },
    },
    async (request) => {
      const rows = await listShopLocks(db, principalOf(request).shopId, new Date());
      return {
        locks: rows.map((r) => ({
          staffId: r.staffId ?? 0,
          email: r.email,
          name: r.name,
          failures: r.failures,
          lastFailureAt: r.lastFailureAt.toISOString(),
          blockedUntil: r.blockedUntil?.toISOString() ?? null,
          locked: r.lockedAt !== null,
        })),
      };
    },
  );

  app.delete(
    '/api/v1/sign-in-locks/:staffId',
    {
      config: { access: 'staff.manage' },
      schema: {
        tags: ['auth'],
        summary: '로그인 잠금 해제 (The owner lifts a staff account’s lock)',
        params: z.object({ staffId: z.coerce.number().pipe(id) }),
        response: { 204: z.undefined(), ...errorResponses },
      },
    },
    async (request, reply) => {
      const principal = principalOf(request);
      const liftedBy = principal.kind === 'staff' ? principal.staffId : 0;
      if (!(await liftShopLock(db, principal.shopId, request.params.staffId, liftedBy))) throw new AppError('LOCK_NOT_FOUND', { staffId: request.params.staffId });
      return reply.code(204).send();
    },
  );

  app.get(
    '/api/v1/security-events',
    {
      config: { access: 'audit.read' },
      schema: {
        tags: ['auth'],
        summary: '보안 기록 (Sign-ins, failures, locks and API-key guesses of the shop)',
        querystring: z.object({ limit: z.coerce.number().int().min(1).max(200).default(50), before: z.coerce.number().pipe(id).optional() }),
        response: { 200: z.object({ events: z.array(eventSchema), nextBefore: z.number().int().nullable() }), ...errorResponses },
      },
    },
    async (request) => {
      const { limit, before } = request.query;
      const rows = await listSecurityEvents(db, principalOf(request).shopId, limit + 1, before);
      const page = rows.slice(0, limit);
      return {
        events: page.map((e) => ({ ...e, createdAt: e.createdAt.toISOString() })),
        nextBefore: rows.length > limit ? (page.at(-1)?.id ?? null) : null,
      };
    },
  );
};
