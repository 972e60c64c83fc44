import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { id } from '../../contracts/common';
import { principalOf } from './plugin';
import type { Db } from '../db/client';
import { AppError } from '../http/errors';
import { errorResponses } from '../http/route-schemas';
import { liftShopLock, listShopLocks } from './throttle';

const lockSchema = z.object({
  staffId: z.number().int(),
  email: z.string(),
  name: z.string(),
  failures: z.number().int(),
  lastFailureAt: z.string(),
  blockedUntil: z.string().nullable(),
  locked: z.boolean(),
});

/** The shop's own view of its doors: locked accounts, lifted by the owner (the sign-in record: GET /api/v1/audit-events). */
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
};
