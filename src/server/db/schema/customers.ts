import { bigint, foreignKey, index, integer, numeric, pgTable, primaryKey, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { at, createdAt, id, ref, shopId, won } from './columns';

export const memberGrades = pgTable(
  'member_grades',
  {
    shopId: shopId(),
    id: id(),
    name: text('name').notNull(),
    discountRate: numeric('discount_rate', { precision: 5, scale: 2, mode: 'number' }).notNull().default(0),
    position: integer('position').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.shopId, t.id] })],
);

export const customers = pgTable(
  'customers',
  {
    shopId: shopId(),
    id: id(),
    name: text('name').notNull(),
    email: text('email'),
    phone: text('phone'),
    gradeId: ref('grade_id'),
    /** Cache of Σ points_ledger.delta, updated in the same transaction as each ledger row. */
    pointsBalance: won('points_balance'),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.shopId, t.id] }),
    uniqueIndex('customers_email_key').on(t.shopId, t.email),
    foreignKey({ columns: [t.shopId, t.gradeId], foreignColumns: [memberGrades.shopId, memberGrades.id] }),
  ],
);

export const pointsLedger = pgTable(
  'points_ledger',
  {
    shopId: shopId(),
    id: id(),
    customerId: ref('customer_id').notNull(),
    orderId: ref('order_id'),
    delta: bigint('delta', { mode: 'number' }).notNull(),
    reason: text('reason').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.shopId, t.id] }),
    index('points_ledger_customer_idx').on(t.shopId, t.customerId),
    foreignKey({ columns: [t.shopId, t.customerId], foreignColumns: [customers.shopId, customers.id] }),
  ],
);

export const coupons = pgTable(
  'coupons',
  {
    shopId: shopId(),
    id: id(),
    name: text('name').notNull(),
    kind: text('kind', { enum: ['fixed', 'rate'] }).notNull(),
    value: bigint('value', { mode: 'number' }).notNull(),
    maxDiscount: bigint('max_discount', { mode: 'number' }),
    minOrderAmount: bigint('min_order_amount', { mode: 'number' }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.shopId, t.id] })],
);

/** A coupon issued to one member; used by at most one order at a time. */
export const customerCoupons = pgTable(
  'customer_coupons',
  {
    shopId: shopId(),
    id: id(),
    customerId: ref('customer_id').notNull(),
    couponId: ref('coupon_id').notNull(),
    status: text('status', { enum: ['available', 'used', 'expired'] }).notNull().default('available'),
    usedOrderId: ref('used_order_id'),
    usedAt: at('used_at'),
    expiresAt: at('expires_at'),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.shopId, t.id] }),
    index('customer_coupons_customer_idx').on(t.shopId, t.customerId),
    foreignKey({ columns: [t.shopId, t.customerId], foreignColumns: [customers.shopId, customers.id] }),
    foreignKey({ columns: [t.shopId, t.couponId], foreignColumns: [coupons.shopId, coupons.id] }),
  ],
);
