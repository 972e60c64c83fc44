import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { policyPreviewRequestSchema, policyPreviewSchema, shopPolicySchema, shopPolicyVersionSchema, updateShopPolicyResponseSchema } from '../../contracts/settings-policy';
import { principalOf } from '../auth/plugin';
import type { Db } from '../db/client';
import { errorResponses } from '../http/route-schemas';
import { previewPolicy, readPolicySettings, updatePolicySettings } from './policy-service';

const tags = ['shop'];

/**
 * 배송·반품 정책: shipping fees, the return fee and the days of the return window, auto-confirm and
 * unpaid auto-cancel. A change is a new version for orders placed from then on.
 */
export const shopPolicyRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/api/v1/settings/policy',
    {
      config: { access: 'settings.read' },
      schema: { tags, summary: '배송·반품 정책 (The shop policy new orders are placed under)', response: { 200: shopPolicyVersionSchema, ...errorResponses } },
    },
    async (request) => readPolicySettings(db, principalOf(request).shopId),
  );

  app.put(
    '/api/v1/settings/policy',
    {
      config: { access: 'settings.edit' },
      schema: {
        tags,
        summary: '배송·반품 정책 변경 (Change the shop policy for new orders)',
        description:
          'Writes a new version that orders placed from now on take; orders placed before keep theirs (their refunds, address changes, ' +
          'return window and automatic jobs follow the version they were placed under). Recorded in the audit log (settings_changed, ' +
          'subject policy, with before and after). Sending the current policy again writes nothing (changed: false).',
        body: shopPolicySchema,
        response: { 200: updateShopPolicyResponseSchema, ...errorResponses },
      },
    },
    async (request) => updatePolicySettings(db, principalOf(request), request.body, request.ip),
  );

  app.post(
    '/api/v1/settings/policy/preview',
    {
      config: { access: 'settings.read' },
      schema: {
        tags,
        summary: '배송비 미리보기 (What a sample cart pays under an edited policy and the current one)',
        description: 'Nothing is saved: the settings screen shows it while the policy is edited.',
        body: policyPreviewRequestSchema,
        response: { 200: policyPreviewSchema, ...errorResponses },
      },
    },
    async (request) => previewPolicy(db, principalOf(request).shopId, request.body),
  );
};
