import { and, or, sql, type SQL } from 'drizzle-orm';
import { keywordTermsOf } from '../../domain/search-terms';
import { orderSearch, orders } from '../db/schema/index';
import { textArray } from './sql-arrays';

/** Shorter leading parts of an order number ("2026") would select whole months by accident. */
export const ORDER_NUMBER_MIN_PREFIX = 8;

const escapeLike = (value: string) => value.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * A keyword that is itself one gram (홍길 → 길동's 2 characters) or one 4-digit window (the last
 * 4 phone digits) matches exactly the orders holding that gram or window: grams and windows are
 * taken within a field, so the substring check would only repeat the index's answer. Leaving it
 * out matters beyond the work saved: the planner cannot estimate LIKE '%…%' and, counting on a
 * handful of rows, would fetch every match to sort them instead of walking the sort's index.
 */
function indexAnswersExactly(terms: { text: string; grams: string[]; digits: string[] }): boolean {
  const onlyGram = terms.grams.length === 1 && terms.digits.length === 0 && terms.grams[0] === terms.text;
  const onlyWindow = terms.digits.length === 1 && terms.grams.length === 0 && terms.digits[0] === terms.text;
  return onlyGram || onlyWindow;
}

/**
 * The keyword condition (src/domain/search-terms.ts explains the columns), one semi-join on the
 * order's order_search row:
 *
 *   EXISTS (order_search of the order where
 *       order_number LIKE 'kw%'                              -- order_search_number_prefix_idx
 *       OR (search_grams @> grams(kw)                        -- GIN: 2-character grams
 *           AND search_digits @> windows(kw)                 -- GIN: 4-digit windows
 *           AND search_text LIKE '%kw%'))                    -- the actual match
 *
 * Both arms are on the one table so the planner can OR their indexes (a BitmapOr) and join the
 * few rows found; an OR between a column of `orders` and a semi-join cannot use an index at all
 * (it walked every order for an order number). Either GIN condition is left out when the keyword
 * has no grams (only digits) or no windows (no run of 4 digits). A keyword of one character, or
 * of two or three digits, has neither: it is answered by the LIKE alone, which the planner runs
 * along the sort's index, probing each order's search row by its primary key — quick for a page
 * because such keywords match many orders, but a full scan to count them.
 */
export function keywordCondition(keyword: string | undefined): SQL | undefined {
  const raw = keyword?.trim() ?? '';
  if (!raw) return undefined;
  const byNumber = raw.length >= ORDER_NUMBER_MIN_PREFIX ? sql`${orderSearch.orderNumber} like ${`${escapeLike(raw)}%`}` : undefined;
  const terms = keywordTermsOf(raw);
  const byText = terms
    ? and(
        terms.grams.length > 0 ? sql`${orderSearch.searchGrams} @> ${textArray(terms.grams)}` : undefined,
        terms.digits.length > 0 ? sql`${orderSearch.searchDigits} @> ${textArray(terms.digits)}` : undefined,
        indexAnswersExactly(terms) ? undefined : sql`${orderSearch.searchText} like ${`%${escapeLike(terms.text)}%`}`,
      )
    : undefined;
  const matches = byNumber && byText ? or(byNumber, byText) : (byNumber ?? byText);
  if (!matches) return sql`false`;
  return sql`exists (select 1 from ${orderSearch} where ${orderSearch.shopId} = ${orders.shopId} and ${orderSearch.orderId} = ${orders.id} and ${matches})`;
}
