import type { FastifyRequest } from 'fastify';
import { runIdempotentRequest } from '../idempotency/for-request';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  createWebhookEndpointSchema,
  updateWebhookEndpointSchema,
  webhookEndpointListSchema,
  webhookEndpointParams,
  webhookEndpointSchema,
  webhookMessageDetailSchema,
  webhookMessageListQuerySchema,
  webhookMessageListSchema,
  webhookMessageParams,
} from '../../contracts/webhooks';
import { principalOf } from '../auth/plugin';
import type { Principal } from '../auth/principal';
import type { Db, Tx } from '../db/client';
import { errorResponses, idempotencyHeaders } from '../http/route-schemas';
import type { DeliveryPolicy } from '../outbox/delivery';
import { createEndpoint, deleteEndpoint, listEndpoints, listMessages, readEndpoint, readMessage, redeliver, rotateSecret, updateEndpoint } from './service';

const tags = ['webhooks'];
const integrate = { access: 'webhooks.manage' as const };

/** One transaction per change, once per Idempotency-Key (API.md: every mutation takes one). */
async function runChange<T>(db: Db, request: FastifyRequest, status: number, work: (tx: Tx, p: Principal, now: Date) => Promise<T>) {
  const p = principalOf(request);
  return runIdempotentRequest<T>(db, request, async (tx, _shopId, now) => ({ status, body: await work(tx, p, now) }));
}

/**
 * Webhook endpoints (웹훅) and their delivery log, for a storefront's API key or a manager. The
 * secret is shown with the endpoint: the receiver needs it to verify signatures.
 */
export const webhookRoutes: FastifyPluginAsyncZod<{ db: Db; policy: DeliveryPolicy }> = async (app, { db, policy }) => {
  app.get(
    '/api/v1/webhook-endpoints',
    { config: integrate, schema: { tags, summary: '웹훅 엔드포인트 목록 (Webhook endpoints)', response: { 200: webhookEndpointListSchema, ...errorResponses } } },
    async (request) => listEndpoints(db, principalOf(request)),
  );
  app.post(
    '/api/v1/webhook-endpoints',
    {
      config: integrate,
      schema: {
        tags,
        summary: '웹훅 엔드포인트 등록 (Register a webhook endpoint)',
        description: 'http(s) URL without credentials (`WEBHOOK_URL_INVALID`), at least one event type (`WEBHOOK_EVENT_TYPES_REQUIRED`). Answers the endpoint with its signing secret.',
        headers: idempotencyHeaders,
        body: createWebhookEndpointSchema,
        response: { 201: webhookEndpointSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { status, body } = await runChange(db, request, 201, (tx, p, now) => createEndpoint(tx, p, request.body, now, policy.allowPrivateNetworks));
      return reply.code(status).send(body);
    },
  );
  app.get(
    '/api/v1/webhook-endpoints/:endpointId',
    { config: integrate, schema: { tags, summary: '웹훅 엔드포인트 (A webhook endpoint)', params: webhookEndpointParams, response: { 200: webhookEndpointSchema, ...errorResponses } } },
    async (request) => readEndpoint(db, principalOf(request), request.params.endpointId),
  );
  app.patch(
    '/api/v1/webhook-endpoints/:endpointId',
    {
      config: integrate,
      schema: {
        tags,
        summary: '웹훅 엔드포인트 수정 (Change URL, events, description; switch on or off)',
        description: 'Switching an endpoint off fails the messages still queued for it.',
        params: webhookEndpointParams,
        headers: idempotencyHeaders,
        body: updateWebhookEndpointSchema,
        response: { 200: webhookEndpointSchema, ...errorResponses },
      },
    },
    async (request) => (await runChange(db, request, 200, (tx, p, now) => updateEndpoint(tx, p, request.params.endpointId, request.body, now, policy.allowPrivateNetworks))).body,
  );
  app.post(
    '/api/v1/webhook-endpoints/:endpointId/rotate-secret',
    {
      config: integrate,
      schema: { tags, summary: '서명 키 재발급 (Rotate the signing secret)', params: webhookEndpointParams, headers: idempotencyHeaders, response: { 200: webhookEndpointSchema, ...errorResponses } },
    },
    async (request) => (await runChange(db, request, 200, (tx, p, now) => rotateSecret(tx, p, request.params.endpointId, now))).body,
  );
  app.delete(
    '/api/v1/webhook-endpoints/:endpointId',
    {
      config: integrate,
      schema: {
        tags,
        summary: '웹훅 엔드포인트 삭제 (Delete a webhook endpoint)',
        description: 'Messages queued for it are not sent; its delivery log stays readable by message id until pruned.',
        params: webhookEndpointParams,
        headers: idempotencyHeaders,
        response: { 204: z.undefined(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await runChange(db, request, 204, (tx, p) => deleteEndpoint(tx, p, request.params.endpointId));
      return reply.code(204).send();
    },
  );
  app.get(
    '/api/v1/webhook-endpoints/:endpointId/messages',
    {
      config: integrate,
      schema: {
        tags,
        summary: '전송 기록 (Delivery log of an endpoint)',
        description: 'Newest first; page with `cursor` = the previous page’s `nextCursor`.',
        params: webhookEndpointParams,
        querystring: webhookMessageListQuerySchema,
        response: { 200: webhookMessageListSchema, ...errorResponses },
      },
    },
    async (request) => listMessages(db, principalOf(request), request.params.endpointId, request.query.cursor, request.query.limit),
  );
  app.get(
    '/api/v1/webhook-messages/:messageId',
    { config: integrate, schema: { tags, summary: '웹훅 메시지와 시도 기록 (A message with its attempts)', params: webhookMessageParams, response: { 200: webhookMessageDetailSchema, ...errorResponses } } },
    async (request) => readMessage(db, principalOf(request), request.params.messageId),
  );
  app.post(
    '/api/v1/webhook-messages/:messageId/redeliver',
    {
      config: integrate,
      schema: {
        tags,
        summary: '다시 보내기 (Redeliver a message now)',
        description: 'Sends the message again with the same `webhook-id` and answers it with the new attempt, which records who asked.',
        params: webhookMessageParams,
        response: { 200: webhookMessageDetailSchema, ...errorResponses },
      },
    },
    async (request) => redeliver(db, policy, principalOf(request), request.params.messageId),
  );
};
