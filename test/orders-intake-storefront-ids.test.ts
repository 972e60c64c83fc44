import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CheckoutQuote, OrderDetail } from '../src/contracts/orders';
import { countRows } from '../src/server/db/client';
import { coupons, customerCoupons, customers, orders, productOptions, products } from '../src/server/db/schema/index';
import { createShop } from '../src/server/shops/service';
import { addMember, addProduct, cardPayment, pointsOf, seoulAddress, stockOf } from './support/fixtures';
import { HttpClient, startTestServer, type TestServer } from './support/server';

/**
 * A storefront hands orders in by its own ids: its member id, its product and variant ids and the
 * id of the coupon it issued — as it synced them — instead of Jumun's numeric ids.
 */

type ErrorBody = { error: { code: string; message: string; details?: Record<string, unknown> } };

let server: TestServer;
let jacket: { productId: number; optionIds: number[] };
let member: { customerId: number; customerCouponId?: number | undefined };

async function setExternalIds(db: TestServer['database']['db'], shopId: number) {
  await db.update(products).set({ externalId: 'P-JACKET' }).where(and(eq(products.shopId, shopId), eq(products.id, jacket.productId)));
  await db.update(productOptions).set({ externalId: 'V-JACKET-M' }).where(and(eq(productOptions.shopId, shopId), eq(productOptions.id, jacket.optionIds[0]!)));
  await db.update(productOptions).set({ externalId: 'V-JACKET-L' }).where(and(eq(productOptions.shopId, shopId), eq(productOptions.id, jacket.optionIds[1]!)));
  await db.update(customers).set({ externalId: 'M-1001' }).where(and(eq(customers.shopId, shopId), eq(customers.id, member.customerId)));
  await db.update(customerCoupons).set({ externalId: 'IC-77' }).where(and(eq(customerCoupons.shopId, shopId), eq(customerCoupons.id, member.customerCouponId!)));
}

beforeAll(async () => {
  server = await startTestServer();
  const { db } = server.database;
  const shopId = server.shop.shopId;
  jacket = await addProduct(db, shopId, { name: '경량 패딩 재킷', price: 89000, options: [{ name: '사이즈: M', stock: 10 }, { name: '사이즈: L', extraPrice: 3000, stock: 10 }] });
  member = await addMember(db, shopId, { name: '박회원', gradeName: '골드', points: 5000, couponName: '10% 할인 (최대 10,000원)' });
  await setExternalIds(db, shopId);
});
afterAll(() => server.close());

const orderCount = () => countRows(server.database.db, sql`select count(*) as n from ${orders} where ${orders.shopId} = ${server.shop.shopId}`);

function memberOrder(overrides: Record<string, unknown> = {}) {
  return {
    orderer: { memberExternalId: 'M-1001', name: '박회원', phone: '010-2222-3333' },
    addresses: [seoulAddress()],
    items: [{ productExternalId: 'P-JACKET', optionExternalId: 'V-JACKET-L', quantity: 1, unitPrice: 92000 }],
    discounts: { issuedCouponExternalId: 'IC-77', pointsUsed: 1000 },
    // 골드 3%: 92,000 → 2,760 off = 89,240; coupon 10% capped at 10,000 → 8,924; points 1,000 → 79,316
    payment: cardPayment(79316),
    ...overrides,
  };
}

