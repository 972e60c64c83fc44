import { foreignKey, index, integer, jsonb, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { at, createdAt, id, ref, shopId, won } from './columns';
import { orderRef } from './orders';


/** A payment as the gateway reported it. `captured_amount` counts toward paid once captured. */
export const payments = pgTable(
  'payments',
  {
    shopId: shopId(),
    id: id(),
    orderId: ref('order_id').notNull(),
    paymentRequestId: ref('payment_request_id'),
    method: text('method', { enum: ['card', 'virtual_account', 'bank_transfer', 'easy_pay', 'points_only'] }).notNull(),
    status: text('status', { enum: ['pending', 'captured', 'failed', 'cancelled'] }).notNull(),
    amount: won('amount'),
    capturedAmount: won('captured_amount'),
    refundedAmount: won('refunded_amount'),
    gateway: text('gateway'),
    gatewayTransactionId: text('gateway_transaction_id'),
    /** The order id the storefront gave the gateway (Toss's orderId); deposit callbacks name only it. */
    gatewayOrderId: text('gateway_order_id'),
    /** Proves a virtual-account deposit callback is the gateway's (Toss's `secret`). */
    depositSecret: text('deposit_secret'),
    easyPayProvider: text('easy_pay_provider'),
    cardCompany: text('card_company'),
    cardNumberMasked: text('card_number_masked'),
    installmentMonths: integer('installment_months'),
    vaBank: text('va_bank'),
    vaAccountNumber: text('va_account_number'),
    vaHolder: text('va_holder'),
    vaDueAt: at('va_due_at'),
    depositorName: text('depositor_name'),
    paidAt: at('paid_at'),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.shopId, t.id] }),
    index('payments_order_idx').on(t.shopId, t.orderId),
    index('payments_gateway_tx_idx').on(t.shopId, t.gateway, t.gatewayTransactionId),
    index('payments_gateway_order_idx').on(t.shopId, t.gateway, t.gatewayOrderId),
    orderRef(t),
  ],
);

/** An additional amount staff ask the buyer to pay from My Page. */
export const paymentRequests = pgTable(
  'payment_requests',
  {
    shopId: shopId(),
    id: id(),
    orderId: ref('order_id').notNull(),
    amount: won('amount'),
    reason: text('reason').notNull(),
    dueAt: at('due_at'),
    status: text('status', { enum: ['pending', 'paid', 'cancelled', 'expired'] }).notNull(),
    createdByStaffId: ref('created_by_staff_id'),
    /** The edit whose additional amount this asks for; paying it releases the units that edit added. */
    orderChangeId: ref('order_change_id'),
    createdAt: createdAt(),
    paidAt: at('paid_at'),
  },
  (t) => [primaryKey({ columns: [t.shopId, t.id] }), index('payment_requests_order_idx').on(t.shopId, t.orderId), orderRef(t)],
);

/**
 * A refund with its breakdown: amount = items + shipping − deductions (coupon and points restored
 * are not cash; they are given back to the buyer's coupon and points balances).
 */
export const refunds = pgTable(
  'refunds',
  {
    shopId: shopId(),
    id: id(),
    orderId: ref('order_id').notNull(),
    claimId: ref('claim_id'),
    amount: won('amount'),
    itemsAmount: won('items_amount'),
    shippingAmount: won('shipping_amount'),
    couponRestored: won('coupon_restored'),
    pointsRestored: won('points_restored'),
    deductionAmount: won('deduction_amount'),
    breakdown: jsonb('breakdown'),
    /** Why each component is what it is, as codes with their figures (rendered in words per language). */
    explanation: jsonb('explanation'),
    reason: text('reason'),
    method: text('method', { enum: ['gateway', 'bank_transfer', 'none'] }).notNull(),
    refundAccount: jsonb('refund_account'),
    /** pending: not yet paid back (gateway unavailable, or a bank transfer to make); voided: withdrawn before it was paid. */
    status: text('status', { enum: ['pending', 'done', 'failed', 'voided'] }).notNull(),
    failureMessage: text('failure_message'),
    attempts: integer('attempts').notNull().default(0),
    createdAt: createdAt(),
    executedAt: at('executed_at'),
  },
  (t) => [primaryKey({ columns: [t.shopId, t.id] }), index('refunds_order_idx').on(t.shopId, t.orderId), orderRef(t)],
);

/** How a refund is spread over the order's payments (never more than a payment captured). */
export const refundPayments = pgTable(
  'refund_payments',
  {
    shopId: shopId(),
    orderId: ref('order_id').notNull(),
    refundId: ref('refund_id').notNull(),
    paymentId: ref('payment_id').notNull(),
    amount: won('amount'),
    status: text('status', { enum: ['pending', 'done', 'failed', 'voided'] }).notNull().default('pending'),
    gatewayCancelId: text('gateway_cancel_id'),
  },
  (t) => [
    primaryKey({ columns: [t.shopId, t.refundId, t.paymentId] }),
    foreignKey({ columns: [t.shopId, t.refundId], foreignColumns: [refunds.shopId, refunds.id] }),
    foreignKey({ columns: [t.shopId, t.paymentId], foreignColumns: [payments.shopId, payments.id] }),
  ],
);
