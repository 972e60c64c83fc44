import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CatalogListResponse, CatalogProduct } from '../src/contracts/catalog';
import type { OrderDetail } from '../src/contracts/orders';
import type { Product, ProductListResponse } from '../src/contracts/products';
import { productOptions, products } from '../src/server/db/schema/index';
import { createShop } from '../src/server/shops/service';
import { cardPayment, seoulAddress } from './support/fixtures';
import { HttpClient, startTestServer, type TestServer } from './support/server';

type ErrorBody = { error: { code: string; message: string; details?: Record<string, unknown> } };

let server: TestServer;
let otherShop: HttpClient;

beforeAll(async () => {
  server = await startTestServer();
  const shop = await createShop(server.database.db, { name: '옆 가게', ownerEmail: `catalog-next${Date.now()}@test.kr`, ownerName: '박옆집', ownerPassword: 'other-password-1' });
  otherShop = new HttpClient(server.baseUrl, { authorization: `Bearer ${shop.apiKey}` });
});
afterAll(() => server.close());

const knit = (overrides: Record<string, unknown> = {}) => ({
  name: '울 니트 가디건',
  price: 59000,
  status: 'active',
  optionNames: ['색상', '사이즈'],
  options: [
    { externalId: 'knit-navy-m', values: [{ name: '사이즈', value: 'M' }, { name: '색상', value: '네이비' }], sku: 'KN-NV-M', extraPrice: 0, stock: 10 },
    { externalId: 'knit-navy-l', values: [{ name: '색상', value: '네이비' }, { name: '사이즈', value: 'L' }], sku: 'KN-NV-L', extraPrice: 2000, stock: null },
    { externalId: 'knit-ivory-m', values: [{ name: '색상', value: '아이보리' }, { name: '사이즈', value: 'M' }], extraPrice: -1000, stock: 0 },
  ],
  ...overrides,
});

const put = <T = CatalogProduct>(client: HttpClient, externalId: string, body: unknown, headers?: Record<string, string>) =>
  client.request<T & ErrorBody>('PUT', `/api/v1/catalog/products/${encodeURIComponent(externalId)}`, body, headers);

/** Every product and option row of the test shop, to prove a refused request wrote nothing. */
async function shopRows() {
  const { db } = server.database;
  const shopId = server.shop.shopId;
  return {
    products: await db.select().from(products).where(eq(products.shopId, shopId)).orderBy(asc(products.id)),
    options: await db.select().from(productOptions).where(eq(productOptions.shopId, shopId)).orderBy(asc(productOptions.id)),
  };
}