describe('POST /api/v1/orders by the storefront’s own ids', () => {
  it('quotes the checkout exactly as intake will charge it, and spends nothing', async () => {
    const { payment: _, ...checkout } = memberOrder();
    const quote = await server.storefront.post<CheckoutQuote>('/api/v1/orders/quote', checkout);
    expect(quote.status).toBe(200);
    expect(quote.body).toEqual({
      items: [{ productName: '경량 패딩 재킷', optionName: '사이즈: L', unitPrice: 92000, quantity: 1, gradeDiscountPerUnit: 2760, couponShare: 8924, pointsShare: 1000, amount: 89240 }],
      member: { gradeName: '골드', gradeDiscountRate: 3, pointsBalance: 5000 },
      totals: { itemsSubtotal: 92000, gradeDiscount: 2760, couponDiscount: 8924, pointsUsed: 1000, shippingFee: 0, remoteShippingFee: 0, total: 79316 },
    });
    const { db } = server.database;
    expect(await pointsOf(db, server.shop.shopId, member.customerId)).toBe(5000);
    expect(await stockOf(db, server.shop.shopId, jacket.optionIds[1]!)).toBe(10);
    const refused = await server.storefront.post<ErrorBody>('/api/v1/orders/quote', { ...checkout, items: [{ productExternalId: 'P-404', quantity: 1 }] });
    expect([refused.status, refused.body.error.code, refused.body.error.details?.path]).toEqual([422, 'PRODUCT_NOT_FOUND', 'items[0].productExternalId']);
  });

  it('takes a member order with grade, coupon and points named by the storefront’s ids', async () => {
    const res = await server.storefront.post<OrderDetail>('/api/v1/orders', memberOrder());
    expect(res.status).toBe(201);
    expect(res.body.orderer).toMatchObject({ customerId: member.customerId, isMember: true, gradeName: '골드' });
    expect(res.body.items.map((i) => [i.productId, i.optionId, i.productName, i.optionName, i.unitPrice])).toEqual([
      [jacket.productId, jacket.optionIds[1], '경량 패딩 재킷', '사이즈: L', 92000],
    ]);
    expect(res.body.totals).toMatchObject({ gradeDiscount: 2760, couponDiscount: 8924, pointsUsed: 1000, orderTotal: 79316, balanceDue: 0 });
    const { db } = server.database;
    expect(await pointsOf(db, server.shop.shopId, member.customerId)).toBe(4000);
    expect(await stockOf(db, server.shop.shopId, jacket.optionIds[1]!)).toBe(9);
    const [coupon] = await db.select().from(customerCoupons).where(and(eq(customerCoupons.shopId, server.shop.shopId), eq(customerCoupons.externalId, 'IC-77')));
    expect(coupon).toMatchObject({ status: 'used', usedOrderId: res.body.id });
  });

  it('takes a guest order with no member at all', async () => {
    const res = await server.storefront.post<OrderDetail>('/api/v1/orders', {
      orderer: { name: '손님', phone: '010-9999-0000', guestPassword: 'guest-1234' },
      addresses: [seoulAddress()],
      items: [{ productExternalId: 'P-JACKET', optionExternalId: 'V-JACKET-M', quantity: 2 }],
      payment: cardPayment(178000),
    });
    expect(res.status).toBe(201);
    expect(res.body.orderer).toMatchObject({ customerId: null, isMember: false });
  });

  const refusals: Array<[string, Record<string, unknown>, string, string]> = [
    ['an unknown member id', { orderer: { memberExternalId: 'M-404', name: '박회원', phone: '010-2222-3333' } }, 'CUSTOMER_NOT_FOUND', 'orderer.memberExternalId'],
    ['an unknown product id', { items: [{ productExternalId: 'P-404', quantity: 1 }] }, 'PRODUCT_NOT_FOUND', 'items[0].productExternalId'],
    [
      'a variant of another product',
      { items: [{ productExternalId: 'P-JACKET', optionExternalId: 'V-JACKET-M', quantity: 1 }, { productExternalId: 'P-JACKET', optionExternalId: 'V-NOPE', quantity: 1 }] },
      'OPTION_NOT_FOUND',
      'items[1].optionExternalId',
    ],
    ['a product with variants but none named', { items: [{ productExternalId: 'P-JACKET', quantity: 1 }] }, 'OPTION_REQUIRED', 'items[0].optionExternalId'],
    ['an unknown issued coupon', { discounts: { issuedCouponExternalId: 'IC-404', pointsUsed: 0 } }, 'COUPON_NOT_AVAILABLE', 'discounts.issuedCouponExternalId'],
    ['a used issued coupon', { discounts: { issuedCouponExternalId: 'IC-77', pointsUsed: 0 } }, 'COUPON_NOT_AVAILABLE', 'discounts.issuedCouponExternalId'],
    ['a stale price', { items: [{ productExternalId: 'P-JACKET', optionExternalId: 'V-JACKET-L', quantity: 1, unitPrice: 89000 }] }, 'PRICE_MISMATCH', 'items[0].unitPrice'],
  ];
  it.each(refusals)('refuses %s with 422 naming the field, and writes nothing', async (_, overrides, code, path) => {
    const before = await orderCount();
    const points = await pointsOf(server.database.db, server.shop.shopId, member.customerId);
    const res = await server.storefront.post<ErrorBody>('/api/v1/orders', memberOrder(overrides));
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe(code);
    expect(res.body.error.details?.path).toBe(path);
    expect(await orderCount()).toBe(before);
    expect(await pointsOf(server.database.db, server.shop.shopId, member.customerId)).toBe(points);
  });

  it('refuses both kinds of id for one thing, and a variant id without its product id, before touching the database', async () => {
    for (const body of [
      memberOrder({ orderer: { customerId: member.customerId, memberExternalId: 'M-1001', name: '박회원', phone: '010-2222-3333' } }),
      memberOrder({ items: [{ productId: jacket.productId, productExternalId: 'P-JACKET', optionExternalId: 'V-JACKET-L', quantity: 1 }] }),
      memberOrder({ items: [{ optionExternalId: 'V-JACKET-L', quantity: 1 }] }),
      memberOrder({ items: [{ productExternalId: 'P JACKET/../1', quantity: 1 }] }),
    ]) {
      const res = await server.storefront.post<ErrorBody>('/api/v1/orders', body);
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('VALIDATION_FAILED');
    }
  });

  it('refuses a deactivated product or variant for new orders (hidden ones may still be sold)', async () => {
    const { db } = server.database;
    const shopId = server.shop.shopId;
    const guest = { orderer: { name: '손님', phone: '010-9999-0000', guestPassword: 'guest-1234' }, discounts: { pointsUsed: 0 } };
    await db.update(productOptions).set({ status: 'inactive' }).where(and(eq(productOptions.shopId, shopId), eq(productOptions.externalId, 'V-JACKET-L')));
    const variant = await server.storefront.post<ErrorBody>('/api/v1/orders', memberOrder({ ...guest, items: [{ productExternalId: 'P-JACKET', optionExternalId: 'V-JACKET-L', quantity: 1 }] }));
    expect([variant.status, variant.body.error.code, variant.body.error.details?.path]).toEqual([422, 'PRODUCT_NOT_ON_SALE', 'items[0].optionExternalId']);

    await db.update(products).set({ status: 'hidden' }).where(and(eq(products.shopId, shopId), eq(products.externalId, 'P-JACKET')));
    const hidden = await server.storefront.post<OrderDetail>('/api/v1/orders', {
      ...memberOrder({ ...guest, items: [{ productExternalId: 'P-JACKET', optionExternalId: 'V-JACKET-M', quantity: 1 }] }),
      payment: cardPayment(89000),
    });
    expect(hidden.status).toBe(201);

    await db.update(products).set({ status: 'inactive' }).where(and(eq(products.shopId, shopId), eq(products.externalId, 'P-JACKET')));
    const product = await server.storefront.post<ErrorBody>('/api/v1/orders', memberOrder({ ...guest, items: [{ productExternalId: 'P-JACKET', optionExternalId: 'V-JACKET-M', quantity: 1 }] }));
    expect([product.status, product.body.error.code, product.body.error.details?.path]).toEqual([422, 'PRODUCT_NOT_ON_SALE', 'items[0].productExternalId']);
    await db.update(products).set({ status: 'active' }).where(and(eq(products.shopId, shopId), eq(products.externalId, 'P-JACKET')));
    await db.update(productOptions).set({ status: 'active' }).where(and(eq(productOptions.shopId, shopId), eq(productOptions.externalId, 'V-JACKET-L')));
  });

  it('refuses a coupon whose definition is switched off or outside its validity window', async () => {
    const { db } = server.database;
    const shopId = server.shop.shopId;
    const other = await addMember(db, shopId, { name: '최쿠폰', gradeName: '일반', points: 0, couponName: '신규가입 3,000원 할인' });
    const [issued] = await db.select().from(customerCoupons).where(and(eq(customerCoupons.shopId, shopId), eq(customerCoupons.id, other.customerCouponId!)));
    const order = {
      orderer: { customerId: other.customerId, name: '최쿠폰', phone: '010-2222-3333' },
      addresses: [seoulAddress()],
      items: [{ productExternalId: 'P-JACKET', optionExternalId: 'V-JACKET-M', quantity: 1 }],
      discounts: { customerCouponId: other.customerCouponId, pointsUsed: 0 },
      payment: cardPayment(86000),
    };
    const byCoupon = and(eq(coupons.shopId, shopId), eq(coupons.id, issued!.couponId));
    await db.update(coupons).set({ validUntil: new Date(Date.now() - 60_000) }).where(byCoupon);
    const expired = await server.storefront.post<ErrorBody>('/api/v1/orders', order);
    expect([expired.status, expired.body.error.code, expired.body.error.details?.path]).toEqual([422, 'COUPON_NOT_AVAILABLE', 'discounts.customerCouponId']);
    await db.update(coupons).set({ validUntil: null, active: false }).where(byCoupon);
    const off = await server.storefront.post<ErrorBody>('/api/v1/orders', order);
    expect(off.body.error.code).toBe('COUPON_NOT_AVAILABLE');
    await db.update(coupons).set({ active: true }).where(byCoupon);
    const usable = await server.storefront.post<OrderDetail>('/api/v1/orders', order);
    expect(usable.status).toBe(201);
    expect(usable.body.totals.couponDiscount).toBe(3000);
  });

  it('never resolves another shop’s ids', async () => {
    const { db } = server.database;
    const otherShop = await createShop(db, { name: '다른 상점', ownerEmail: 'owner@ids-other.kr', ownerName: '다른대표', ownerPassword: 'other-password-1' });
    const otherStorefront = new HttpClient(server.baseUrl, { authorization: `Bearer ${otherShop.apiKey}` });
    const res = await otherStorefront.post<ErrorBody>('/api/v1/orders', memberOrder({ discounts: { pointsUsed: 0 } }));
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('CUSTOMER_NOT_FOUND');
  });
});
