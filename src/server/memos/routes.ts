import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { id } from '../../contracts/common';
import { memoBodySchema, memoSchema } from '../../contracts/timeline';
import { principalOf } from '../auth/plugin';
import type { Db } from '../db/client';
import { markReplayed } from '../http/idempotent-replay';
import { errorResponses, idempotencyHeaders, orderIdParams } from '../http/route-schemas';
import { addMemo, deleteMemo, editMemo } from './service';

/** The memo, saying so when it is the stored answer to a repeated Idempotency-Key. */
const answer = <T>(request: FastifyRequest, outcome: { memo: T; replayed: boolean }) => {
  markReplayed(request, outcome.replayed);
  return outcome.memo;
};

const memoParams = orderIdParams.extend({ memoId: z.coerce.number().pipe(id) });

export const memoRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  const context = (request: { params: { orderId: number }; headers: { 'idempotency-key'?: string | undefined } }, principal: ReturnType<typeof principalOf>) => ({
    principal,
    orderId: request.params.orderId,
    idempotencyKey: request.headers['idempotency-key'],
  });

  app.post(
    '/api/v1/orders/:orderId/memos',
    {
      config: { access: 'memos.write' },
      schema: { tags: ['memos'], summary: '메모 작성 (Add a staff memo)', params: orderIdParams, headers: idempotencyHeaders, body: memoBodySchema, response: { 201: memoSchema, ...errorResponses } },
    },
    async (request, reply) => reply.code(201).send(answer(request, await addMemo(db, context(request, principalOf(request)), request.body.body))),
  );

  app.patch(
    '/api/v1/orders/:orderId/memos/:memoId',
    {
      config: { access: 'memos.write' },
      schema: { tags: ['memos'], summary: '메모 수정 (Edit your memo)', params: memoParams, headers: idempotencyHeaders, body: memoBodySchema, response: { 200: memoSchema, ...errorResponses } },
    },
    async (request) => answer(request, await editMemo(db, context(request, principalOf(request)), request.params.memoId, request.body.body)),
  );

  app.delete(
    '/api/v1/orders/:orderId/memos/:memoId',
    {
      config: { access: 'memos.write' },
      schema: { tags: ['memos'], summary: '메모 삭제 (Delete a memo)', params: memoParams, headers: idempotencyHeaders, response: { 200: memoSchema, ...errorResponses } },
    },
    async (request) => answer(request, await deleteMemo(db, context(request, principalOf(request)), request.params.memoId)),
  );
};
