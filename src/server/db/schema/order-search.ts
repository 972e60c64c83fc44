import { sql } from 'drizzle-orm';
import { index, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { ref, shopId } from './columns';
import { orderRef } from './orders';

/**
 * The order's keyword-search columns (src/domain/search-terms.ts defines them), one row per order.
 * Kept apart from `orders` because they change only when a searchable field does (a name, a phone,
 * an address, a tracking number), while `orders` is rewritten by every status move and memo: on
 * `orders`, each such rewrite re-inserted ~70 GIN keys of an unchanged text. The summary refresh
 * writes this row only when search_text differs (src/server/order-list/search-rows.ts).
 */
export const orderSearch = pgTable(
  'order_search',
  {
    shopId: shopId(),
    orderId: ref('order_id').notNull(),
    /** orders.order_number, which never changes: here so the whole keyword is one semi-join (see keyword-sql.ts). */
    orderNumber: text('order_number').notNull(),
    searchText: text('search_text').notNull(),
    /** 2-character grams of search_text (digit pairs left out): a GIN lookup serves 2-syllable names. */
    searchGrams: text('search_grams').array().notNull().default(sql`'{}'::text[]`),
    /** 4-digit windows of the digit runs of search_text: phone and tracking digits. */
    searchDigits: text('search_digits').array().notNull().default(sql`'{}'::text[]`),
  },
  (t) => [
    primaryKey({ columns: [t.shopId, t.orderId] }),
    orderRef(t),
    // 주문번호 exact or leading part: LIKE 'prefix%' needs the pattern operator class (non-C collations).
    index('order_search_number_prefix_idx').on(t.shopId, t.orderNumber.op('text_pattern_ops')),
    // GIN indexes cannot lead with shop_id without btree_gin; the shop condition is checked on the
    // (few) rows they find.
    index('order_search_grams_idx').using('gin', t.searchGrams),
    index('order_search_digits_idx').using('gin', t.searchDigits),
  ],
);
