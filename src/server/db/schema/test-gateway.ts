import { sql } from 'drizzle-orm';
import { bigint, check, pgSequence, pgTable, text } from 'drizzle-orm/pg-core';
import { at, createdAt } from './columns';

/**
 * The built-in test payment gateway's own records (src/server/payments/gateways/test-gateway.ts).
 * They stand in for an outside service, the PG, so they belong to no shop and are keyed by the
 * gateway's own ids: a paymentKey, an idempotency key. They live in the order service's database
 * only so that every app server on it (behind one load balancer) sees one gateway, and so that it
 * survives a restart; with JUMUN_GATEWAY=toss they stay empty.
 */

/** Card numbers, account numbers and cancel ids the test gateway hands out, unique across servers. */
export const testGatewaySerial = pgSequence('test_gateway_serial');

/** One payment the gateway holds: confirmed through it, or registered from the order service's ledger. */
export const testGatewayPayments = pgTable(
  'test_gateway_payments',
  {
    paymentKey: text('payment_key').primaryKey(),
    /** Null: registered from the ledger, method unknown here. */
    method: text('method', { enum: ['card', 'virtual_account', 'bank_transfer', 'easy_pay'] }),
    /** What the gateway holds and may give back; a waiting virtual account holds its full amount, as at Toss. */
    amount: bigint('amount', { mode: 'number' }).notNull(),
    cancelled: bigint('cancelled', { mode: 'number' }).notNull().default(0),
    state: text('state', { enum: ['captured', 'awaiting_deposit', 'closed'] }).notNull(),
    /** The storefront's order id given at confirm; null for a registered payment. */
    orderId: text('order_id'),
    /** With confirmed_at, what the confirm answered is rebuilt from (a replay answers the same). Null when registered. */
    serial: bigint('serial', { mode: 'number' }),
    confirmedAt: at('confirmed_at'),
    depositSecret: text('deposit_secret'),
    depositedAt: at('deposited_at'),
    createdAt: createdAt(),
  },
  // The last guard of "no cancel beyond the balance", should a code path ever skip the row lock.
  (t) => [check('test_gateway_payments_cancelled_check', sql`${t.cancelled} >= 0 and ${t.cancelled} <= ${t.amount}`)],
);

/**
 * The first answer to each cancel idempotency key: a success, or a decline (final for that key).
 * The primary key is what makes two servers that receive the same key at once have one effect.
 */
export const testGatewayCancels = pgTable(
  'test_gateway_cancels',
  {
    idempotencyKey: text('idempotency_key').primaryKey(),
    paymentKey: text('payment_key').notNull(),
    amount: bigint('amount', { mode: 'number' }).notNull(),
    cancelId: text('cancel_id'),
    remainingAmount: bigint('remaining_amount', { mode: 'number' }),
    cancelledAt: at('cancelled_at'),
    declineCode: text('decline_code'),
    declineMessage: text('decline_message'),
    createdAt: createdAt(),
  },
  (t) => [
    check(
      'test_gateway_cancels_outcome_check',
      sql`(${t.declineCode} is null and ${t.cancelId} is not null and ${t.remainingAmount} is not null and ${t.cancelledAt} is not null) or (${t.declineCode} is not null and ${t.declineMessage} is not null and ${t.cancelId} is null)`,
    ),
  ],
);
