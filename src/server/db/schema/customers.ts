import { sql } from 'drizzle-orm';
import { bigint, boolean, foreignKey, index, integer, numeric, pgTable, primaryKey, text, uniqueIndex } from 'drizzle-orm/pg-core';
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
  // Storefronts name grades, so a name is the grade's identity within the shop.
  (t) => [primaryKey({ columns: [t.shopId, t.id] }), uniqueIndex('member_grades_name_key').on(t.shopId, t.name)],
);

export const customers = pgTable(
  'customers',
  {
    shopId: shopId(),
    id: id(),
    /** The storefront's own member id. */
    externalId: text('external_id'),
    name: text('name').notNull(),
    email: text('email'),
    phone: text('phone'),
    gradeId: ref('grade_id'),
    /** Cache of Σ points_ledger.delta, updated in the same transaction as each ledger row. */
    pointsBalance: won('points_balance'),
    createdAt: createdAt(),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.shopId, t.id] }),
    uniqueIndex('customers_email_key').on(t.shopId, t.email),
    uniqueIndex('customers_external_key').on(t.shopId, t.externalId).where(sql`${t.externalId} is not null`),
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
    /**
     * earned / spent (elsewhere, by the storefront) / adjusted / expired — posted by the storefront;
     * used / restored — by Jumun's own orders. Older rows, from before kinds, are 'adjusted'.
     */
    kind: text('kind', { enum: ['earned', 'spent', 'adjusted', 'expired', 'used', 'restored'] }).notNull().default('adjusted'),
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
    /** The storefront's own id of the coupon definition. */
    externalId: text('external_id'),
    name: text('name').notNull(),
    kind: text('kind', { enum: ['fixed', 'rate'] }).notNull(),
    value: bigint('value', { mode: 'number' }).notNull(),
    maxDiscount: bigint('max_discount', { mode: 'number' }),
    minOrderAmount: bigint('min_order_amount', { mode: 'number' }),
    /** Issued coupons may be used only within [validFrom, validUntil) when these are set. */
    validFrom: at('valid_from'),
    validUntil: at('valid_until'),
    active: boolean('active').notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.shopId, t.id] }),
    uniqueIndex('coupons_external_key').on(t.shopId, t.externalId).where(sql`${t.externalId} is not null`),
  ],
);

/** A coupon issued to one member; used by at most one order at a time. */
export const customerCoupons = pgTable(
  'customer_coupons',
  {
    shopId: shopId(),
    id: id(),
    /** The storefront's own id of this issued coupon. */
    externalId: text('external_id'),
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
    uniqueIndex('customer_coupons_external_key').on(t.shopId, t.externalId).where(sql`${t.externalId} is not null`),
    foreignKey({ columns: [t.shopId, t.customerId], foreignColumns: [customers.shopId, customers.id] }),
    foreignKey({ columns: [t.shopId, t.couponId], foreignColumns: [coupons.shopId, coupons.id] }),
  ],
);
