import { sql } from 'drizzle-orm';
import { bigint, boolean, index, integer, pgTable, primaryKey, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { at, createdAt, id, shopId, won } from './columns';

export const shops = pgTable('shops', {
  id: bigint('id', { mode: 'number' }).generatedByDefaultAsIdentity().primaryKey(),
  name: text('name').notNull(),
  currency: text('currency').notNull().default('KRW'),
  baseShippingFee: won('base_shipping_fee'),
  freeShippingThreshold: bigint('free_shipping_threshold', { mode: 'number' }),
  jejuShippingFee: won('jeju_shipping_fee'),
  islandShippingFee: won('island_shipping_fee'),
  /** One-way return shipping charged for a buyer's-fault return (twice when the order shipped free). */
  returnShippingFee: won('return_shipping_fee'),
  orderNumberPrefix: text('order_number_prefix').notNull().default(''),
  autoConfirmDays: integer('auto_confirm_days').notNull().default(7),
  /** Days after delivery within which a buyer may ask for a return or exchange on My Page. */
  returnWindowDays: integer('return_window_days').notNull().default(7),
  /** 무통장 orders without a due date of their own are cancelled this many days after ordering. */
  bankTransferDueDays: integer('bank_transfer_due_days').notNull().default(3),
  /** A buyer's cancel of units nobody has started preparing completes at once, with its refund; off: 취소접수 for staff. */
  buyerInstantCancel: boolean('buyer_instant_cancel').notNull().default(true),
  /** The secret a storefront signs member hand-off tokens with (HMAC-SHA256); null: hand-off off. */
  handoffSecret: text('handoff_secret'),
  /** 고객센터, shown to buyers on My Page. */
  csPhone: text('cs_phone'),
  csEmail: text('cs_email'),
  createdAt: createdAt(),
});

export const staff = pgTable(
  'staff',
  {
    shopId: shopId(),
    id: id(),
    email: text('email').notNull(),
    name: text('name').notNull(),
    role: text('role', { enum: ['owner', 'manager', 'staff', 'viewer'] }).notNull(),
    passwordHash: text('password_hash').notNull(),
    active: boolean('active').notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.shopId, t.id] }),
    // E-mail is the login identity, so it is unique across shops (the one lookup that precedes a shop).
    uniqueIndex('staff_email_key').on(sql`lower(${t.email})`),
  ],
);

/** Sessions are found by (shop_id, token hash): the cookie carries the shop id beside the secret. */
export const sessions = pgTable(
  'sessions',
  {
    shopId: shopId(),
    tokenHash: text('token_hash').notNull(),
    staffId: bigint('staff_id', { mode: 'number' }).notNull(),
    createdAt: createdAt(),
    expiresAt: at('expires_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.shopId, t.tokenHash] }), index('sessions_expiry_idx').on(t.expiresAt)],
);

/** Per-shop API keys for storefronts and integrations; only a hash of the secret is stored. */
export const apiKeys = pgTable(
  'api_keys',
  {
    shopId: shopId(),
    id: id(),
    name: text('name').notNull(),
    keyHash: text('key_hash').notNull(),
    createdAt: createdAt(),
    revokedAt: at('revoked_at'),
  },
  (t) => [primaryKey({ columns: [t.shopId, t.id] }), uniqueIndex('api_keys_hash_key').on(t.shopId, t.keyHash)],
);

/** A request repeated with the same key answers the first response (API.md, invariant 5). */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    shopId: shopId(),
    scope: text('scope').notNull(),
    key: text('key').notNull(),
    requestHash: text('request_hash').notNull(),
    responseStatus: integer('response_status').notNull(),
    responseBody: text('response_body').notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.shopId, t.scope, t.key] })],
);
