import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { id } from '../../contracts/common';
import {
  buyerMessageDetailSchema,
  buyerMessageListQuerySchema,
  buyerMessageListSchema,
  buyerMoment,
  deliveryOutcomeSchema,
  messageChannel,
  notificationSettingsSchema,
  notificationTemplateListSchema,
  notificationTemplateSchema,
  templatePreviewRequestSchema,
  templatePreviewSchema,
  testSendRequestSchema,
  updateNotificationSettingsSchema,
  updateNotificationTemplateSchema,
} from '../../contracts/notifications';
import { principalOf } from '../auth/plugin';
import type { Db } from '../db/client';
import { errorResponses, idempotencyHeaders } from '../http/route-schemas';
import { runIdempotentRequest } from '../idempotency/for-request';
import type { DeliveryPolicy } from '../outbox/delivery';
import { listBuyerMessages, readBuyerMessage, resendBuyerMessage, sendTestMessage } from './message-log';
import { listTemplates, previewTemplate, readNotificationSettings, resetTemplate, saveTemplate, updateNotificationSettings } from './settings-service';

const tags = ['notifications'];
const templateParams = z.object({ moment: buyerMoment, channel: messageChannel });
const messageParams = z.object({ id: z.coerce.number().pipe(id) });

/**
 * Buyer messages (알림톡, SMS, e-mail): the shop's switches and channel settings, its templates with
 * a preview on a real order, test sends, and the log of every message (the development outbox when
 * no channel is set) with resend. Settings are a manager's; the log is every staff member's to read.
 */
export const notificationRoutes: FastifyPluginAsyncZod<{ db: Db; policy: DeliveryPolicy }> = async (app, { db, policy }) => {
  const staffId = (request: Parameters<typeof principalOf>[0]) => {
    const p = principalOf(request);
    return p.kind === 'staff' ? p.staffId : null;
  };

  app.get(
    '/api/v1/notification-settings',
    { config: { access: 'settings.read' }, schema: { tags, summary: '알림 설정 (Buyer message settings)', response: { 200: notificationSettingsSchema, ...errorResponses } } },
    async (request) => readNotificationSettings(db, principalOf(request).shopId),
  );
  app.patch(
    '/api/v1/notification-settings',
    {
      config: { access: 'settings.edit' },
      schema: {
        tags,
        summary: '알림 설정 변경 (Change buyer message settings)',
        description: 'Switches per moment and channel; SMTP and Solapi settings (secrets are write-only: omit to keep, null to forget the channel).',
        headers: idempotencyHeaders,
        body: updateNotificationSettingsSchema,
        response: { 200: notificationSettingsSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { status, body } = await runIdempotentRequest(db, request, async (tx, shopId, now) => ({ status: 200, body: await updateNotificationSettings(tx, shopId, request.body, now) }));
      return reply.code(status).send(body);
    },
  );
  app.get(
    '/api/v1/notification-templates',
    { config: { access: 'settings.read' }, schema: { tags, summary: '메시지 템플릿 (Message templates)', response: { 200: notificationTemplateListSchema, ...errorResponses } } },
    async (request) => ({ templates: await listTemplates(db, principalOf(request).shopId) }),
  );
  app.put(
    '/api/v1/notification-templates/:moment/:channel',
    {
      config: { access: 'settings.edit' },
      schema: {
        tags,
        summary: '메시지 템플릿 저장 (Save a message template)',
        description: 'Only the moment’s `#{변수}` are allowed (`NOTIFICATION_TEMPLATE_UNKNOWN_VARIABLE`); an e-mail needs a subject.',
        params: templateParams,
        headers: idempotencyHeaders,
        body: updateNotificationTemplateSchema,
        response: { 200: notificationTemplateSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { moment, channel } = request.params;
      const { status, body } = await runIdempotentRequest(db, request, async (tx, shopId, now) => ({ status: 200, body: await saveTemplate(tx, shopId, moment, channel, request.body, now) }));
      return reply.code(status).send(body);
    },
  );
  app.delete(
    '/api/v1/notification-templates/:moment/:channel',
    {
      config: { access: 'settings.edit' },
      schema: { tags, summary: '기본 템플릿으로 되돌리기 (Restore the default template)', params: templateParams, headers: idempotencyHeaders, response: { 200: notificationTemplateSchema, ...errorResponses } },
    },
    async (request, reply) => {
      const { moment, channel } = request.params;
      const { status, body } = await runIdempotentRequest(db, request, async (tx, shopId) => ({ status: 200, body: await resetTemplate(tx, shopId, moment, channel) }));
      return reply.code(status).send(body);
    },
  );
  app.post(
    '/api/v1/notification-templates/preview',
    {
      config: { access: 'settings.read' },
      schema: { tags, summary: '템플릿 미리보기 (Preview a template on a real order)', body: templatePreviewRequestSchema, response: { 200: templatePreviewSchema, ...errorResponses } },
    },
    async (request) => previewTemplate(db, principalOf(request).shopId, request.body),
  );
  app.post(
    '/api/v1/notification-test-sends',
    {
      config: { access: 'settings.edit' },
      schema: {
        tags,
        summary: '테스트 발송 (Send a test message)',
        description: 'Sends now through the channel as set (the development outbox when it is not) and answers how it went; kept in the message log.',
        body: testSendRequestSchema,
        response: { 200: deliveryOutcomeSchema, ...errorResponses },
      },
    },
    async (request) => sendTestMessage(db, policy, principalOf(request).shopId, request.body.channel, request.body.to, staffId(request), new Date()),
  );
  app.get(
    '/api/v1/buyer-messages',
    { config: { access: 'orders.read' }, schema: { tags, summary: '발송 내역 (Buyer messages, newest first)', querystring: buyerMessageListQuerySchema, response: { 200: buyerMessageListSchema, ...errorResponses } } },
    async (request) => listBuyerMessages(db, principalOf(request).shopId, request.query),
  );
  app.get(
    '/api/v1/buyer-messages/:id',
    { config: { access: 'orders.read' }, schema: { tags, summary: '메시지와 발송 기록 (A buyer message with its attempts)', params: messageParams, response: { 200: buyerMessageDetailSchema, ...errorResponses } } },
    async (request) => readBuyerMessage(db, principalOf(request).shopId, request.params.id),
  );
  app.post(
    '/api/v1/buyer-messages/:id/resend',
    {
      config: { access: 'orders.update' },
      schema: { tags, summary: '다시 보내기 (Send a buyer message again now)', params: messageParams, response: { 200: deliveryOutcomeSchema, ...errorResponses } },
    },
    async (request) => resendBuyerMessage(db, policy, principalOf(request).shopId, request.params.id, staffId(request)),
  );
};
