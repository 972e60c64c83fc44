import { sql } from 'drizzle-orm';
import { type AnyPgColumn, bigint, boolean, foreignKey, index, integer, jsonb, numeric, pgTable, primaryKey, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { UNIT_STATUSES } from '../../../domain/status';
import { at, createdAt, id, qty, ref, shopId, won } from './columns';

/**
 * The order. Columns under "summary cache" are derived from items, units and the money ledger and
 * refreshed in the same transaction as every change; they exist for filtering and sorting only.
 */
export const orders = pgTable(
  'orders',
  {
    shopId: shopId(),
    id: id(),
    orderNumber: text('order_number').notNull(),
    channel: text('channel').notNull().default('own_mall'),
    externalOrderId: text('external_order_id'),
    customerId: ref('customer_id'),
    /** The shop policy version the order was placed under (shop_policies); null: placed before versions, the shop's first. */
    policyId: ref('policy_id'),
    ordererName: text('orderer_name').notNull(),
    ordererPhone: text('orderer_phone').notNull(),
    ordererEmail: text('orderer_email'),
    /** Guests look up their orders with this password (scrypt hash); null for members. */
    guestPasswordHash: text('guest_password_hash'),
    gradeName: text('grade_name'),
    gradeDiscountRate: numeric('grade_discount_rate', { precision: 5, scale: 2, mode: 'number' }).notNull().default(0),
    customerCouponId: ref('customer_coupon_id'),
    couponName: text('coupon_name'),
    couponDiscount: won('coupon_discount'),
    pointsUsed: won('points_used'),
    shippingFee: won('shipping_fee'),
    remoteShippingFee: won('remote_shipping_fee'),
    /** Charges the shop keeps from claims (return shipping for a buyer's-fault return …); part of the total. */
    feesAmount: won('fees_amount'),
    orderedAt: at('ordered_at').notNull(),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: at('updated_at').notNull().defaultNow(),
    // summary cache
    orderStatus: text('order_status').notNull(),
    paymentStatus: text('payment_status').notNull(),
    unitStatuses: text('unit_statuses').array().notNull().default(sql`'{}'::text[]`),
    paymentMethod: text('payment_method'),
    itemsAmount: won('items_amount'),
    gradeDiscount: won('grade_discount'),
    manualDiscount: won('manual_discount'),
    totalAmount: won('total_amount'),
    paidAmount: won('paid_amount'),
    refundedAmount: won('refunded_amount'),
    balanceDue: won('balance_due'),
    itemSummary: text('item_summary').notNull().default(''),
    itemCount: integer('item_count').notNull().default(0),
    paidAt: at('paid_at'),
    shippedAt: at('shipped_at'),
    deliveredAt: at('delivered_at'),
    cancelRequestedAt: at('cancel_requested_at'),
    returnRequestedAt: at('return_requested_at'),
    memoCount: integer('memo_count').notNull().default(0),
    lastMemoAt: at('last_memo_at'),
    // order-list cache: keyword search and the filters that would otherwise join other tables
    // (src/server/order-list/list-columns.ts), refreshed with the summary in every change
    searchText: text('search_text').notNull().default(''),
    /** 2-character grams of search_text (digit pairs left out): a GIN lookup serves 2-syllable names. */
    searchGrams: text('search_grams').array().notNull().default(sql`'{}'::text[]`),
    /** 4-digit windows of the digit runs of search_text: phone and tracking digits. */
    searchDigits: text('search_digits').array().notNull().default(sql`'{}'::text[]`),
    couriers: text('couriers').array().notNull().default(sql`'{}'::text[]`),
    productIds: bigint('product_ids', { mode: 'number' }).array().notNull().default(sql`'{}'::bigint[]`),
    regions: text('regions').array().notNull().default(sql`'{}'::text[]`),
  },
  (t) => [
    primaryKey({ columns: [t.shopId, t.id] }),
    uniqueIndex('orders_number_key').on(t.shopId, t.orderNumber),
    // A storefront retrying without an Idempotency-Key still cannot hand the same order in twice.
    uniqueIndex('orders_external_key').on(t.shopId, t.channel, t.externalOrderId).where(sql`${t.externalOrderId} is not null`),
    index('orders_ordered_at_idx').on(t.shopId, t.orderedAt.desc(), t.id.desc()),
    index('orders_customer_idx').on(t.shopId, t.customerId),
    index('orders_unit_statuses_idx').using('gin', t.unitStatuses),
    // One small index per unit status, newest first: a status tab's page is the first 50 entries
    // of its index. Walking orders_ordered_at_idx instead reads every newer order first, and the
    // newest exchanged or purchase-confirmed order is weeks old (tens of thousands of rows at
    // 200k orders); the planner cannot know that, it assumes statuses spread evenly over time.
    // Queries repeat the predicate verbatim per status (filter-sql.ts) so the planner can use them.
    ...UNIT_STATUSES.map((s) =>
      index(`orders_status_${s}_idx`).on(t.shopId, t.orderedAt.desc(), t.id.desc()).where(sql`${t.unitStatuses} && ${sql.raw(`'{${s}}'::text[]`)}`),
    ),
    // The order list (src/server/order-list/queries.ts). GIN indexes cannot lead with shop_id
    // without btree_gin; the shop condition is checked on the (few) rows they find.
    // 주문번호 exact or leading part: LIKE 'prefix%' needs the pattern operator class (non-C collations).
    index('orders_number_prefix_idx').on(t.shopId, t.orderNumber.op('text_pattern_ops')),
    // 배송지연: only orders with units waiting to ship, oldest payment first — the delayed ones are
    // a range of it, and sorted by 결제일 they are its first entries. Expression and predicate are
    // repeated verbatim by the query (filter-sql.ts, sort.ts) so the planner can use it.
    index('orders_awaiting_shipment_idx')
      .on(t.shopId, sql`coalesce(${t.paidAt}, 'infinity'::timestamptz) asc nulls last`, t.id.asc())
      .where(sql`${t.unitStatuses} && '{paid,preparing,ready_to_ship}'::text[]`),
    // The 배송대기 and 배송중 tabs' own sorts (oldest payment, oldest shipment first): without them
    // each page read the whole tab (15,000–23,000 orders at a million) to sort it. Expressions and
    // null orders as sort.ts writes them for an ascending sort.
    index('orders_ready_to_ship_paid_idx')
      .on(t.shopId, sql`coalesce(${t.paidAt}, 'infinity'::timestamptz) asc nulls last`, t.id.asc())
      .where(sql`${t.unitStatuses} && '{ready_to_ship}'::text[]`),
    index('orders_shipping_shipped_idx')
      .on(t.shopId, sql`coalesce(${t.shippedAt}, 'infinity'::timestamptz) asc nulls first`, t.id.asc().nullsFirst())
      .where(sql`${t.unitStatuses} && '{shipping}'::text[]`),
    // 결제금액 sort over a whole shop (any other column sorts within a filter, or with a full sort).
    index('orders_total_amount_idx').on(t.shopId, t.totalAmount.desc(), t.id.desc()),
    // Memo filters and the 최근 메모 sort: only orders with memos, newest memo first.
    index('orders_last_memo_idx')
      .on(t.shopId, sql`coalesce(${t.lastMemoAt}, '-infinity'::timestamptz) desc nulls last`, t.id.desc())
      .where(sql`${t.memoCount} > 0`),
    index('orders_search_grams_idx').using('gin', t.searchGrams),
    index('orders_search_digits_idx').using('gin', t.searchDigits),
    index('orders_product_ids_idx').using('gin', t.productIds),
    index('orders_regions_idx').using('gin', t.regions),
  ],
);

/** The composite foreign key from a child row to its order, shop first. */
export const orderRef = (t: { shopId: AnyPgColumn; orderId: AnyPgColumn }) =>
  foreignKey({ columns: [t.shopId, t.orderId], foreignColumns: [orders.shopId, orders.id] });

/** Up to 5 per order (enforced by the service, checked by the position range). */
export const orderAddresses = pgTable(
  'order_addresses',
  {
    shopId: shopId(),
    id: id(),
    orderId: ref('order_id').notNull(),
    position: integer('position').notNull(),
    recipientName: text('recipient_name').notNull(),
    recipientPhone: text('recipient_phone').notNull(),
    postcode: text('postcode').notNull(),
    address1: text('address1').notNull(),
    address2: text('address2').notNull().default(''),
    deliveryNote: text('delivery_note'),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.shopId, t.id] }), index('order_addresses_order_idx').on(t.shopId, t.orderId), orderRef(t)],
);

