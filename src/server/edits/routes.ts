import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { id } from '../../contracts/common';
import { commitEditRequestSchema, commitEditResultSchema, createEditRequestSchema, createEditResponseSchema, editSchema } from '../../contracts/edits';
import { actorOf } from '../auth/actor';
import { principalOf } from '../auth/plugin';
import type { Db } from '../db/client';
import { languageOf } from '../http/errors';
import { markReplayed } from '../http/idempotent-replay';
import { errorResponses, idempotencyHeaders, orderIdParams } from '../http/route-schemas';
import { expectedVersionOf, mutationResponseSchema, runOrderMutation } from '../orders/mutation-route';
import { commitEdit, previewEdit, readEdit } from './service';

const editParams = orderIdParams.extend({ editId: z.coerce.number().pipe(id) });
const tags = ['edits'];

export const editRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.post(
    '/api/v1/orders/:orderId/edits',
    {
      config: { access: 'orders.update' },
      schema: {
        tags,
        summary: '주문 수정 금액 계산 (Preview an order edit)',
        description:
          'Replays the actions (add_item, set_manual_discount, set_quantity, apply_coupon, use_points) over the order and stores the edit with its preview: ' +
          'new lines, totals before and after, the difference, the additional payment or the proposed refund. The order does not change.',
        params: orderIdParams,
        headers: idempotencyHeaders,
        body: createEditRequestSchema,
        response: { 201: createEditResponseSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const idempotencyKey = request.headers['idempotency-key'];
      const expectedVersion = expectedVersionOf(request, request.body);
      const body = { expectedVersion, actions: request.body.actions };
      const { edit, replayed } = await previewEdit(db, { principal: principalOf(request), orderId: request.params.orderId, idempotencyKey, body });
      markReplayed(request, replayed);
      return reply.code(201).send(edit);
    },
  );

  app.get(
    '/api/v1/orders/:orderId/edits/:editId',
    {
      config: { access: 'orders.read' },
      schema: { tags, summary: '주문 수정 내역 (An order edit with its actions and preview)', params: editParams, response: { 200: editSchema, ...errorResponses } },
    },
    async (request) => readEdit(db, principalOf(request).shopId, request.params.orderId, request.params.editId),
  );

  app.post(
    '/api/v1/orders/:orderId/edits/:editId/commit',
    {
      config: { access: 'orders.update' },
      schema: {
        tags,
        summary: '주문 수정 확정 (Commit a previewed edit)',
        description:
          'Replays the stored actions on the locked order and writes them in one transaction with one order_edited event. Refused with 409 when the order ' +
          'changed after the preview. With `paymentRequest`, an additional amount becomes a 추가 결제 요청; a refund owed comes back as `refundProposal`.',
        params: editParams,
        headers: idempotencyHeaders,
        body: commitEditRequestSchema,
        response: { 200: mutationResponseSchema(commitEditResultSchema), ...errorResponses },
      },
    },
    async (request) => {
      const principal = principalOf(request);
      const input = { editId: request.params.editId, paymentRequest: request.body.paymentRequest, principal, actor: actorOf(principal), lang: languageOf(request) };
      return runOrderMutation(db, request, (tx, order, now) => commitEdit(tx, order, input, now));
    },
  );
};
