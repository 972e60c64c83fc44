import { jsonb, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { at, shopId } from './columns';

/**
 * A shop's buyer-message settings: which moments go out on which channel, and how each channel
 * reaches the outside (SMTP; the messaging provider). Secrets are write-only through the API.
 * No row: every moment on, channels from the environment, or the development outbox.
 */
export const notificationSettings = pgTable('notification_settings', {
  shopId: shopId().primaryKey(),
  /** { [moment]: { alimtalk, sms, email } } over the defaults (buyer-message-moments.ts). */
  moments: jsonb('moments').$type<Record<string, Record<string, boolean>>>().notNull().default({}),
  /** { host, port, secure, user, password, from }; null: the environment's, else none. */
  smtp: jsonb('smtp').$type<Record<string, unknown> | null>(),
  /** { provider: 'solapi', apiKey, apiSecret, sender, pfId, baseUrl }; null: the environment's, else none. */
  messaging: jsonb('messaging').$type<Record<string, unknown> | null>(),
  updatedAt: at('updated_at').notNull().defaultNow(),
});

/** A shop's own wording of a moment's message on a channel; no row: the default (buyer-message-templates.ts). */
export const notificationTemplates = pgTable(
  'notification_templates',
  {
    shopId: shopId(),
    moment: text('moment').notNull(),
    channel: text('channel').notNull(),
    subject: text('subject'),
    body: text('body').notNull(),
    templateCode: text('template_code'),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.shopId, t.moment, t.channel] })],
);
