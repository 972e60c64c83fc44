import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Product, ProductListResponse } from '../src/contracts/products';
import { products } from '../src/server/db/schema/index';
import { createShop } from '../src/server/shops/service';
import { addProduct } from './support/fixtures';
import { startTestServer, type HttpClient, type TestServer } from './support/server';

type ErrorBody = { error: { code: string; details?: Record<string, unknown> } };

let server: TestServer;
let viewer: HttpClient;
let other: HttpClient;
let granola: { productId: number; optionIds: number[] };
let granolaBar: { productId: number; optionIds: number[] };
let hiddenGranola: { productId: number; optionIds: number[] };
let foreign: { productId: number; optionIds: number[] };

/** The shop's catalog: Korean names (some sharing the fragment 그래), Latin letters in both cases, wildcard characters. */
beforeAll(async () => {
  server = await startTestServer();
  viewer = await server.addStaff('viewer');
  const { db } = server.database;
  const shopId = server.shop.shopId;
  granola = await addProduct(db, shopId, {
    name: '수제 그래놀라 500g',
    price: 12900,
    options: [
      { name: '맛: 오리지널', extraPrice: 0 },
      { name: '맛: 초코', extraPrice: 500, stock: 40 },
    ],
  });
  granolaBar = await addProduct(db, shopId, { name: '그래놀라 바 12개입', price: 15000 });
  hiddenGranola = await addProduct(db, shopId, { name: '가을 한정 그래놀라', price: 9900 });
  await db.update(products).set({ status: 'hidden' }).where(and(eq(products.shopId, shopId), eq(products.id, hiddenGranola.productId)));
  await addProduct(db, shopId, { name: '데일리 선크림 SPF50+', price: 16900, options: [{ name: '타입: 무기자차' }, { name: '타입: 혼합자차', extraPrice: -1000 }] });
  await addProduct(db, shopId, { name: '순면 100% 수건', price: 24900 });
  await addProduct(db, shopId, { name: '순면 1000 수건', price: 19900 });
  await addProduct(db, shopId, { name: 'USB_C 케이블', price: 7900 });
  await addProduct(db, shopId, { name: 'USB-C 충전기', price: 25900 });
  for (const name of ['캔버스 에코백', '린넨 반팔 셔츠', '볼캡 모자', '콜드브루 원액 1L', '히알루론산 세럼 50ml']) await addProduct(db, shopId, { name, price: 10000 });

  const shop = await createShop(db, { name: '옆 가게', ownerEmail: `next${Date.now()}@test.kr`, ownerName: '박옆집', ownerPassword: 'other-password-1' });
  other = await server.signIn(shop.ownerEmail, 'other-password-1');
  foreign = await addProduct(db, shop.shopId, { name: '옆 가게 그래놀라', price: 11000, options: [{ name: '맛: 꿀' }] });
});
afterAll(() => server.close());