/** A snapshot of what was sold, with its discounts. Units live in shipment groups and claims. */
export const orderItems = pgTable(
  'order_items',
  {
    shopId: shopId(),
    id: id(),
    orderId: ref('order_id').notNull(),
    productId: ref('product_id'),
    optionId: ref('option_id'),
    productName: text('product_name').notNull(),
    optionName: text('option_name'),
    sku: text('sku'),
    unitPrice: won('unit_price'),
    quantity: qty('quantity'),
    gradeDiscountPerUnit: won('grade_discount_per_unit'),
    manualDiscountKind: text('manual_discount_kind', { enum: ['rate', 'amount'] }),
    manualDiscountValue: numeric('manual_discount_value', { precision: 12, scale: 2, mode: 'number' }),
    manualDiscountPerUnit: won('manual_discount_per_unit'),
    couponShare: won('coupon_share'),
    pointsShare: won('points_share'),
    isCustom: boolean('is_custom').notNull().default(false),
    position: integer('position').notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.shopId, t.id] }), index('order_items_order_idx').on(t.shopId, t.orderId), orderRef(t)],
);

/** One address, one status, one courier and tracking number. */
export const shipmentGroups = pgTable(
  'shipment_groups',
  {
    shopId: shopId(),
    id: id(),
    orderId: ref('order_id').notNull(),
    addressId: ref('address_id').notNull(),
    status: text('status').notNull(),
    courier: text('courier'),
    trackingNumber: text('tracking_number'),
    shippedAt: at('shipped_at'),
    deliveredAt: at('delivered_at'),
    /** Units an edit added that stay 입금대기 until the buyer pays for them: the order change that added them. */
    heldForChangeId: ref('held_for_change_id'),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.shopId, t.id] }),
    index('shipment_groups_order_idx').on(t.shopId, t.orderId),
    index('shipment_groups_tracking_idx').on(t.shopId, t.trackingNumber),
    // the auto-confirm job's walk: delivered parcels, oldest delivery first
    index('shipment_groups_delivered_idx').on(t.deliveredAt).where(sql`${t.status} = 'delivered'`),
    orderRef(t),
    foreignKey({ columns: [t.shopId, t.addressId], foreignColumns: [orderAddresses.shopId, orderAddresses.id] }),
  ],
);

