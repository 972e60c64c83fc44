import { z } from 'zod';
import { BUYER_MOMENTS, MESSAGE_CHANNELS } from '../domain/buyer-message-moments';
import { id, isoDateTime } from './common';

/**
 * Buyer messages (알림톡 with SMS fallback, SMS, e-mail): the shop's switches and channel settings,
 * its templates, and the log of every message with its attempts (the development outbox is this
 * log's `transport: development` rows).
 */

export const buyerMoment = z.enum(BUYER_MOMENTS);
export const messageChannel = z.enum(MESSAGE_CHANNELS);

const switches = z.object({ alimtalk: z.boolean(), sms: z.boolean(), email: z.boolean() });

/** Where a channel's settings come from: the shop's own, the server's environment, or nowhere (development outbox). */
export const settingSource = z.enum(['shop', 'environment', 'none']);

export const notificationSettingsSchema = z
  .object({
    moments: z.record(buyerMoment, switches),
    email: z.object({
      source: settingSource,
      host: z.string().nullable(),
      port: z.number().int().nullable(),
      /** TLS from the first byte (port 465); false: STARTTLS when the server offers it. */
      secure: z.boolean(),
      user: z.string().nullable(),
      /** Write-only: only whether one is set. */
      passwordSet: z.boolean(),
      from: z.string().nullable(),
    }),
    messaging: z.object({
      source: settingSource,
      provider: z.literal('solapi'),
      /** The key names the account and is shown as is (the settings form sends it back); the secret is write-only. */
      apiKey: z.string().nullable(),
      /** Write-only: only whether one is set. */
      apiSecretSet: z.boolean(),
      /** 발신번호 registered with the provider. */
      sender: z.string().nullable(),
      /** 카카오 비즈니스 채널 ID (pfId); without one 알림톡 goes out as SMS. */
      pfId: z.string().nullable(),
    }),
  })
  .meta({ id: 'NotificationSettings' });
export type NotificationSettings = z.infer<typeof notificationSettingsSchema>;

const shortText = z.string().trim().max(200);
export const updateNotificationSettingsSchema = z
  .object({
    moments: z.partialRecord(buyerMoment, switches.partial()).optional(),
    /** null: forget the shop's SMTP settings (the environment's, or the development outbox, apply). */
    email: z
      .object({
        host: shortText.min(1),
        port: z.number().int().min(1).max(65535),
        secure: z.boolean(),
        user: shortText.nullable().optional(),
        /** Omitted: keep the one set; null: none. */
        password: z.string().max(500).nullable().optional(),
        from: shortText.min(3),
      })
      .strict()
      .nullable()
      .optional(),
    messaging: z
      .object({
        apiKey: shortText.min(1),
        /** Omitted: keep the one set. */
        apiSecret: z.string().trim().min(1).max(500).optional(),
        sender: shortText.min(1),
        pfId: shortText.nullable().optional(),
      })
      .strict()
      .nullable()
      .optional(),
  })
  .strict()
  .meta({ id: 'UpdateNotificationSettings' });
export type UpdateNotificationSettingsRequest = z.infer<typeof updateNotificationSettingsSchema>;

export const notificationTemplateSchema = z
  .object({
    moment: buyerMoment,
    channel: messageChannel,
    subject: z.string().nullable(),
    body: z.string(),
    templateCode: z.string().nullable(),
    /** false: the shop wrote its own. */
    isDefault: z.boolean(),
    /** The `#{변수}` this moment offers. */
    variables: z.array(z.string()),
  })
  .meta({ id: 'NotificationTemplate' });
export type NotificationTemplate = z.infer<typeof notificationTemplateSchema>;
export const notificationTemplateListSchema = z.object({ templates: z.array(notificationTemplateSchema) }).meta({ id: 'NotificationTemplateList' });

export const MAX_TEMPLATE_BODY = 2_000;
export const updateNotificationTemplateSchema = z
  .object({
    subject: z.string().trim().max(200).nullable().optional(),
    body: z.string().trim().min(1).max(MAX_TEMPLATE_BODY),
    templateCode: z.string().trim().max(100).nullable().optional(),
  })
  .strict()
  .meta({ id: 'UpdateNotificationTemplate' });
