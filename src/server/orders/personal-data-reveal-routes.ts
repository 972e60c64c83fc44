import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { personalDataRevealSchema } from '../../contracts/audit';
import { recordPersonalDataAccess } from '../audit/personal-data-access';
import { principalOf } from '../auth/plugin';
import type { Db } from '../db/client';
import { AppError } from '../http/errors';
import { errorResponses, orderIdParams } from '../http/route-schemas';
import { loadOrderRows } from './read-queries';

/** 보기: the list masks personal data for everyone; this shows one order's, recorded. */
export const personalDataRevealRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.post(
    '/api/v1/orders/:orderId/personal-data-reveals',
    {
      config: { access: 'personal.view' },
      schema: {
        tags: ['orders'],
        summary: '개인정보 보기 (Reveal one order’s orderer and addresses)',
        description:
          'What the list’s 보기 button shows in place of the masked values: the orderer’s name, phone and e-mail and every shipping address, unmasked. ' +
          'Each call is recorded in the personal-data access log (purpose `reveal`). Writes nothing else; no Idempotency-Key needed.',
        params: orderIdParams,
        response: { 200: personalDataRevealSchema, ...errorResponses },
      },
    },
    async (request) => {
      const principal = principalOf(request);
      const rows = await loadOrderRows(db, principal.shopId, request.params.orderId);
      if (!rows) throw new AppError('ORDER_NOT_FOUND', { orderId: request.params.orderId });
      const { order, addresses } = rows;
      await recordPersonalDataAccess(db, principal, {
        purpose: 'reveal',
        orderIds: [order.id],
        fields: ['name', 'phone', ...(order.ordererEmail ? (['email'] as const) : []), ...(addresses.length > 0 ? (['address'] as const) : [])],
        clientAddress: request.ip,
      });
      return {
        orderId: order.id,
        orderer: { name: order.ordererName, phone: order.ordererPhone, email: order.ordererEmail },
        addresses: addresses.map((a) => ({
          id: a.id, position: a.position, recipientName: a.recipientName, recipientPhone: a.recipientPhone, postcode: a.postcode, address1: a.address1, address2: a.address2,
        })),
      };
    },
  );
};