describe('PUT /api/v1/catalog/products/{externalId}', () => {
  it('creates the product with its options (201), values in the order of the option names', async () => {
    const res = await put(server.storefront, 'knit-001', knit());
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ externalId: 'knit-001', name: '울 니트 가디건', price: 59000, status: 'active', optionNames: ['색상', '사이즈'] });
    expect(res.body.options.map((o) => [o.externalId, o.name, o.sku, o.extraPrice, o.stock, o.status])).toEqual([
      ['knit-navy-m', '네이비 / M', 'KN-NV-M', 0, 10, 'active'],
      ['knit-navy-l', '네이비 / L', 'KN-NV-L', 2000, null, 'active'],
      ['knit-ivory-m', '아이보리 / M', null, -1000, 0, 'active'],
    ]);
    expect(res.body.options[0]!.values).toEqual([{ name: '색상', value: '네이비' }, { name: '사이즈', value: 'M' }]);
    expect((await server.storefront.get<CatalogProduct>('/api/v1/catalog/products/knit-001')).body).toEqual(res.body);
  });

  it('answers 200 and writes nothing when the same product is sent again', async () => {
    const before = await shopRows();
    const res = await put(server.storefront, 'knit-001', knit());
    expect(res.status).toBe(200);
    expect(await shopRows()).toEqual(before);
  });

  it('updates fields and options; an option missing from the payload becomes inactive, never deleted', async () => {
    const [first, , third] = knit().options;
    const res = await put(server.storefront, 'knit-001', knit({ name: '울 니트 가디건 (리뉴얼)', price: 61000, status: 'hidden', options: [{ ...third, stock: 5 }, first, { externalId: 'knit-black-m', values: [{ name: '색상', value: '블랙' }, { name: '사이즈', value: 'M' }], extraPrice: 0, stock: 3 }] }));
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ name: '울 니트 가디건 (리뉴얼)', price: 61000, status: 'hidden' });
    expect(res.body.options.map((o) => [o.externalId, o.status, o.stock])).toEqual([
      ['knit-ivory-m', 'active', 5],
      ['knit-navy-m', 'active', 10],
      ['knit-black-m', 'active', 3],
      ['knit-navy-l', 'inactive', null],
    ]);
    // the staff's product picker shows the hidden product with its active options only
    const picker = await server.owner.get<ProductListResponse>('/api/v1/products?keyword=리뉴얼');
    expect(picker.body.items.map((p) => [p.name, p.status, p.options.map((o) => o.name)])).toEqual([['울 니트 가디건 (리뉴얼)', 'hidden', ['아이보리 / M', '네이비 / M', '블랙 / M']]]);
  });

  it('keeps a product without option names to one default option', async () => {
    const res = await put(server.storefront, 'socks-3', { name: '면 양말 3족', price: 9900, options: [{ externalId: 'socks-3-default', sku: 'SO-3', stock: 100 }] });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.options.map((o) => [o.name, o.values, o.sku, o.stock])).toEqual([['기본', [], 'SO-3', 100]]);
  });

  it('refuses bad input with a code and writes nothing', async () => {
    await put(server.storefront, 'other-product', { name: '다른 상품', price: 1000, optionNames: ['색상'], options: [{ externalId: 'other-red', values: [{ name: '색상', value: '레드' }] }] });
    const before = await shopRows();
    const option = (externalId: string, values: Array<[string, string]>) => ({ externalId, values: values.map(([name, value]) => ({ name, value })) });
    const cases: Array<[string, unknown, number, string]> = [
      ['duplicate option ids', knit({ options: [option('dup', [['색상', 'a'], ['사이즈', 'M']]), option('dup', [['색상', 'b'], ['사이즈', 'M']])] }), 422, 'CATALOG_OPTION_ID_DUPLICATED'],
      ['option id of another product', knit({ options: [option('other-red', [['색상', '레드'], ['사이즈', 'M']])] }), 409, 'CATALOG_OPTION_ID_TAKEN'],
      ['values missing an option name', knit({ options: [option('x1', [['색상', '레드']])] }), 422, 'CATALOG_OPTION_VALUES_MISMATCH'],
      ['values naming an unknown axis', knit({ options: [option('x1', [['색상', '레드'], ['소재', '울']])] }), 422, 'CATALOG_OPTION_VALUES_MISMATCH'],
      ['the same axis twice', knit({ optionNames: ['색상', '색상'], options: [] }), 422, 'CATALOG_OPTION_NAMES_INVALID'],
      ['the same combination twice', knit({ options: [option('x1', [['색상', 'a'], ['사이즈', 'M']]), option('x2', [['색상', 'a'], ['사이즈', 'M']])] }), 422, 'CATALOG_OPTION_COMBINATION_DUPLICATED'],
      ['two options without option names', knit({ optionNames: [], options: [option('x1', []), option('x2', [])] }), 422, 'CATALOG_DEFAULT_OPTION_ONLY'],
      ['negative price', knit({ price: -1 }), 400, 'VALIDATION_FAILED'],
      ['price in a string', knit({ price: '59000' }), 400, 'VALIDATION_FAILED'],
      ['fractional won', knit({ price: 100.5 }), 400, 'VALIDATION_FAILED'],
      ['negative stock', knit({ options: [{ ...option('x1', [['색상', 'a'], ['사이즈', 'M']]), stock: -1 }] }), 400, 'VALIDATION_FAILED'],
      ['status inactive (deactivate is its own route)', knit({ status: 'inactive' }), 400, 'VALIDATION_FAILED'],
      ['blank name', knit({ name: '   ' }), 400, 'VALIDATION_FAILED'],
      ['unusable text', knit({ name: '니트\u0000' }), 400, 'INVALID_CHARACTERS'],
    ];
    for (const [what, body, status, code] of cases) {
      for (const externalId of ['knit-001', 'brand-new']) {
        const res = await put(server.storefront, externalId, body);
        expect([what, externalId, res.status, res.body.error?.code]).toEqual([what, externalId, status, code]);
      }
    }
    const badId = await put(server.storefront, ' padded', knit());
    expect([badId.status, badId.body.error.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect(await shopRows()).toEqual(before);
  });

  it('answers concurrent creations of one product with one product: the other request waits or is told to retry', async () => {
    const body = { name: '동시 등록', price: 1000, optionNames: ['색상'], options: [{ externalId: 'race-red', values: [{ name: '색상', value: '레드' }] }] };
    const answers = await Promise.all([put(server.storefront, 'race', body), put(server.storefront, 'race', body), put(server.storefront, 'race', body)]);
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    for (const a of answers) if (a.status === 409) expect(a.body.error.code).toBe('CATALOG_CONCURRENT_CHANGE');
    expect(statuses.every((s) => s === 200 || s === 201 || s === 409)).toBe(true);
    const rows = (await shopRows()).products.filter((p) => p.externalId === 'race');
    expect(rows).toHaveLength(1);
  });

  it('answers in English when asked', async () => {
    const res = await put(server.storefront, 'knit-001', knit({ optionNames: ['색상', '색상'], options: [] }), { 'accept-language': 'en' });
    expect(res.body.error.message).toBe('Option names (optionNames) must be non-empty and distinct.');
  });

  it('honours an Idempotency-Key', async () => {
    const headers = { 'idempotency-key': 'put-towel-1' };
    const first = await put(server.storefront, 'towel', { name: '수건', price: 5000 }, headers);
    const again = await put(server.storefront, 'towel', { name: '수건', price: 5000 }, headers);
    expect([first.status, again.status, again.headers.get('idempotent-replayed')]).toEqual([201, 201, 'true']);
    const other = await put(server.storefront, 'towel', { name: '수건', price: 6000 }, headers);
    expect([other.status, other.body.error.code]).toEqual([422, 'IDEMPOTENCY_KEY_REUSED']);
  });
});