const search = async (client: HttpClient, params: Record<string, string | number>) => {
  const query = new URLSearchParams(Object.fromEntries(Object.entries(params).map(([k, v]) => [k, String(v)]))).toString();
  const res = await client.get<ProductListResponse>(`/api/v1/products${query ? `?${query}` : ''}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
};
const names = (page: ProductListResponse) => page.items.map((p) => p.name);

describe('product search (GET /api/v1/products)', () => {
  it('finds products by any part of the name, two Korean syllables are enough; on sale first, then by name', async () => {
    expect(names(await search(server.owner, { keyword: '그래' }))).toEqual(['그래놀라 바 12개입', '수제 그래놀라 500g', '가을 한정 그래놀라']);
    expect(names(await search(server.owner, { keyword: '놀라 5' }))).toEqual(['수제 그래놀라 500g']);
    expect(names(await search(server.owner, { keyword: '  에코백 ' }))).toEqual(['캔버스 에코백']);
    expect(names(await search(server.owner, { keyword: '없는상품' }))).toEqual([]);
  });

  it('ignores case, and takes % _ \\ as plain characters', async () => {
    for (const keyword of ['spf', 'SPF50', 'Spf50+']) expect(names(await search(server.owner, { keyword })), keyword).toEqual(['데일리 선크림 SPF50+']);
    expect(names(await search(server.owner, { keyword: '100%' }))).toEqual(['순면 100% 수건']);
    expect(names(await search(server.owner, { keyword: '%' }))).toEqual(['순면 100% 수건']);
    expect(names(await search(server.owner, { keyword: 'usb_' }))).toEqual(['USB_C 케이블']);
    expect(names(await search(server.owner, { keyword: '_' }))).toEqual(['USB_C 케이블']);
    expect(names(await search(server.owner, { keyword: '\\' }))).toEqual([]);
  });

  it('lists each product with its price, status and options (extra price, stock or null)', async () => {
    const [bar, withOptions, hidden] = (await search(server.owner, { keyword: '그래놀라' })).items;
    expect(withOptions).toEqual<Product>({
      id: granola.productId,
      externalId: null,
      name: '수제 그래놀라 500g',
      price: 12900,
      status: 'active',
      optionNames: [],
      options: [
        { id: granola.optionIds[0]!, name: '맛: 오리지널', values: [], sku: `SKU-${granola.productId}-0`, extraPrice: 0, stock: null },
        { id: granola.optionIds[1]!, name: '맛: 초코', values: [], sku: `SKU-${granola.productId}-1`, extraPrice: 500, stock: 40 },
      ],
    });
    expect(bar).toEqual<Product>({ id: granolaBar.productId, externalId: null, name: '그래놀라 바 12개입', price: 15000, status: 'active', optionNames: [], options: [] });
    expect(hidden).toMatchObject({ id: hiddenGranola.productId, status: 'hidden', options: [] });
    const sunscreen = (await search(server.owner, { keyword: '선크림' })).items[0]!;
    expect(sunscreen.options.map((o) => [o.name, o.extraPrice])).toEqual([
      ['타입: 무기자차', 0],
      ['타입: 혼합자차', -1000],
    ]);
  });

  it('pages by cursor through the whole catalog, every product once, in the order of one long page', async () => {
    const all = await search(server.owner, { limit: 100 });
    expect(all.nextCursor).toBeNull();
    expect(all.items).toHaveLength(13);
    expect(all.items.at(-1)?.name).toBe('가을 한정 그래놀라');
    const seen: Product[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: ProductListResponse = await search(server.owner, { limit: 3, ...(cursor ? { cursor } : {}) });
      expect(page.items.length).toBeLessThanOrEqual(3);
      seen.push(...page.items);
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor);
    expect(pages).toBe(5);
    expect(seen).toEqual(all.items);

    // with a keyword, and a last page that is exactly full
    const first = await search(server.owner, { keyword: '그래', limit: 2 });
    expect(names(first)).toEqual(['그래놀라 바 12개입', '수제 그래놀라 500g']);
    const second = await search(server.owner, { keyword: '그래', limit: 2, cursor: first.nextCursor! });
    expect([names(second), second.nextCursor]).toEqual([['가을 한정 그래놀라'], null]);
    const exact = await search(server.owner, { keyword: '순면', limit: 2 });
    expect([exact.items.length, exact.nextCursor]).toEqual([2, null]);
  });

  it('refuses a malformed cursor or limit', async () => {
    for (const query of ['cursor=not-a-cursor', `cursor=${Buffer.from('{"r":2,"n":"a","i":1}').toString('base64url')}`, 'limit=0', 'limit=101', 'limit=many']) {
      const res = await server.owner.get<ErrorBody>(`/api/v1/products?${query}`);
      expect([res.status, res.body.error.code], query).toEqual([400, 'VALIDATION_FAILED']);
    }
  });

  it('shows only the shop’s own catalog', async () => {
    expect(names(await search(server.owner, { keyword: '옆 가게' }))).toEqual([]);
    expect(names(await search(other, { keyword: '그래' }))).toEqual(['옆 가게 그래놀라']);
  });
});

describe('one product (GET /api/v1/products/{productId})', () => {
  it('answers the product with its options, as the list does', async () => {
    const res = await server.owner.get<Product>(`/api/v1/products/${granola.productId}`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual((await search(server.owner, { keyword: '수제 그래놀라' })).items[0]);
    expect((await server.owner.get<Product>(`/api/v1/products/${hiddenGranola.productId}`)).body).toMatchObject({ status: 'hidden' });
  });

  it('answers 404 for another shop’s product, as for one that does not exist', async () => {
    for (const productId of [foreign.productId, 99_999_999]) {
      const res = await server.owner.get<ErrorBody>(`/api/v1/products/${productId}`);
      expect([res.status, res.body.error.code, res.body.error.details?.productId]).toEqual([404, 'CATALOG_PRODUCT_NOT_FOUND', productId]);
    }
    expect((await other.get<Product>(`/api/v1/products/${foreign.productId}`)).body.name).toBe('옆 가게 그래놀라');
    const english = await server.owner.get<{ error: { message: string } }>(`/api/v1/products/${foreign.productId}`, { 'accept-language': 'en' });
    expect(english.body.error.message).toBe('The product was not found.');
    expect((await server.owner.get<ErrorBody>('/api/v1/products/abc')).status).toBe(400);
  });
});

describe('who may read the catalog', () => {
  it('viewers and API keys read it; without signing in nobody does', async () => {
    expect(names(await search(viewer, { keyword: '그래놀라 바' }))).toEqual(['그래놀라 바 12개입']);
    expect((await viewer.get(`/api/v1/products/${granola.productId}`)).status).toBe(200);
    expect(names(await search(server.storefront, { keyword: '에코백' }))).toEqual(['캔버스 에코백']);
    for (const path of ['/api/v1/products', `/api/v1/products/${granola.productId}`]) {
      const res = await server.anonymous().get<ErrorBody>(path);
      expect([res.status, res.body.error.code], path).toEqual([401, 'UNAUTHENTICATED']);
    }
  });
});
