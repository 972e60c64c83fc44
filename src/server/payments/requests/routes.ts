import { and, eq } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { id } from '../../../contracts/common';
import {
  cancelledRequestResultSchema,
  cancelPaymentRequestSchema,
  createPaymentRequestSchema,
  paidRequestResultSchema,
  paymentRequestListSchema,
  paymentRequestSchema,
  recordRequestPaymentSchema,
} from '../../../contracts/payment-requests';
import { actorOf } from '../../auth/actor';
import { claimContext } from '../../claims/context';
import { finishClaimRequest } from '../../claims/respond';
import { principalOf } from '../../auth/plugin';
import type { Db } from '../../db/client';
import { orders } from '../../db/schema/index';
import { AppError, languageOf } from '../../http/errors';
import { errorResponses, idempotencyHeaders, orderIdParams } from '../../http/route-schemas';
import { mutationResponseSchema, runOrderMutation } from '../../orders/mutation-route';
import type { PaymentGateway } from '../gateways/gateway';
import { listPaymentRequests } from './queries';
import { createPaymentRequest, payPaymentRequest } from './service';
import { withdrawPaymentRequest } from './withdraw-service';

const requestParams = orderIdParams.extend({ requestId: z.coerce.number().pipe(id) });
const tags = ['payment-requests'];

/** `gateway`: pays out a refund that removing held units may create (rare: only an order paid beyond what it owed). */
export const paymentRequestRoutes: FastifyPluginAsyncZod<{ db: Db; gateway?: PaymentGateway | undefined }> = async (app, { db, gateway }) => {
  app.post(
    '/api/v1/orders/:orderId/payment-requests',
    {
      config: { access: 'orders.update' },
      schema: {
        tags,
        summary: '추가 결제 요청 (Ask the buyer to pay an additional amount on My Page)',
        description: 'The amount must be owed and not already asked for: at most the balance due minus pending payments and pending requests.',
        params: orderIdParams,
        headers: idempotencyHeaders,
        body: createPaymentRequestSchema,
        response: { 201: mutationResponseSchema(paymentRequestSchema), ...errorResponses },
      },
    },
    async (request, reply) => {
      const principal = principalOf(request);
      const response = await runOrderMutation(db, request, (tx, order, now) =>
        createPaymentRequest(tx, order, request.body, principal, actorOf(principal), now, languageOf(request)),
      );
      return reply.code(201).send(response);
    },
  );

  app.get(
    '/api/v1/orders/:orderId/payment-requests',
    {
      config: { access: 'orders.read' },
      schema: { tags, summary: '추가 결제 요청 목록 (Payment requests of an order)', params: orderIdParams, response: { 200: paymentRequestListSchema, ...errorResponses } },
    },
    async (request) => {
      const { shopId } = principalOf(request);
      const [order] = await db.select({ id: orders.id }).from(orders).where(and(eq(orders.shopId, shopId), eq(orders.id, request.params.orderId)));
      if (!order) throw new AppError('ORDER_NOT_FOUND', { orderId: request.params.orderId });
      return { requests: await listPaymentRequests(db, shopId, request.params.orderId, languageOf(request)) };
    },
  );

  app.post(
    '/api/v1/orders/:orderId/payment-requests/:requestId/cancel',
    {
      config: { access: 'orders.update' },
      schema: {
        tags,
        summary: '추가 결제 요청 취소 (Withdraw a pending payment request)',
        description:
          'The units the request’s edit added stay 입금대기 (추가 결제 대기) and the order still owes for them, unless `removeHeldUnits` is true: then they are ' +
          'cancelled in the same change (a cancel claim completed at once, stock restored). Nothing was paid for them, so the balance due falls rather ' +
          'than a refund being made. `removedHeldUnits` says what was removed.',
        params: requestParams,
        headers: idempotencyHeaders,
        body: cancelPaymentRequestSchema,
        response: { 200: mutationResponseSchema(cancelledRequestResultSchema), ...errorResponses },
      },
    },
    async (request) => {
      const body = request.body;
      const response = await runOrderMutation(db, request, (tx, order, now) =>
        withdrawPaymentRequest(tx, order, { requestId: request.params.requestId, reason: body.reason, removeHeldUnits: body.removeHeldUnits === true, refundAccount: body.refundAccount, ctx: claimContext(request, now) }),
      );
      const removed = response.result.removedHeldUnits;
      if (!removed?.refundId || removed.refundAmount === 0 || !gateway) return response;
      // a removal that refunds (the order had been paid beyond what it owed) pays out as a cancel does, after commit
      const finished = await finishClaimRequest(db, gateway, request, { claimId: removed.claimId, refundId: removed.refundId, proposal: null, buyerShippingFee: null }, 'auto');
      return { order: finished.order, result: response.result };
    },
  );

  app.post(
    '/api/v1/orders/:orderId/payment-requests/:requestId/payments',
    {
      config: { access: 'orders.update' },
      schema: {
        tags,
        summary: '추가 결제 입금 확인 (Record that a payment request was paid)',
        description: 'Creates a captured payment for the whole requested amount, linked to the request. A request is paid once.',
        params: requestParams,
        headers: idempotencyHeaders,
        body: recordRequestPaymentSchema,
        response: { 201: mutationResponseSchema(paidRequestResultSchema), ...errorResponses },
      },
    },
    async (request, reply) => {
      const { expectedVersion: _version, ...payment } = request.body;
      const response = await runOrderMutation(db, request, (tx, order, now) =>
        payPaymentRequest(tx, { shopId: order.shopId, orderId: order.id, requestId: request.params.requestId, payment, actor: actorOf(principalOf(request)), now, lang: languageOf(request) }),
      );
      return reply.code(201).send(response);
    },
  );
};