describe('access and shop isolation', () => {
  it('lets API keys, managers and owners in; refuses viewers and staff (403)', async () => {
    for (const role of ['viewer', 'staff'] as const) {
      const client = await server.addStaff(role);
      expect((await client.get<ErrorBody>('/api/v1/catalog/products')).body.error.code).toBe('FORBIDDEN');
      const res = await put(client, 'knit-001', knit());
      expect([role, res.status, res.body.error.code]).toEqual([role, 403, 'FORBIDDEN']);
      expect((await client.post<ErrorBody>('/api/v1/catalog/products/knit-001/deactivate')).status).toBe(403);
    }
    const manager = await server.addStaff('manager');
    expect((await manager.get('/api/v1/catalog/products/knit-001')).status).toBe(200);
    expect((await put(manager, 'manager-made', { name: '매니저 등록 상품', price: 1000 })).status).toBe(201);
    expect((await put(server.owner, 'manager-made', { name: '매니저 등록 상품', price: 1200 })).status).toBe(200);
    expect((await server.anonymous().get<ErrorBody>('/api/v1/catalog/products')).status).toBe(401);
  });

  it('never shows or touches another shop’s products, whose ids are its own', async () => {
    expect((await otherShop.get<ErrorBody>('/api/v1/catalog/products/knit-001')).body.error.code).toBe('CATALOG_EXTERNAL_PRODUCT_NOT_FOUND');
    expect((await otherShop.post<ErrorBody>('/api/v1/catalog/products/knit-001/deactivate')).status).toBe(404);
    expect((await otherShop.get<CatalogListResponse>('/api/v1/catalog/products')).body.items).toEqual([]);
    const before = await shopRows();
    // the same product and option ids in another shop are that shop's own product
    const theirs = await put(otherShop, 'knit-001', knit({ name: '옆 가게 니트' }));
    expect(theirs.status, JSON.stringify(theirs.body)).toBe(201);
    expect(await shopRows()).toEqual(before);
    expect((await server.storefront.get<CatalogProduct>('/api/v1/catalog/products/knit-001')).body.name).toBe('울 니트 가디건 (리뉴얼)');
  });
});

