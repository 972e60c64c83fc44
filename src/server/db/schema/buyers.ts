import { sql } from 'drizzle-orm';
import { index, pgTable, primaryKey, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { at, createdAt, id, ref, shopId, won } from './columns';
import { orderRef } from './orders';

/**
 * The buyer's doors (My Page), apart from staff: a buyer session is a member the storefront handed
 * over (customer_id) or a guest who looked one order up (order_id). Only a hash of the cookie's
 * secret is stored, as for staff sessions.
 */
export const buyerSessions = pgTable(
  'buyer_sessions',
  {
    shopId: shopId(),
    tokenHash: text('token_hash').notNull(),
    kind: text('kind', { enum: ['member', 'guest'] }).notNull(),
    customerId: ref('customer_id'),
    orderId: ref('order_id'),
    createdAt: createdAt(),
    expiresAt: at('expires_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.shopId, t.tokenHash] }), index('buyer_sessions_expiry_idx').on(t.expiresAt)],
);

/** Nonces of storefront hand-off tokens already used: a token signs a member in once. */
export const buyerHandoffNonces = pgTable(
  'buyer_handoff_nonces',
  {
    shopId: shopId(),
    nonce: text('nonce').notNull(),
    usedAt: at('used_at').notNull().defaultNow(),
    /** The token's own expiry: after it the nonce cannot be replayed anyway and the row may go. */
    expiresAt: at('expires_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.shopId, t.nonce] }), index('buyer_handoff_nonces_expiry_idx').on(t.expiresAt)],
);

/**
 * One attempt of a buyer to pay a payment request through the gateway's payment window. The
 * gateway knows it by `gateway_order_id` (Toss's orderId); the amount is fixed when the window
 * opens, so a success that comes back with another amount is refused.
 */
export const paymentCheckouts = pgTable(
  'payment_checkouts',
  {
    shopId: shopId(),
    id: id(),
    orderId: ref('order_id').notNull(),
    paymentRequestId: ref('payment_request_id').notNull(),
    gateway: text('gateway').notNull(),
    gatewayOrderId: text('gateway_order_id').notNull(),
    amount: won('amount'),
    /** open: window opened; paid: confirmed and recorded; failed: declined or abandoned; voided: captured but no longer payable, cancelled at the gateway. */
    status: text('status', { enum: ['open', 'paid', 'failed', 'voided'] }).notNull(),
    paymentKey: text('payment_key'),
    paymentId: ref('payment_id'),
    failureCode: text('failure_code'),
    failureMessage: text('failure_message'),
    createdAt: createdAt(),
    completedAt: at('completed_at'),
  },
  (t) => [
    primaryKey({ columns: [t.shopId, t.id] }),
    uniqueIndex('payment_checkouts_gateway_order_key').on(t.shopId, t.gateway, t.gatewayOrderId),
    index('payment_checkouts_request_idx').on(t.shopId, t.paymentRequestId),
    uniqueIndex('payment_checkouts_payment_key').on(t.shopId, t.paymentKey).where(sql`${t.paymentKey} is not null`),
    orderRef(t),
  ],
);

/**
 * The links in buyer messages (결제하기, 주문 확인): a secret in the URL opens a guest session on
 * that one order and lands on `path`. Only the hash is kept; the link works until `expiresAt`.
 */
export const buyerMessageLinks = pgTable(
  'buyer_message_links',
  {
    shopId: shopId(),
    tokenHash: text('token_hash').notNull(),
    orderId: ref('order_id').notNull(),
    path: text('path').notNull(),
    createdAt: createdAt(),
    expiresAt: at('expires_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.shopId, t.tokenHash] }), index('buyer_message_links_expiry_idx').on(t.expiresAt)],
);
