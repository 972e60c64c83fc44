import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { gatewaySettingsSchema, shopProfileSchema, shopSettingsSchema, updateGatewaySchema, updateShopSettingsSchema } from '../../contracts/settings';
import { principalOf } from '../auth/plugin';
import type { Db } from '../db/client';
import { errorResponses, idempotencyHeaders } from '../http/route-schemas';
import { runIdempotentRequest } from '../idempotency/for-request';
import { readShopProfile, readShopSettings, updateGateway, updateShopSettings } from './settings-service';

const tags = ['shop'];

/**
 * 쇼핑몰 설정: read by every staff member, changed by managers and owners, the gateway by the
 * owner alone. `serverDefault` is the gateway the server runs (JUMUN_GATEWAY), which a shop
 * without keys of its own uses.
 */
export const shopSettingsRoutes: FastifyPluginAsyncZod<{ db: Db; serverGateway: string }> = async (app, { db, serverGateway }) => {
  const serverDefault = serverGateway === 'toss' ? 'toss' : 'test';

  app.get(
    '/api/v1/settings',
    { config: { access: 'settings.read' }, schema: { tags, summary: '쇼핑몰 설정 (Shop settings)', description: 'Secrets are never answered: the gateway secret key as `{ set, hint }` (its last 4 characters), the hand-off secret as `{ set }`.', response: { 200: shopSettingsSchema, ...errorResponses } } },
    async (request) => readShopSettings(db, principalOf(request).shopId, serverDefault),
  );

  app.patch(
    '/api/v1/settings',
    {
      config: { access: 'settings.edit' },
      schema: {
        tags,
        summary: '쇼핑몰 설정 변경 (Change shop settings)',
        description:
          'Sections `business`, `customerService`, `bankAccounts`, `orderNumberPrefix`, `staffRefundLimit`: each sent is replaced whole, the others stay. ' +
          'A refused value answers 400 with its own code (SETTINGS_…) and nothing is changed. Each changed section is one `settings_changed` audit event with before and after.',
        headers: idempotencyHeaders,
        body: updateShopSettingsSchema,
        response: { 200: shopSettingsSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const principal = principalOf(request);
      const { status, body } = await runIdempotentRequest(db, request, async (tx) => ({ status: 200, body: await updateShopSettings(tx, principal, request.ip, request.body, serverDefault) }));
      return reply.code(status).send(body);
    },
  );

  app.put(
    '/api/v1/settings/gateway',
    {
      config: { access: 'gateway.manage' },
      schema: {
        tags,
        summary: '결제대행사 설정 (The shop’s payment gateway)',
        description:
          '`provider`: `toss` (needs a client key and a secret key of the same mode), `test`, or null for the server’s default. The secret key is write-only: left out keeps the stored one, null forgets it. ' +
          'With Toss and a secret key set, the shop’s Toss payments are refunded with its own key.',
        headers: idempotencyHeaders,
        body: updateGatewaySchema,
        response: { 200: gatewaySettingsSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const principal = principalOf(request);
      const { status, body } = await runIdempotentRequest(db, request, async (tx) => ({ status: 200, body: await updateGateway(tx, principal, request.ip, request.body, serverDefault) }));
      return reply.code(status).send(body);
    },
  );

  app.get(
    '/api/v1/shop/profile',
    {
      config: { access: 'orders.intake' },
      schema: {
        tags,
        summary: '쇼핑몰 정보 (The shop’s details for a storefront)',
        description: 'Business details for the footer, 고객센터, and the 무통장 입금 accounts to offer at checkout. For API keys with the `intake` scope (and staff who take orders).',
        response: { 200: shopProfileSchema, ...errorResponses },
      },
    },
    async (request) => readShopProfile(db, principalOf(request).shopId),
  );
};
