import { and, or, sql, type SQL } from 'drizzle-orm';
import { keywordTermsOf } from '../../domain/search-terms';
import { orders } from '../db/schema/index';
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
 * The keyword condition (src/domain/search-terms.ts explains the columns):
 *
 *   order_number LIKE 'kw%'                                  -- orders_number_prefix_idx
 *   OR (search_grams @> grams(kw)                            -- GIN: 2-character grams
 *       AND search_digits @> windows(kw)                     -- GIN: 4-digit windows
 *       AND search_text LIKE '%kw%')                         -- the actual match
 *
 * Either GIN condition is left out when the keyword has no grams (only digits) or no windows (no
 * run of 4 digits). A keyword of one character, or of two or three digits, has neither: it is
 * answered by the LIKE alone, which the planner runs along the sort's index — quick for a page
 * because such keywords match many orders, but a full scan to count them.
 */
export function keywordCondition(keyword: string | undefined): SQL | undefined {
  const raw = keyword?.trim() ?? '';
  if (!raw) return undefined;
  const byNumber = raw.length >= ORDER_NUMBER_MIN_PREFIX ? sql`${orders.orderNumber} like ${`${escapeLike(raw)}%`}` : undefined;
  const terms = keywordTermsOf(raw);
  if (!terms) return byNumber ?? sql`false`;
  const byText = and(
    terms.grams.length > 0 ? sql`${orders.searchGrams} @> ${textArray(terms.grams)}` : undefined,
    terms.digits.length > 0 ? sql`${orders.searchDigits} @> ${textArray(terms.digits)}` : undefined,
    indexAnswersExactly(terms) ? undefined : sql`${orders.searchText} like ${`%${escapeLike(terms.text)}%`}`,
  );
  return byNumber ? or(byNumber, byText) : byText;
}
