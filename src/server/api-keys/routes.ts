import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { apiKeyListSchema, apiKeyParams, apiKeySchema, createApiKeySchema, createdApiKeySchema } from '../../contracts/api-keys';
import { principalOf } from '../auth/plugin';
import type { Db } from '../db/client';
import { errorResponses } from '../http/route-schemas';
import { createKey, listApiKeys, revokeKey } from './service';

const tags = ['api-keys'];
const owners = { access: 'api_keys.manage' as const };
const SCOPES =
  ' Scopes: intake (주문 접수: POST /orders), catalog (상품·회원·쿠폰·적립금 연동, webhooks), read (주문 조회, personal data), write (주문 처리: ' +
  'status, claims, refunds up to the staff refund limit, memos, bulk jobs). No key manages staff, keys, settings, gateway keys or the audit log.';

/** API 키: the shop owner makes, lists and revokes the keys storefronts and integrations call with. */
export const apiKeyRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/api/v1/api-keys',
    {
      config: owners,
      schema: { tags, summary: 'API 키 목록 (API keys)', description: 'Live keys first, then revoked ones; never a secret.', response: { 200: apiKeyListSchema, ...errorResponses } },
    },
    async (request) => listApiKeys(db, principalOf(request).shopId),
  );
  app.post(
    '/api/v1/api-keys',
    {
      config: owners,
      schema: {
        tags,
        summary: 'API 키 발급 (Make an API key)',
        description:
          'Answers the key with its secret (`jm_<shopId>_…`), the only time it is shown: only its hash is kept. For the same reason an ' +
          'Idempotency-Key is not replayed here (a replay would have to keep the secret): a retry makes a second key, to be revoked.' + SCOPES,
        body: createApiKeySchema,
        response: { 201: createdApiKeySchema, ...errorResponses },
      },
    },
    async (request, reply) => reply.code(201).send(await createKey(db, principalOf(request), request.body, request.ip)),
  );
  app.delete(
    '/api/v1/api-keys/:keyId',
    {
      config: owners,
      schema: {
        tags,
        summary: 'API 키 폐기 (Revoke an API key)',
        description: 'At once: the key’s next request answers 401 INVALID_API_KEY. The key stays in the list as revoked; revoking it again changes nothing.',
        params: apiKeyParams,
        response: { 200: apiKeySchema, ...errorResponses },
      },
    },
    async (request) => revokeKey(db, principalOf(request), request.params.keyId, request.ip, new Date()),
  );
};
