import { and, asc, eq, getTableColumns, inArray, ne, sql, type SQL } from 'drizzle-orm';
import type { Product, ProductListResponse } from '../../contracts/products';
import type { Executor } from '../db/client';
import { productOptions, products } from '../db/schema/index';
import { AppError } from '../http/errors';
import { isUsableText } from '../http/input-guard';

type ProductRow = typeof products.$inferSelect;

/**
 * The catalog for staff to pick from: search by part of the name, products on sale first.
 *
 * No index serves the name search, on purpose: a shop's catalog is small (hundreds to a few
 * thousand products), `shop_id` leads the primary key, and an ILIKE over that many names takes
 * well under a millisecond. Orders need gram indexes (millions of rows); products do not.
 */

/** 0 for products on sale, 1 for hidden ones: the first sort key. */
const rank = sql<number>`(case when ${products.status} = 'active' then 0 else 1 end)`;
/**
 * By name in code-point order ("C"), so PGlite and every PostgreSQL server agree and a cursor
 * compares the way the page was sorted. Precomposed Hangul syllables are in 가나다 order there;
 * lower() keeps Latin names from sorting upper case first.
 */
const nameKey = sql<string>`(lower(${products.name}) collate "C")`;

interface Cursor {
  rank: number;
  name: string;
  id: number;
}

/** The sort key as the database computed it (its lower() may differ from JavaScript's beyond ASCII). */
function encodeCursor(row: { status: ProductRow['status']; sortName: string; id: number }): string {
  const body = { r: row.status === 'active' ? 0 : 1, n: row.sortName, i: row.id };
  return Buffer.from(JSON.stringify(body)).toString('base64url');
}

function decodeCursor(value: string): Cursor {
  let body: { r?: unknown; n?: unknown; i?: unknown } = {};
  try {
    body = JSON.parse(Buffer.from(value, 'base64url').toString()) as typeof body;
  } catch {
    // falls through to the refusal below
  }
  if ((body.r !== 0 && body.r !== 1) || typeof body.n !== 'string' || !isUsableText(body.n) || !Number.isSafeInteger(body.i)) {
    throw new AppError('VALIDATION_FAILED', { field: 'cursor', reason: 'not a cursor of the product list' });
  }
  return { rank: body.r, name: body.n, id: body.i as number };
}

/** `%`, `_` and `\` match themselves: a keyword is text, never a pattern. */
const likePattern = (keyword: string) => `%${keyword.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

async function withOptions(db: Executor, shopId: number, rows: ProductRow[]): Promise<Product[]> {
  if (rows.length === 0) return [];
  const options = await db
    .select({ id: productOptions.id, productId: productOptions.productId, name: productOptions.name, values: productOptions.optionValues, sku: productOptions.sku, extraPrice: productOptions.extraPrice, stock: productOptions.stock })
    .from(productOptions)
    .where(and(eq(productOptions.shopId, shopId), inArray(productOptions.productId, rows.map((r) => r.id)), eq(productOptions.status, 'active')))
    .orderBy(asc(productOptions.position), asc(productOptions.id));
  return rows.map((row) => ({
    id: row.id,
    externalId: row.externalId,
    name: row.name,
    price: row.price,
    // listProducts never returns deactivated products; getProduct does, for the product screen that past orders link to
    status: row.status,
    optionNames: row.optionNames,
    options: options.filter((o) => o.productId === row.id).map(({ id, name, values, sku, extraPrice, stock }) => ({ id, name, values, sku, extraPrice, stock })),
  }));
}

export async function listProducts(db: Executor, shopId: number, query: { keyword?: string | undefined; limit: number; cursor?: string | undefined }): Promise<ProductListResponse> {
  const conditions: SQL[] = [eq(products.shopId, shopId), ne(products.status, 'inactive')];
  if (query.keyword) conditions.push(sql`${products.name} ilike ${likePattern(query.keyword)} escape '\\'`);
  if (query.cursor) {
    const after = decodeCursor(query.cursor);
    conditions.push(sql`(${rank}, ${nameKey}, ${products.id}) > (${after.rank}::int, (${after.name}::text collate "C"), ${after.id}::bigint)`);
  }
  const rows = await db
    .select({ ...getTableColumns(products), sortName: sql<string>`lower(${products.name})` })
    .from(products)
    .where(and(...conditions))
    .orderBy(rank, nameKey, asc(products.id))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  return { items: await withOptions(db, shopId, page.map(({ sortName: _sortName, ...row }) => row)), nextCursor: rows.length > query.limit && last ? encodeCursor(last) : null };
}

/** Another shop's product is not found, exactly like one that does not exist. */
export async function getProduct(db: Executor, shopId: number, productId: number): Promise<Product> {
  const [row] = await db.select().from(products).where(and(eq(products.shopId, shopId), eq(products.id, productId)));
  if (!row) throw new AppError('CATALOG_PRODUCT_NOT_FOUND', { productId });
  const [product] = await withOptions(db, shopId, [row]);
  if (!product) throw new Error('expected the product with its options');
  return product;
}
