import { sql } from 'drizzle-orm';
import { bigint, boolean, index, integer, jsonb, pgTable, primaryKey, text, uniqueIndex } from 'drizzle-orm/pg-core';
import type { ShopPolicy } from '../../../domain/shop-policy';
import { at, createdAt, id, ref, shopId } from './columns';

/** The shop's fees and days are not here: they are versioned in shop_policies (orders keep theirs). */
export const shops = pgTable('shops', {
  id: bigint('id', { mode: 'number' }).generatedByDefaultAsIdentity().primaryKey(),
  name: text('name').notNull(),
  currency: text('currency').notNull().default('KRW'),
  orderNumberPrefix: text('order_number_prefix').notNull().default(''),
  /** A buyer's cancel of units nobody has started preparing completes at once, with its refund; off: 취소접수 for staff. */
  buyerInstantCancel: boolean('buyer_instant_cancel').notNull().default(true),
  /** The secret a storefront signs member hand-off tokens with (HMAC-SHA256); null: hand-off off. */
  handoffSecret: text('handoff_secret'),
  /** 고객센터, shown to buyers on My Page. */
  csPhone: text('cs_phone'),
  csEmail: text('cs_email'),
  /** 사업자 정보 shown to buyers and on documents: 상호, 대표자, 사업자등록번호, 통신판매업 신고번호, 사업장 주소. */
  businessName: text('business_name'),
  representativeName: text('representative_name'),
  businessNumber: text('business_number'),
  mailOrderNumber: text('mail_order_number'),
  businessAddress: text('business_address'),
  /** 무통장 입금 accounts offered to buyers: [{ bank, accountNumber, holder }]. */
  bankAccounts: jsonb('bank_accounts').$type<Array<{ bank: string; accountNumber: string; holder: string }>>().notNull().default([]),
  /** The shop's payment gateway: { provider: 'test' | 'toss', clientKey?, secretKey? }; empty: the server's default (JUMUN_GATEWAY). */
  gateway: jsonb('gateway').$type<{ provider?: 'test' | 'toss'; clientKey?: string; secretKey?: string }>().notNull().default({}),
  /** The most one refund by staff (or an API key) may return; managers and owners have no ceiling. */
  staffRefundLimit: bigint('staff_refund_limit', { mode: 'number' }).notNull().default(300000),
  createdAt: createdAt(),
});

/**
 * Every version of a shop's policy (fees, windows, days); the newest is the one new orders take,
 * and each order points at the version it was placed under (orders.policy_id).
 */
export const shopPolicies = pgTable(
  'shop_policies',
  {
    shopId: shopId(),
    id: id(),
    policy: jsonb('policy').$type<ShopPolicy>().notNull(),
    createdAt: createdAt(),
    /** Who set it (staff id); null for the shop's first policy. */
    createdBy: ref('created_by'),
  },
  (t) => [primaryKey({ columns: [t.shopId, t.id] })],
);

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
    lastSignInAt: at('last_sign_in_at'),
    deactivatedAt: at('deactivated_at'),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.shopId, t.id] }),
    // one account per e-mail in a shop; a person working for two shops has two (chosen at sign-in)
    uniqueIndex('staff_shop_email_key').on(t.shopId, sql`lower(${t.email})`),
    index('staff_email_idx').on(sql`lower(${t.email})`),
  ],
);

/**
 * One-time links: an invitation (sets the new colleague's password and creates the account) or a
 * password reset (sets an existing account's). Only the token's hash is stored.
 */
export const staffTokens = pgTable(
  'staff_tokens',
  {
    shopId: shopId(),
    id: id(),
    purpose: text('purpose', { enum: ['invite', 'reset'] }).notNull(),
    tokenHash: text('token_hash').notNull(),
    email: text('email').notNull(),
    name: text('name').notNull(),
    role: text('role', { enum: ['owner', 'manager', 'staff', 'viewer'] }).notNull(),
    /** The account a reset is for; the account an accepted invitation created. */
    staffId: ref('staff_id'),
    createdBy: ref('created_by').notNull(),
    createdAt: createdAt(),
    expiresAt: at('expires_at').notNull(),
    usedAt: at('used_at'),
    revokedAt: at('revoked_at'),
  },
  (t) => [primaryKey({ columns: [t.shopId, t.id] }), uniqueIndex('staff_tokens_hash_key').on(t.shopId, t.tokenHash)],
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
    /** What the key may do (domain/permissions.ts API_SCOPES); keys made before scopes hold all four. */
    scopes: text('scopes').array().notNull().default(sql`'{intake,catalog,read,write}'::text[]`),
    /** Updated at most once a minute, so a busy storefront does not write on every request. */
    lastUsedAt: at('last_used_at'),
    createdBy: ref('created_by'),
    createdAt: createdAt(),
    revokedAt: at('revoked_at'),
    revokedBy: ref('revoked_by'),
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
