import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { claimResultSchema, refundAccountSchema } from '../../../contracts/claims';
import { won } from '../../../contracts/common';
import { CONCURRENCY } from '../../claims/cancel-routes';
import { claimContext } from '../../claims/context';
import { finishClaimRequest } from '../../claims/respond';
import type { Db } from '../../db/client';
import { errorResponses, idempotencyHeaders, orderIdParams } from '../../http/route-schemas';
import { mutationResponseSchema, runOrderMutation } from '../../orders/mutation-route';
import type { PaymentGateway } from '../gateways/gateway';
import { createBalanceRefund } from './balance-service';

/**
 * The request body. Kept beside its route rather than in src/contracts/claims.ts (another owner's
 * file); it belongs there once the admin app calls it.
 */
export const balanceRefundRequestSchema = z
  .object({
    expectedVersion: z.number().int().positive().optional(),
    /** Won to give back: more than 0 and at most what the shop owes beyond refunds in progress (else REFUND_EXCEEDS_REFUNDABLE). */
    amount: won,
    reason: z.string().trim().min(1).max(500),
    /** Where a 무통장 or virtual-account part is sent (REFUND_ACCOUNT_REQUIRED without it). */
    refundAccount: refundAccountSchema.optional(),
  })
  .meta({ id: 'BalanceRefundRequest' });

/** 초과 결제 환불: POST /api/v1/orders/{orderId}/refunds. */
export const balanceRefundRoutes: FastifyPluginAsyncZod<{ db: Db; gateway: PaymentGateway }> = async (app, { db, gateway }) => {
  app.post(
    '/api/v1/orders/:orderId/refunds',
    {
      config: { access: 'refunds.issue' },
      schema: {
        tags: ['refunds'],
        summary: '초과 결제 환불 (Refund what the buyer overpaid)',
        description:
          'For a negative balance due — an edit lowered the total (`refundProposal` of the edit), or more was deposited than asked. The amount is spread ' +
          'over the captured payments newest first and paid like a claim’s refund: gateway parts right after the change commits (pending if the gateway does ' +
          'not answer: retry with …/refunds/{refundId}/retry; failed if it refuses), 무통장 parts when staff confirm the transfer (…/complete). ' +
          '무통장/virtual-account parts need `refundAccount` (REFUND_ACCOUNT_REQUIRED). More than −balance due − refunds in progress answers ' +
          'REFUND_EXCEEDS_REFUNDABLE. The result has `claim: null` and the refund.' + CONCURRENCY,
        params: orderIdParams,
        headers: idempotencyHeaders,
        body: balanceRefundRequestSchema,
        response: { 201: mutationResponseSchema(claimResultSchema), ...errorResponses },
      },
    },
    async (request, reply) => {
      const { amount, reason, refundAccount } = request.body;
      const { result } = await runOrderMutation(db, request, (tx, _order, now) => createBalanceRefund(tx, claimContext(request, now), { amount, reason, refundAccount }));
      return reply.code(201).send(await finishClaimRequest(db, gateway, request, result, 'auto'));
    },
  );
};
