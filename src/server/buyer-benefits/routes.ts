import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { buyerBenefitsSchema } from '../../contracts/buyer-benefits';
import { principalOf } from '../auth/plugin';
import type { Db } from '../db/client';
import { languageOf } from '../http/errors';
import { errorResponses, orderIdParams } from '../http/route-schemas';
import { buyerBenefitsOf } from './service';

export const buyerBenefitRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/api/v1/orders/:orderId/buyer-benefits',
    {
      config: { access: 'orders.read' },
      schema: {
        tags: ['edits'],
        summary: '구매자 쿠폰 · 적립금 (The buyer’s usable coupons and points, for an order edit)',
        description:
          'For a member’s order: the points balance, grade, and the coupons usable now (available, not expired) with their rule in words ' +
          '(Korean or English by Accept-Language) — what an edit’s `apply_coupon` and `use_points` accept — and the coupon the order already carries. ' +
          'A guest order answers `member: null` with empty lists.',
        params: orderIdParams,
        response: { 200: buyerBenefitsSchema, ...errorResponses },
      },
    },
    async (request) => buyerBenefitsOf(db, principalOf(request).shopId, request.params.orderId, languageOf(request)),
  );
};
