import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { paymentSummarySchema } from '../../../contracts/payment-summary';
import { principalOf } from '../../auth/plugin';
import type { Db } from '../../db/client';
import { languageOf } from '../../http/errors';
import { errorResponses, orderIdParams } from '../../http/route-schemas';
import { paymentSummaryOf } from './service';

export const paymentSummaryRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/api/v1/orders/:orderId/payment-summary',
    {
      config: { access: 'orders.read' },
      schema: {
        tags: ['payments'],
        summary: '결제 정보 (Payment breakdown: amounts, payments, refunds, payment requests)',
        description: '상세 결제 금액 and 상세 결제 정보 of the order detail, labelled in Korean or English by Accept-Language.',
        params: orderIdParams,
        response: { 200: paymentSummarySchema, ...errorResponses },
      },
    },
    async (request) => paymentSummaryOf(db, principalOf(request).shopId, request.params.orderId, languageOf(request)),
  );
};
