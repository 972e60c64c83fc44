import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { claimResultSchema, refundListSchema, versionOnlySchema } from '../../../contracts/claims';
import { id } from '../../../contracts/common';
import { principalOf } from '../../auth/plugin';
import { CONCURRENCY } from '../../claims/cancel-routes';
import { claimContext } from '../../claims/context';
import { finishClaimRequest } from '../../claims/respond';
import { refundViews } from '../../claims/views';
import type { Db } from '../../db/client';
import { languageOf } from '../../http/errors';
import { errorResponses, idempotencyHeaders, orderIdParams } from '../../http/route-schemas';
import { mutationResponseSchema, runOrderMutation } from '../../orders/mutation-route';
import type { PaymentGateway } from '../gateways/gateway';
import { balanceRefundRoutes } from './balance-routes';
import { confirmTransfer, prepareRetry } from './service';

const refundParams = orderIdParams.extend({ refundId: z.coerce.number().pipe(id) });
const changed = { 200: mutationResponseSchema(claimResultSchema), ...errorResponses };

/** The order's refunds: the list, a 무통장 transfer confirmed by hand, a gateway refund retried, an overpaid balance refunded (balance-routes.ts). */
export const refundRoutes: FastifyPluginAsyncZod<{ db: Db; gateway: PaymentGateway }> = async (app, { db, gateway }) => {
  app.get(
    '/api/v1/orders/:orderId/refunds',
    {
      config: { access: 'orders.read' },
      schema: { tags: ['refunds'], summary: '환불 내역 (The order’s refunds with their breakdown and parts)', params: orderIdParams, response: { 200: refundListSchema, ...errorResponses } },
    },
    async (request) => ({ refunds: await refundViews(db, principalOf(request).shopId, request.params.orderId, languageOf(request)) }),
  );

  app.post(
    '/api/v1/orders/:orderId/refunds/:refundId/complete',
    {
      config: { access: 'claims.complete' },
      schema: {
        tags: ['refunds'],
        summary: '무통장 환불 완료 (Confirm a bank transfer refund was sent)',
        description: 'Staff confirm they transferred the refund to the buyer’s account: its 무통장 parts are paid and the refund is done once every part is.' + CONCURRENCY,
        params: refundParams,
        headers: idempotencyHeaders,
        body: versionOnlySchema,
        response: changed,
      },
    },
    async (request) => {
      const { result } = await runOrderMutation(db, request, (tx, _order, now) => confirmTransfer(tx, claimContext(request, now), request.params.refundId));
      return finishClaimRequest(db, gateway, request, result, 'none');
    },
  );

  app.post(
    '/api/v1/orders/:orderId/refunds/:refundId/retry',
    {
      config: { access: 'claims.complete' },
      schema: {
        tags: ['refunds'],
        summary: 'PG 환불 재시도 (Retry a pending or failed gateway refund)',
        description:
          'Calls the gateway again for every part not yet paid, with the same idempotency keys as before, so a cancel the gateway already made is ' +
          'answered again rather than made twice.' + CONCURRENCY,
        params: refundParams,
        headers: idempotencyHeaders,
        body: versionOnlySchema,
        response: changed,
      },
    },
    async (request) => {
      const { result } = await runOrderMutation(db, request, (tx, _order, now) => prepareRetry(tx, claimContext(request, now), request.params.refundId));
      return finishClaimRequest(db, gateway, request, result, 'retry');
    },
  );

  await app.register(balanceRefundRoutes, { db, gateway });
};
