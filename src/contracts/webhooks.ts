import { z } from 'zod';
import { id, isoDateTime } from './common';

/**
 * Outbound webhooks: a shop's storefront registers endpoints, each listening to some event types,
 * and Jumun POSTs each event to it signed per Standard Webhooks (webhook-id, webhook-timestamp,
 * webhook-signature). The delivery log shows every message and attempt.
 */

export const WEBHOOK_EVENT_TYPES = [
  'order.created',
  'order.updated',
  'payment.captured',
  'payment_request.created',
  'payment_request.paid',
  'claim.requested',
  'claim.completed',
  'refund.completed',
  'shipment.shipped',
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];
export const webhookEventType = z.enum(WEBHOOK_EVENT_TYPES);

/** A shop's endpoints are a handful (one storefront, perhaps a staging one), never a fan-out list. */
export const MAX_WEBHOOK_ENDPOINTS = 20;
export const MAX_WEBHOOK_URL_LENGTH = 2000;

/** The payload version receivers switch on; a breaking change of `data` gets a new one. */
export const WEBHOOK_PAYLOAD_VERSION = 1;

export const webhookEndpointSchema = z
  .object({
    id,
    url: z.string(),
    description: z.string(),
    eventTypes: z.array(webhookEventType),
    enabled: z.boolean(),
    /** `whsec_` + base64: the receiver verifies signatures with it. */
    secret: z.string(),
    createdAt: isoDateTime,
    updatedAt: isoDateTime,
  })
  .meta({ id: 'WebhookEndpoint' });
export type WebhookEndpoint = z.infer<typeof webhookEndpointSchema>;

export const webhookEndpointListSchema = z.object({ endpoints: z.array(webhookEndpointSchema) }).meta({ id: 'WebhookEndpointList' });
export type WebhookEndpointList = z.infer<typeof webhookEndpointListSchema>;

// The URL is checked by the service (WEBHOOK_URL_INVALID) rather than here, so a refusal names its own code.
const url = z.string().trim().min(1).max(MAX_WEBHOOK_URL_LENGTH * 2);
const eventTypes = z.array(webhookEventType).max(WEBHOOK_EVENT_TYPES.length * 2);
const description = z.string().trim().max(200);

export const createWebhookEndpointSchema = z.object({ url, description: description.optional(), eventTypes }).strict().meta({ id: 'CreateWebhookEndpoint' });
export type CreateWebhookEndpointRequest = z.infer<typeof createWebhookEndpointSchema>;
export const updateWebhookEndpointSchema = z
  .object({ url: url.optional(), description: description.optional(), eventTypes: eventTypes.optional(), enabled: z.boolean().optional() })
  .strict()
  .meta({ id: 'UpdateWebhookEndpoint' });
export type UpdateWebhookEndpointRequest = z.infer<typeof updateWebhookEndpointSchema>;

export const webhookEndpointParams = z.object({ endpointId: z.coerce.number().pipe(id) });
export const webhookMessageParams = z.object({ messageId: z.coerce.number().pipe(id) });

export const webhookMessageSchema = z
  .object({
    id,
    /** The `webhook-id` header: the same on every retry, what receivers deduplicate by. */
    messageId: z.string(),
    endpointId: id.nullable(),
    eventType: z.string(),
    orderId: id.nullable(),
    status: z.enum(['pending', 'delivered', 'failed']),
    attempts: z.number().int(),
    nextAttemptAt: isoDateTime.nullable(),
    lastAttemptAt: isoDateTime.nullable(),
    lastStatusCode: z.number().int().nullable(),
    lastError: z.string().nullable(),
    deliveredAt: isoDateTime.nullable(),
    createdAt: isoDateTime,
  })
  .meta({ id: 'WebhookMessage' });
export type WebhookMessage = z.infer<typeof webhookMessageSchema>;

export const webhookMessageListQuerySchema = z.object({
  cursor: z.coerce.number().pipe(id).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});
export const webhookMessageListSchema = z
  .object({ messages: z.array(webhookMessageSchema), nextCursor: id.nullable() })
  .meta({ id: 'WebhookMessageList' });
export type WebhookMessageList = z.infer<typeof webhookMessageListSchema>;

export const webhookAttemptSchema = z
  .object({
    id,
    attemptedAt: isoDateTime,
    durationMs: z.number().int(),
    statusCode: z.number().int().nullable(),
    error: z.string().nullable(),
    responseExcerpt: z.string().nullable(),
    /** The staff member who asked for a redelivery; null for the worker's own schedule. */
    requestedBy: id.nullable(),
  })
  .meta({ id: 'WebhookAttempt' });

export const webhookMessageDetailSchema = webhookMessageSchema
  .extend({ payload: z.record(z.string(), z.unknown()), attemptLog: z.array(webhookAttemptSchema) })
  .meta({ id: 'WebhookMessageDetail' });
export type WebhookMessageDetail = z.infer<typeof webhookMessageDetailSchema>;
