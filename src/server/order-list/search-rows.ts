import { and, eq, sql } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { orderSearch } from '../db/schema/index';
import type { SearchColumns } from './list-columns';
import { inIds } from './sql-arrays';

/**
 * Writes the orders' search rows (order_search) where they differ from what is stored, in the
 * caller's transaction: a status move or a memo leaves the searchable fields as they were, so it
 * reads a thousand short texts and writes nothing — no GIN keys re-inserted. An order without a
 * row yet (written before order_search existed and not backfilled) gets one. The grams and
 * windows are functions of search_text (src/domain/search-terms.ts), so comparing the text is
 * enough. Answers how many rows it wrote.
 */
export async function writeSearchRows(tx: Executor, shopId: number, computed: ReadonlyMap<number, SearchColumns & { orderNumber: string }>): Promise<number> {
  if (computed.size === 0) return 0;
  const stored = await tx
    .select({ orderId: orderSearch.orderId, searchText: orderSearch.searchText })
    .from(orderSearch)
    .where(and(eq(orderSearch.shopId, shopId), inIds(orderSearch.orderId, [...computed.keys()])));
  const storedText = new Map(stored.map((r) => [r.orderId, r.searchText]));
  const changed = [...computed].filter(([orderId, c]) => storedText.get(orderId) !== c.searchText);
  if (changed.length === 0) return 0;
  const records = changed.map(([orderId, c]) => ({ order_id: orderId, order_number: c.orderNumber, search_text: c.searchText, search_grams: c.searchGrams, search_digits: c.searchDigits }));
  await tx.execute(sql`
    insert into order_search (shop_id, order_id, order_number, search_text, search_grams, search_digits)
    select ${shopId}::bigint, v.order_id, v.order_number, v.search_text, v.search_grams, v.search_digits
    from jsonb_to_recordset(${JSON.stringify(records)}::jsonb) as v(order_id bigint, order_number text, search_text text, search_grams text[], search_digits text[])
    on conflict (shop_id, order_id) do update
      set search_text = excluded.search_text, search_grams = excluded.search_grams, search_digits = excluded.search_digits`);
  return changed.length;
}