describe('GET /api/v1/catalog/products', () => {
  it('pages by cursor, finds by name or external id, filters by status', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: CatalogListResponse } = await server.storefront.get<CatalogListResponse>(`/api/v1/catalog/products?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.body.items.map((p) => p.externalId ?? ''));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(['knit-001', 'socks-3', 'other-product', 'race', 'towel', 'manager-made']);
    const byKeyword = await server.storefront.get<CatalogListResponse>(`/api/v1/catalog/products?keyword=${encodeURIComponent('양말')}`);
    expect(byKeyword.body.items.map((p) => p.externalId)).toEqual(['socks-3']);
    const byId = await server.storefront.get<CatalogListResponse>('/api/v1/catalog/products?keyword=KNIT-0');
    expect(byId.body.items.map((p) => p.externalId)).toEqual(['knit-001']);
    const hidden = await server.storefront.get<CatalogListResponse>('/api/v1/catalog/products?status=hidden');
    expect(hidden.body.items.map((p) => p.externalId)).toEqual(['knit-001']);
    expect((await server.storefront.get<ErrorBody>('/api/v1/catalog/products?cursor=garbage')).body.error.code).toBe('VALIDATION_FAILED');
  });

  it('is in the OpenAPI document', async () => {
    const doc = await server.anonymous().get<{ paths: Record<string, Record<string, unknown>> }>('/api/openapi.json');
    expect(Object.keys(doc.body.paths['/api/v1/catalog/products/{externalId}'] ?? {}).sort()).toEqual(['get', 'put']);
    expect(doc.body.paths['/api/v1/catalog/products/batch']?.post).toBeDefined();
    expect(doc.body.paths['/api/v1/catalog/products/{externalId}/deactivate']?.post).toBeDefined();
  });
});

/** Places an order as a storefront would, paying what the server says the total is. */
async function placeOrder(items: unknown[]): Promise<OrderDetail> {
  const body = (amount: number) => ({ orderer: { name: '홍길동', phone: '010-1234-5678', guestPassword: '1234' }, addresses: [seoulAddress()], items, payment: cardPayment(amount) });
  const probe = await server.storefront.post<ErrorBody>('/api/v1/orders', body(1));
  expect(probe.body.error.code).toBe('PAYMENT_AMOUNT_MISMATCH');
  const res = await server.storefront.post<OrderDetail>('/api/v1/orders', body(probe.body.error.details!.expected as number));
  if (res.status !== 201) throw new Error(`order refused: ${JSON.stringify(res.body)}`);
  return res.body;
}

describe('deactivation and past orders', () => {
  it('leaves the items of past orders as they were sold when the product changes and is deactivated', async () => {
    const created = await put(server.storefront, 'shirt-9', { name: '옥스포드 셔츠', price: 39000, optionNames: ['색상'], options: [{ externalId: 'shirt-9-blue', values: [{ name: '색상', value: '블루' }], sku: 'OX-BL', extraPrice: 1000, stock: 20 }] });
    expect(created.status).toBe(201);
    const order = await placeOrder([{ productId: created.body.id, optionId: created.body.options[0]!.id, quantity: 2 }]);
    const sold = order.items.map((i) => [i.productId, i.optionId, i.productName, i.optionName, i.sku, i.unitPrice, i.quantity]);
    expect(sold).toEqual([[created.body.id, created.body.options[0]!.id, '옥스포드 셔츠', '블루', 'OX-BL', 40000, 2]]);

    const renamed = await put(server.storefront, 'shirt-9', { name: '옥스포드 셔츠 NEW', price: 45000, optionNames: ['컬러'], options: [{ externalId: 'shirt-9-blue', values: [{ name: '컬러', value: '스카이블루' }], sku: 'OX-SB', extraPrice: 0, stock: 1 }] });
    expect(renamed.status).toBe(200);
    expect((await server.storefront.post('/api/v1/catalog/products/shirt-9/deactivate')).status).toBe(200);
    const after = await server.owner.get<OrderDetail>(`/api/v1/orders/${order.id}`);
    expect(after.body.items.map((i) => [i.productId, i.optionId, i.productName, i.optionName, i.sku, i.unitPrice, i.quantity])).toEqual(sold);
    expect(after.body.version).toBe(order.version);
  });

  it('deactivates the product and every option, idempotently; a PUT reactivates it', async () => {
    const first = await server.storefront.post<CatalogProduct>('/api/v1/catalog/products/socks-3/deactivate');
    expect(first.status).toBe(200);
    expect([first.body.status, first.body.options.map((o) => o.status)]).toEqual(['inactive', ['inactive']]);
    const before = await shopRows();
    const again = await server.storefront.post<CatalogProduct>('/api/v1/catalog/products/socks-3/deactivate');
    expect(again.body).toEqual(first.body);
    expect(await shopRows()).toEqual(before);
    expect((await server.owner.get<ProductListResponse>(`/api/v1/products?keyword=${encodeURIComponent('양말')}`)).body.items).toEqual([]);
    // the staff's product screen, which past orders link to, still shows it, as deactivated
    const staffView = await server.owner.get<Product>(`/api/v1/products/${first.body.id}`);
    expect([staffView.body.status, staffView.body.externalId, staffView.body.options]).toEqual(['inactive', 'socks-3', []]);
    expect((await server.storefront.post<ErrorBody>('/api/v1/catalog/products/no-such/deactivate')).body.error.code).toBe('CATALOG_EXTERNAL_PRODUCT_NOT_FOUND');

    const back = await put(server.storefront, 'socks-3', { name: '면 양말 3족', price: 9900, options: [{ externalId: 'socks-3-default', sku: 'SO-3', stock: 100 }] });
    expect([back.status, back.body.status, back.body.options.map((o) => o.status)]).toEqual([200, 'active', ['active']]);
    expect((await server.owner.get<ProductListResponse>(`/api/v1/products?keyword=${encodeURIComponent('양말')}`)).body.items.map((p) => p.name)).toEqual(['면 양말 3족']);
  });
});
