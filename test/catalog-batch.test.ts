import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CatalogBatchResponse, CatalogProduct } from '../src/contracts/catalog';
import { productOptions, products } from '../src/server/db/schema/index';
import { startTestServer, type TestServer } from './support/server';

type ErrorBody = { error: { code: string; message: string; details?: Record<string, unknown> } };

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const BATCH = '/api/v1/catalog/products/batch';

/** A storefront's catalog of `n` products, each with two sizes; `version` changes the prices. */
const catalog = (n: number, version = 0) =>
  Array.from({ length: n }, (_, i) => ({
    externalId: `p-${i}`,
    name: `상품 ${i}`,
    price: 10000 + i + version,
    optionNames: ['사이즈'],
    options: ['S', 'M'].map((size) => ({ externalId: `p-${i}-${size}`, values: [{ name: '사이즈', value: size }], sku: `SKU-${i}-${size}`, extraPrice: size === 'M' ? 500 : 0, stock: i % 3 === 0 ? null : 7 })),
  }));

async function shopRows() {
  const { db } = server.database;
  const shopId = server.shop.shopId;
  return {
    products: await db.select().from(products).where(eq(products.shopId, shopId)).orderBy(asc(products.id)),
    options: await db.select().from(productOptions).where(eq(productOptions.shopId, shopId)).orderBy(asc(productOptions.id)),
  };
}

