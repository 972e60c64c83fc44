import { sql } from 'drizzle-orm';
import { bigint, boolean, index, integer, jsonb, pgTable, primaryKey, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { at, createdAt, id, ref, shopId } from './columns';

/**
 * Where a shop's storefront wants to hear about its orders. The secret signs every delivery
 * (Standard Webhooks: `whsec_` + base64 of the key bytes); `eventTypes` lists what it wants.
 */
export const webhookEndpoints = pgTable(
  'webhook_endpoints',
  {
    shopId: shopId(),
    id: id(),
    url: text('url').notNull(),
    description: text('description').notNull().default(''),
    secret: text('secret').notNull(),
    eventTypes: jsonb('event_types').$type<string[]>().notNull(),
    enabled: boolean('enabled').notNull().default(true),
    createdAt: createdAt(),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.shopId, t.id] })],
);

/**
 * The outbox: one row per message to one destination (a webhook endpoint, or a buyer's 알림톡, SMS
 * or e-mail address), written in the transaction of the change it reports, so a rolled-back change
 * sends nothing. A worker on any server claims due rows with FOR UPDATE SKIP LOCKED, pushes the
 * lease (`next_attempt_at`) forward before it sends, and records each attempt in outbox_attempts.
 * `message_id` is what the receiver deduplicates by (`webhook-id`); it never changes on a retry.
 */
export const outboxMessages = pgTable(
  'outbox_messages',
  {
    shopId: shopId(),
    id: id(),
    messageId: text('message_id').notNull(),
    channel: text('channel', { enum: ['webhook', 'alimtalk', 'sms', 'email'] }).notNull(),
    endpointId: ref('endpoint_id'),
    eventType: text('event_type').notNull(),
    orderId: ref('order_id'),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    status: text('status', { enum: ['pending', 'delivered', 'failed'] }).notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: at('next_attempt_at').notNull().defaultNow(),
    lastAttemptAt: at('last_attempt_at'),
    lastStatusCode: integer('last_status_code'),
    lastError: text('last_error'),
    deliveredAt: at('delivered_at'),
    createdAt: createdAt(),
    /**
     * Buyer messages: order, moment, subject and recipient. The unique index makes a second queueing
     * of the same message (a retried change, a second server's job) a no-op: never sent twice.
     */
    dedupeKey: text('dedupe_key'),
    /** Buyer messages: the phone number or e-mail address it goes to. */
    recipient: text('recipient'),
    /** How it went out: `smtp`, `solapi`, or `development` (kept for the admin screen, sent nowhere). */
    transport: text('transport'),
    /** The provider's id of an accepted 알림톡/SMS whose delivery report is awaited. */
    providerMessageId: text('provider_message_id'),
  },
  (t) => [
    primaryKey({ columns: [t.shopId, t.id] }),
    uniqueIndex('outbox_messages_message_key').on(t.shopId, t.messageId),
    // the worker's one question: what is due now, across shops
    index('outbox_messages_due_idx').on(t.nextAttemptAt).where(sql`${t.status} = 'pending'`),
    index('outbox_messages_endpoint_idx').on(t.shopId, t.endpointId, t.createdAt),
    index('outbox_messages_order_idx').on(t.shopId, t.orderId),
    uniqueIndex('outbox_messages_dedupe_key').on(t.shopId, t.dedupeKey).where(sql`${t.dedupeKey} is not null`),
    // the buyer message log, newest first
    index('outbox_messages_buyer_idx').on(t.shopId, t.createdAt).where(sql`${t.channel} <> 'webhook'`),
  ],
);

/** The delivery log: every attempt at every message, with what the receiver answered. */
export const outboxAttempts = pgTable(
  'outbox_attempts',
  {
    shopId: shopId(),
    id: id(),
    outboxId: bigint('outbox_id', { mode: 'number' }).notNull(),
    attemptedAt: at('attempted_at').notNull(),
    durationMs: integer('duration_ms').notNull(),
    statusCode: integer('status_code'),
    error: text('error'),
    /** The first 1,000 characters of the receiver's answer, for staff reading the log. */
    responseExcerpt: text('response_excerpt'),
    /** Who asked for it: null for the worker's own schedule, else the staff member who redelivered. */
    requestedBy: ref('requested_by'),
  },
  (t) => [primaryKey({ columns: [t.shopId, t.id] }), index('outbox_attempts_message_idx').on(t.shopId, t.outboxId, t.attemptedAt)],
);