export type UpdateNotificationTemplateRequest = z.infer<typeof updateNotificationTemplateSchema>;

export const templatePreviewRequestSchema = z
  .object({
    moment: buyerMoment,
    channel: messageChannel,
    subject: z.string().max(200).nullable().optional(),
    body: z.string().max(MAX_TEMPLATE_BODY),
    /** The order whose facts fill the template; omitted: the shop's newest order. */
    orderNumber: z.string().trim().max(40).optional(),
  })
  .strict()
  .meta({ id: 'TemplatePreviewRequest' });
export const templatePreviewSchema = z
  .object({
    orderNumber: z.string().nullable(),
    subject: z.string().nullable(),
    text: z.string(),
    /** E-mail: the HTML part as the buyer's mail program shows it. */
    html: z.string().nullable(),
    /** SMS/LMS as the carrier counts it. */
    smsKind: z.enum(['SMS', 'LMS']).nullable(),
  })
  .meta({ id: 'TemplatePreview' });
export type TemplatePreview = z.infer<typeof templatePreviewSchema>;

export const testSendRequestSchema = z
  .object({ channel: messageChannel, to: z.string().trim().min(1).max(254) })
  .strict()
  .meta({ id: 'NotificationTestSendRequest' });
export const deliveryOutcomeSchema = z
  .object({
    status: z.enum(['delivered', 'pending', 'failed']),
    transport: z.string().nullable(),
    error: z.string().nullable(),
  })
  .meta({ id: 'BuyerMessageDeliveryOutcome' });
export type DeliveryOutcome = z.infer<typeof deliveryOutcomeSchema>;

export const buyerMessageAttemptSchema = z.object({
  attemptedAt: isoDateTime,
  statusCode: z.number().int().nullable(),
  error: z.string().nullable(),
  responseExcerpt: z.string().nullable(),
  requestedBy: z.string().nullable(),
});

export const buyerMessageSchema = z
  .object({
    id,
    orderId: id.nullable(),
    orderNumber: z.string().nullable(),
    /** null: a test send from the settings screen. */
    moment: buyerMoment.nullable(),
    channel: messageChannel,
    /** Masked (010-****-5678, ga***@example.kr): every staff member reads the log. */
    recipient: z.string(),
    subject: z.string().nullable(),
    text: z.string(),
    html: z.string().nullable(),
    /** 알림톡: the registered template code used. */
    templateCode: z.string().nullable(),
    status: z.enum(['pending', 'delivered', 'failed']),
    transport: z.string().nullable(),
    attempts: z.number().int(),
    lastError: z.string().nullable(),
    /** An SMS sent because this 알림톡 could not be delivered, or the 알림톡 this SMS stands in for. */
    fallbackOf: id.nullable(),
    createdAt: isoDateTime,
    deliveredAt: isoDateTime.nullable(),
  })
  .meta({ id: 'BuyerMessage' });
export type BuyerMessage = z.infer<typeof buyerMessageSchema>;

export const buyerMessageListQuerySchema = z.object({
  orderNumber: z.string().trim().max(40).optional(),
  channel: messageChannel.optional(),
  status: z.enum(['pending', 'delivered', 'failed']).optional(),
  transport: z.enum(['development', 'smtp', 'solapi']).optional(),
  /** The id of the last message of the previous page (newest first). */
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(100).default(30),
});
export const buyerMessageListSchema = z.object({ messages: z.array(buyerMessageSchema), nextBefore: id.nullable() }).meta({ id: 'BuyerMessageList' });
export type BuyerMessageList = z.infer<typeof buyerMessageListSchema>;
export const buyerMessageDetailSchema = buyerMessageSchema.extend({ attemptLog: z.array(buyerMessageAttemptSchema) }).meta({ id: 'BuyerMessageDetail' });
export type BuyerMessageDetail = z.infer<typeof buyerMessageDetailSchema>;