describe('POST /api/v1/catalog/products/batch', () => {
  it('syncs 1,000 products, then answers unchanged for the same 1,000 and writes nothing', async () => {
    const first = await server.storefront.post<CatalogBatchResponse>(BATCH, { products: catalog(1000) });
    expect(first.status, JSON.stringify(first.body).slice(0, 500)).toBe(200);
    expect(first.body.counts).toEqual({ created: 1000, updated: 0, unchanged: 0, refused: 0 });
    expect(first.body.results.map((r) => r.index)).toEqual(Array.from({ length: 1000 }, (_, i) => i));
    const stored = await shopRows();
    expect([stored.products.length, stored.options.length]).toEqual([1000, 2000]);

    const again = await server.storefront.post<CatalogBatchResponse>(BATCH, { products: catalog(1000) });
    expect(again.body.counts).toEqual({ created: 0, updated: 0, unchanged: 1000, refused: 0 });
    expect(again.body.results.map((r) => r.productId)).toEqual(first.body.results.map((r) => r.productId));
    expect(await shopRows()).toEqual(stored);

    const p7 = await server.storefront.get<CatalogProduct>('/api/v1/catalog/products/p-7');
    expect(p7.body.options.map((o) => [o.name, o.sku, o.extraPrice, o.stock])).toEqual([
      ['S', 'SKU-7-S', 0, 7],
      ['M', 'SKU-7-M', 500, 7],
    ]);
  });

  it('applies good rows and refuses bad ones, each with its code', async () => {
    const rows: unknown[] = catalog(5, 100);
    rows[1] = { ...catalog(2)[1], price: -5 }; // malformed
    rows[2] = { ...catalog(3)[2], options: [{ externalId: 'p-0-S', values: [{ name: '사이즈', value: 'XL' }] }] }; // p-0's option id
    rows.push({ ...catalog(1)[0], name: '두 번째 p-0' }); // the same product again
    rows.push('not a product');
    rows.push({ externalId: 'new-1', name: '새 상품', price: 3000 });
    rows.push({ externalId: 'new-2', name: '새 상품 2', price: 3000, optionNames: ['색상'], options: [{ externalId: 'c', values: [{ name: '사이즈', value: 'S' }] }] });
    const res = await server.storefront.post<CatalogBatchResponse>(BATCH, { products: rows }, { 'accept-language': 'en' });
    expect(res.status).toBe(200);
    expect(res.body.results.map((r) => [r.index, r.externalId, r.outcome, r.error?.code ?? null])).toEqual([
      [0, 'p-0', 'updated', null],
      [1, 'p-1', 'refused', 'VALIDATION_FAILED'],
      [2, 'p-2', 'refused', 'CATALOG_OPTION_ID_TAKEN'],
      [3, 'p-3', 'updated', null],
      [4, 'p-4', 'updated', null],
      [5, 'p-0', 'refused', 'CATALOG_PRODUCT_ID_REPEATED'],
      [6, null, 'refused', 'VALIDATION_FAILED'],
      [7, 'new-1', 'created', null],
      [8, 'new-2', 'refused', 'CATALOG_OPTION_VALUES_MISMATCH'],
    ]);
    expect(res.body.results[2]!.error!.message).toBe('This option external id already belongs to another product of the shop.');
    expect(res.body.counts).toEqual({ created: 1, updated: 3, unchanged: 0, refused: 5 });
    const get = async (id: string) => (await server.storefront.get<CatalogProduct & ErrorBody>(`/api/v1/catalog/products/${id}`)).body;
    expect([(await get('p-0')).price, (await get('p-0')).name, (await get('p-1')).price, (await get('p-2')).price]).toEqual([10100, '상품 0', 10001, 10002]);
    expect((await get('new-2')).error.code).toBe('CATALOG_EXTERNAL_PRODUCT_NOT_FOUND');
  });

  it('refuses a row whose option id an earlier row of the same batch just took', async () => {
    const option = { externalId: 'shared-opt', values: [{ name: '색상', value: '레드' }] };
    const rows = [
      { externalId: 'first-taker', name: '먼저', price: 1000, optionNames: ['색상'], options: [option] },
      { externalId: 'second-taker', name: '나중', price: 1000, optionNames: ['색상'], options: [option] },
    ];
    const res = await server.storefront.post<CatalogBatchResponse>(BATCH, { products: rows });
    expect(res.body.results.map((r) => [r.externalId, r.outcome, r.error?.code ?? null])).toEqual([
      ['first-taker', 'created', null],
      ['second-taker', 'refused', 'CATALOG_OPTION_ID_TAKEN'],
    ]);
  });

  it('refuses more than 1,000 rows (413) and writes nothing', async () => {
    const before = await shopRows();
    const res = await server.storefront.post<ErrorBody>(BATCH, { products: catalog(1001, 5) });
    expect([res.status, res.body.error.code]).toEqual([413, 'CATALOG_BATCH_TOO_LARGE']);
    expect((await server.storefront.post<ErrorBody>(BATCH, { products: [] })).status).toBe(400);
    expect((await server.storefront.post<ErrorBody>(BATCH, { products: [{ externalId: 'x', name: 'bad\u0001', price: 1 }] })).body.error.code).toBe('INVALID_CHARACTERS');
    expect(await shopRows()).toEqual(before);
  });

  it('answers a repeat with the same Idempotency-Key with the first answer; another body with the key is refused', async () => {
    const headers = { 'idempotency-key': 'batch-42' };
    const rows = [{ externalId: 'idem-1', name: '한 번만', price: 1000 }];
    const first = await server.storefront.post<CatalogBatchResponse>(BATCH, { products: rows }, headers);
    const again = await server.storefront.post<CatalogBatchResponse>(BATCH, { products: rows }, headers);
    expect(first.body.results[0]!.outcome).toBe('created');
    expect([again.body, again.headers.get('idempotent-replayed')]).toEqual([first.body, 'true']);
    const other = await server.storefront.post<ErrorBody>(BATCH, { products: [{ ...rows[0], price: 2000 }] }, headers);
    expect([other.status, other.body.error.code]).toEqual([422, 'IDEMPOTENCY_KEY_REUSED']);
  });

  it('is for the storefront and managers only', async () => {
    const staff = await server.addStaff('staff');
    expect((await staff.post<ErrorBody>(BATCH, { products: [{ externalId: 'x', name: 'x', price: 1 }] })).status).toBe(403);
  });
});