export const shipmentGroupItems = pgTable(
  'shipment_group_items',
  {
    shopId: shopId(),
    orderId: ref('order_id').notNull(),
    shipmentGroupId: ref('shipment_group_id').notNull(),
    itemId: ref('item_id').notNull(),
    quantity: qty('quantity'),
  },
  (t) => [
    primaryKey({ columns: [t.shopId, t.shipmentGroupId, t.itemId] }),
    index('shipment_group_items_order_idx').on(t.shopId, t.orderId),
    foreignKey({ columns: [t.shopId, t.shipmentGroupId], foreignColumns: [shipmentGroups.shopId, shipmentGroups.id] }),
    foreignKey({ columns: [t.shopId, t.itemId], foreignColumns: [orderItems.shopId, orderItems.id] }),
  ],
);

/** A cancel, return or exchange with its own status; pickup details for returns and exchanges. */
export const claims = pgTable(
  'claims',
  {
    shopId: shopId(),
    id: id(),
    orderId: ref('order_id').notNull(),
    kind: text('kind', { enum: ['cancel', 'return', 'exchange'] }).notNull(),
    status: text('status').notNull(),
    reasonCode: text('reason_code'),
    reasonText: text('reason_text'),
    fault: text('fault', { enum: ['buyer', 'shop'] }),
    requestedBy: text('requested_by', { enum: ['staff', 'buyer', 'api', 'system'] }).notNull(),
    pickup: jsonb('pickup'),
    restock: boolean('restock').notNull().default(false),
    /** Exchange: the option re-shipped (null: the same option) and the re-shipment's courier and tracking. */
    replacementOptionId: ref('replacement_option_id'),
    reshipment: jsonb('reshipment'),
    createdAt: createdAt(),
    completedAt: at('completed_at'),
  },
  (t) => [
    primaryKey({ columns: [t.shopId, t.id] }),
    index('claims_order_idx').on(t.shopId, t.orderId),
    // the list's 사유 filter: orders with a claim of these reasons
    index('claims_reason_idx').on(t.shopId, t.reasonCode, t.orderId),
    orderRef(t),
  ],
);

export const claimItems = pgTable(
  'claim_items',
  {
    shopId: shopId(),
    orderId: ref('order_id').notNull(),
    claimId: ref('claim_id').notNull(),
    itemId: ref('item_id').notNull(),
    quantity: qty('quantity'),
    /** Where the units came from, so withdrawing the claim puts them back exactly. */
    fromShipmentGroupId: ref('from_shipment_group_id').notNull(),
    fromStatus: text('from_status').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.shopId, t.claimId, t.itemId, t.fromShipmentGroupId] }),
    index('claim_items_order_idx').on(t.shopId, t.orderId),
    foreignKey({ columns: [t.shopId, t.claimId], foreignColumns: [claims.shopId, claims.id] }),
    foreignKey({ columns: [t.shopId, t.itemId], foreignColumns: [orderItems.shopId, orderItems.id] }),
  ],
);
