import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { productOptions, products } from '../db/schema/index';

export type ProductRow = typeof products.$inferSelect;
export type OptionRow = typeof productOptions.$inferSelect;

/** The product a storefront knows by `externalId`; locked when it is about to be changed. */
export async function findProductByExternalId(db: Executor, shopId: number, externalId: string, lock = false): Promise<ProductRow | undefined> {
  const query = db.select().from(products).where(and(eq(products.shopId, shopId), eq(products.externalId, externalId)));
  const [row] = lock ? await query.for('update') : await query;
  return row;
}

/** Options of the products, active first, each group in the storefront's order. */
export function loadOptions(db: Executor, shopId: number, productIds: number[]): Promise<OptionRow[]> {
  if (productIds.length === 0) return Promise.resolve([]);
  return db
    .select()
    .from(productOptions)
    .where(and(eq(productOptions.shopId, shopId), inArray(productOptions.productId, productIds)))
    .orderBy(asc(sql`(case when ${productOptions.status} = 'active' then 0 else 1 end)`), asc(productOptions.position), asc(productOptions.id));
}

/** Which product of the shop holds each of these option external ids (ids nobody holds are absent). */
export async function optionOwners(db: Executor, shopId: number, externalIds: string[]): Promise<Map<string, number>> {
  if (externalIds.length === 0) return new Map();
  const rows = await db
    .select({ externalId: productOptions.externalId, productId: productOptions.productId })
    .from(productOptions)
    .where(and(eq(productOptions.shopId, shopId), inArray(productOptions.externalId, externalIds)));
  return new Map(rows.flatMap((r) => (r.externalId === null ? [] : [[r.externalId, r.productId] as const])));
}

/** The products the storefront knows by these ids, locked: a batch chunk is about to change them. */
export function lockProductsByExternalId(tx: Executor, shopId: number, externalIds: string[]): Promise<ProductRow[]> {
  if (externalIds.length === 0) return Promise.resolve([]);
  return tx
    .select()
    .from(products)
    .where(and(eq(products.shopId, shopId), inArray(products.externalId, externalIds)))
    .orderBy(asc(products.id))
    .for('update');
}

/** `%`, `_` and `\` match themselves: a keyword is text, never a pattern. */
const likePattern = (keyword: string) => `%${keyword.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * A page by Jumun id (keyset: `id > after`), which the primary key (shop_id, id) serves. The
 * keyword scan has no index on purpose, as in the staff's product search: a shop's catalog is
 * thousands of rows, not millions.
 */
export function listProductPage(
  db: Executor,
  shopId: number,
  query: { keyword?: string | undefined; status?: ProductRow['status'] | undefined; afterId: number; limit: number },
): Promise<ProductRow[]> {
  const conditions: SQL[] = [eq(products.shopId, shopId), sql`${products.id} > ${query.afterId}`];
  if (query.status) conditions.push(eq(products.status, query.status));
  if (query.keyword) {
    const pattern = likePattern(query.keyword);
    conditions.push(sql`(${products.name} ilike ${pattern} escape '\\' or ${products.externalId} ilike ${pattern} escape '\\')`);
  }
  return db.select().from(products).where(and(...conditions)).orderBy(asc(products.id)).limit(query.limit);
}
