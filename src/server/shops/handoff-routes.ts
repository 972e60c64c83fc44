import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { principalOf } from '../auth/plugin';
import type { Db } from '../db/client';
import { errorResponses } from '../http/route-schemas';
import { handoffSecretStatus } from '../my/handoff';
import { rotateHandoffSecret } from './settings-service';

const tags = ['shop'];

/**
 * The shop's member hand-off secret: the storefront signs its members' My Page tokens with it
 * (src/server/my/handoff.ts). Only the owner makes one — whoever holds it can sign any member in —
 * and it is shown once; managers may see whether one is set and its last characters.
 */
export const shopHandoffRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.post(
    '/api/v1/shop/handoff-secret',
    {
      config: { access: 'gateway.manage' },
      schema: {
        tags,
        summary: '회원 연동 비밀키 발급 (A new member hand-off secret for the storefront)',
        description:
          'Answers the new secret once: put it in the storefront’s server configuration. The previous secret stops working at once ' +
          '(buyers already signed in stay signed in).',
        response: { 200: z.object({ secret: z.string() }).meta({ id: 'HandoffSecret' }), ...errorResponses },
      },
    },
    // not idempotent on purpose: a replay would have to store the secret to answer it again
    async (request) => ({ secret: await db.transaction((tx) => rotateHandoffSecret(tx, principalOf(request), request.ip)) }),
  );

  app.get(
    '/api/v1/shop/handoff-secret',
    {
      config: { access: 'settings.edit' },
      schema: {
        tags,
        summary: '회원 연동 비밀키 상태 (Whether the member hand-off secret is set)',
        response: { 200: z.object({ configured: z.boolean(), hint: z.string().nullable() }).meta({ id: 'HandoffSecretStatus' }), ...errorResponses },
      },
    },
    async (request) => handoffSecretStatus(db, principalOf(request).shopId),
  );
};
