import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrderDetail } from '../src/contracts/orders';
import { countRows } from '../src/server/db/client';
import { customerCoupons, orders, timelineEvents } from '../src/server/db/schema/index';
import { addMember, addProduct, cardPayment, jejuAddress, pointsOf, seoulAddress, stockOf } from './support/fixtures';
import { startTestServer, type TestServer } from './support/server';

type ErrorBody = { error: { code: string; message: string; details?: Record<string, unknown> } };

let server: TestServer;
let shirt: { productId: number; optionIds: number[] };
let socks: { productId: number; optionIds: number[] };

beforeAll(async () => {
  server = await startTestServer();
  const { db } = server.database;
  shirt = await addProduct(db, server.shop.shopId, { name: '오버핏 셔츠', price: 39000, options: [{ name: '색상: 블랙', stock: 100 }, { name: '색상: 화이트', extraPrice: 2000, stock: 1 }] });
  socks = await addProduct(db, server.shop.shopId, { name: '면 양말 3족', price: 12000 });
});
afterAll(() => server.close());

const orderCount = () => countRows(server.database.db, sql`select count(*) as n from ${orders} where ${orders.shopId} = ${server.shop.shopId}`);

function guestOrder(overrides: Record<string, unknown> = {}) {
  return {
    orderer: { name: '홍길동', phone: '010-1234-5678', email: 'gildong@example.kr', guestPassword: '1234' },
    addresses: [seoulAddress()],
    items: [
      { productId: shirt.productId, optionId: shirt.optionIds[0], quantity: 2, unitPrice: 39000 },
      { productId: socks.productId, quantity: 1 },
    ],
    payment: cardPayment(90000),
    ...overrides,
  };
}

describe('POST /api/v1/orders (storefront intake)', () => {
  it('creates a guest card order with its units, payment details, totals and first timeline events', async () => {
    const res = await server.storefront.post<OrderDetail>('/api/v1/orders', guestOrder());
    expect(res.status).toBe(201);
    const order = res.body;
    expect(order.orderNumber).toMatch(/^\d{8}-\d{7}$/);
    expect(order.orderer).toMatchObject({ isMember: false, name: '홍길동', phone: '010-1234-5678' });
    expect(order.orderStatus).toBe('paid');
    expect(order.orderStatusLabel).toBe('결제완료');
    expect(order.items.map((i) => [i.productName, i.optionName, i.quantity, i.quantityByStatus])).toEqual([
      ['오버핏 셔츠', '색상: 블랙', 2, { paid: 2 }],
      ['면 양말 3족', null, 1, { paid: 1 }],
    ]);
    expect(order.totals).toMatchObject({ itemsSubtotal: 90000, shippingFee: 0, orderTotal: 90000, paid: 90000, refunded: 0, balanceDue: 0 });
    expect(order.payments[0]).toMatchObject({ method: 'card', status: 'captured', cardCompany: '신한카드', cardNumberMasked: '5365-10**-****-1234', installmentMonths: 3, gateway: 'toss' });
    expect(order.shipmentGroups).toHaveLength(1);
    expect(await stockOf(server.database.db, server.shop.shopId, shirt.optionIds[0]!)).toBe(98);
    const events = await server.database.db
      .select({ type: timelineEvents.type, actorKind: timelineEvents.actorKind })
      .from(timelineEvents)
      .where(and(eq(timelineEvents.shopId, server.shop.shopId), eq(timelineEvents.orderId, order.id)));
    // the intake's own; the order-received messages' lines come later, from the outbox, whenever it delivers
    expect(events.filter((e) => !e.type.startsWith('buyer_message_'))).toEqual([
      { type: 'order_created', actorKind: 'api' },
      { type: 'payment_captured', actorKind: 'api' },
    ]);
  });

  it('applies the member grade discount, the coupon and points to the won, and spends them', async () => {
    const { db } = server.database;
    const member = await addMember(db, server.shop.shopId, { name: '김회원', gradeName: '골드', points: 5000, couponName: '10% 할인 (최대 10,000원)' });
    const res = await server.storefront.post<OrderDetail>('/api/v1/orders', {
      orderer: { customerId: member.customerId, name: '김회원', phone: '010-2222-3333' },
      addresses: [seoulAddress()],
      items: [
        { productId: shirt.productId, optionId: shirt.optionIds[0], quantity: 1 },
        { productId: socks.productId, quantity: 2 },
      ],
      discounts: { customerCouponId: member.customerCouponId, pointsUsed: 2000 },
      payment: cardPayment(52999),
    });
    expect(res.status).toBe(201);
    // 골드 3%: 39,000 → 1,170 off; 12,000 → 360 off each. Items 61,110; coupon 10% = 6,111; points 2,000.
    expect(res.body.totals).toMatchObject({ itemsSubtotal: 63000, gradeDiscount: 1890, couponDiscount: 6111, pointsUsed: 2000, shippingFee: 0, orderTotal: 52999, balanceDue: 0 });
    expect(res.body.items.map((i) => i.gradeDiscountPerUnit)).toEqual([1170, 360]);
    const shares = res.body.items.reduce((acc, i) => [acc[0]! + i.couponShare, acc[1]! + i.pointsShare], [0, 0]);
    expect(shares).toEqual([6111, 2000]);
    expect(res.body.orderer).toMatchObject({ isMember: true, gradeName: '골드' });
    expect(await pointsOf(db, server.shop.shopId, member.customerId)).toBe(3000);
    const [coupon] = await db.select().from(customerCoupons).where(eq(customerCoupons.id, member.customerCouponId!));
    expect(coupon).toMatchObject({ status: 'used', usedOrderId: res.body.id });

    const again = await server.storefront.post<ErrorBody>('/api/v1/orders', {
      orderer: { customerId: member.customerId, name: '김회원', phone: '010-2222-3333' },
      addresses: [seoulAddress()],
      items: [{ productId: socks.productId, quantity: 5 }],
      discounts: { customerCouponId: member.customerCouponId, pointsUsed: 0 },
      payment: cardPayment(60000),
    });
    expect(again.status).toBe(422);
    expect(again.body.error.code).toBe('COUPON_NOT_AVAILABLE');
  });

  it('charges shipping under the free threshold and the Jeju surcharge by postcode', async () => {
    const seoul = await server.storefront.post<OrderDetail>('/api/v1/orders', guestOrder({ items: [{ productId: socks.productId, quantity: 1 }], payment: cardPayment(15000) }));
    expect(seoul.status).toBe(201);
    expect(seoul.body.totals).toMatchObject({ shippingFee: 3000, remoteShippingFee: 0, orderTotal: 15000 });
    const jeju = await server.storefront.post<OrderDetail>('/api/v1/orders', guestOrder({ addresses: [jejuAddress()], items: [{ productId: socks.productId, quantity: 1 }], payment: cardPayment(18000) }));
    expect(jeju.status).toBe(201);
    expect(jeju.body.totals).toMatchObject({ shippingFee: 3000, remoteShippingFee: 3000, orderTotal: 18000 });
  });

  it('keeps a virtual-account order awaiting its deposit with the full amount due', async () => {
    const res = await server.storefront.post<OrderDetail>(
      '/api/v1/orders',
      guestOrder({ payment: { method: 'virtual_account', amount: 90000, status: 'awaiting_deposit', gateway: 'toss', virtualAccount: { bank: '신한은행', accountNumber: '56211102345678', holder: '주문데모샵', dueAt: '2026-11-29T23:59:59+09:00' } } }),
    );
    expect(res.status).toBe(201);
    expect(res.body.orderStatus).toBe('awaiting_payment');
    expect(res.body.paymentStatus).toBe('awaiting_payment');
    expect(res.body.totals).toMatchObject({ orderTotal: 90000, paid: 0, balanceDue: 90000 });
    expect(res.body.payments[0]?.virtualAccount).toEqual({ bank: '신한은행', accountNumber: '56211102345678', holder: '주문데모샵', dueAt: '2026-11-29T14:59:59.000Z' });
  });

  it('splits items over two addresses, one shipment group each', async () => {
    const res = await server.storefront.post<OrderDetail>(
      '/api/v1/orders',
      guestOrder({
        addresses: [seoulAddress(), seoulAddress({ recipientName: '홍길순', postcode: '48058', address1: '부산광역시 해운대구 센텀중앙로 79' })],
        items: [
          { productId: shirt.productId, optionId: shirt.optionIds[0], quantity: 2 },
          { productId: socks.productId, quantity: 1, addressIndex: 1 },
        ],
      }),
    );
    expect(res.status).toBe(201);
    expect(res.body.shipmentGroups.map((g) => g.items.map((i) => i.quantity))).toEqual([[2], [1]]);
    expect(new Set(res.body.shipmentGroups.map((g) => g.addressId)).size).toBe(2);
  });
});

describe('idempotency', () => {
  it('answers a retried request with the first result and creates the order once', async () => {
    const before = await orderCount();
    const headers = { 'idempotency-key': `checkout-${Date.now()}` };
    const checkout = guestOrder();
    const first = await server.storefront.post<OrderDetail>('/api/v1/orders', checkout, headers);
    const second = await server.storefront.post<OrderDetail>('/api/v1/orders', structuredClone(checkout), headers);
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.body.id).toBe(first.body.id);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    expect(await orderCount()).toBe(before + 1);
  });

  it('creates one order when the same key arrives twice at once', async () => {
    const before = await orderCount();
    const headers = { 'idempotency-key': `race-${Date.now()}` };
    const checkout = guestOrder();
    const [a, b] = await Promise.all([server.storefront.post<OrderDetail>('/api/v1/orders', checkout, headers), server.storefront.post<OrderDetail>('/api/v1/orders', checkout, headers)]);
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(a.body.id).toBe(b.body.id);
    expect(await orderCount()).toBe(before + 1);
  });

  it('refuses the same key with a different body', async () => {
    const headers = { 'idempotency-key': `reuse-${Date.now()}` };
    expect((await server.storefront.post('/api/v1/orders', guestOrder(), headers)).status).toBe(201);
    const changed = await server.storefront.post<ErrorBody>('/api/v1/orders', guestOrder({ items: [{ productId: socks.productId, quantity: 5 }], payment: cardPayment(60000) }), headers);
    expect(changed.status).toBe(422);
    expect(changed.body.error.code).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it('refuses a second order with the same external order id', async () => {
    const body = guestOrder({ channel: 'naver_smartstore', externalOrderId: `NV-${Date.now()}` });
    expect((await server.storefront.post('/api/v1/orders', body)).status).toBe(201);
    const dup = await server.storefront.post<ErrorBody>('/api/v1/orders', body);
    expect(dup.status).toBe(409);
    expect(dup.body.error.code).toBe('DUPLICATE_EXTERNAL_ORDER');
  });
});

describe('bad input answers 4xx with a code and writes nothing', () => {
  const cases: Array<[string, () => Record<string, unknown>, number, string]> = [
    ['a missing orderer', () => ({ ...guestOrder(), orderer: undefined }), 400, 'VALIDATION_FAILED'],
    ['a malformed phone number', () => guestOrder({ orderer: { name: '홍길동', phone: '12345', guestPassword: '1234' } }), 400, 'VALIDATION_FAILED'],
    ['a fractional amount', () => guestOrder({ payment: { ...cardPayment(90000), amount: 90000.5 } }), 400, 'VALIDATION_FAILED'],
    ['a zero quantity', () => guestOrder({ items: [{ productId: socks.productId, quantity: 0 }] }), 400, 'VALIDATION_FAILED'],
    ['a payment that differs from the total', () => guestOrder({ payment: cardPayment(89000) }), 422, 'PAYMENT_AMOUNT_MISMATCH'],
    ['a stale catalog price', () => guestOrder({ items: [{ productId: shirt.productId, optionId: shirt.optionIds[0], quantity: 1, unitPrice: 35000 }] }), 422, 'PRICE_MISMATCH'],
    ['more than the stock', () => guestOrder({ items: [{ productId: shirt.productId, optionId: shirt.optionIds[1], quantity: 2 }], payment: cardPayment(82000) }), 422, 'OUT_OF_STOCK'],
    ['a product with options but none chosen', () => guestOrder({ items: [{ productId: shirt.productId, quantity: 1 }] }), 422, 'OPTION_REQUIRED'],
    ['an unknown product', () => guestOrder({ items: [{ productId: 999999, quantity: 1 }] }), 422, 'PRODUCT_NOT_FOUND'],
    ['a guest without a lookup password', () => guestOrder({ orderer: { name: '홍길동', phone: '010-1234-5678' } }), 422, 'GUEST_PASSWORD_REQUIRED'],
    ['a guest using points', () => guestOrder({ discounts: { pointsUsed: 1000 } }), 422, 'MEMBER_ONLY_BENEFIT'],
    ['a 6th shipping address', () => guestOrder({ addresses: Array.from({ length: 6 }, () => seoulAddress()), items: Array.from({ length: 6 }, (_, i) => ({ productId: socks.productId, quantity: 1, addressIndex: i % 5 })) }), 422, 'TOO_MANY_ADDRESSES'],
    ['an item pointing at a missing address', () => guestOrder({ items: [{ productId: socks.productId, quantity: 1, addressIndex: 1 }] }), 422, 'ADDRESS_INDEX_INVALID'],
    ['a card payment without card details', () => guestOrder({ payment: { method: 'card', amount: 90000, status: 'paid' } }), 422, 'PAYMENT_DETAILS_REQUIRED'],
  ];

  it.each(cases)('%s', async (_name, body, status, code) => {
    const { db } = server.database;
    const before = { orders: await orderCount(), stock: await stockOf(db, server.shop.shopId, shirt.optionIds[1]!) };
    const res = await server.storefront.post<ErrorBody>('/api/v1/orders', body(), { 'idempotency-key': `bad-${code}-${Math.random()}` });
    expect(res.status).toBe(status);
    expect(res.body.error.code).toBe(code);
    expect(res.body.error.message).toMatch(/[가-힣]/);
    expect({ orders: await orderCount(), stock: await stockOf(db, server.shop.shopId, shirt.optionIds[1]!) }).toEqual(before);
  });

  it('answers malformed JSON with a 400 and English messages on request', async () => {
    const res = await fetch(`${server.baseUrl}/api/v1/orders`, { method: 'POST', headers: { authorization: `Bearer ${server.shop.apiKey}`, 'content-type': 'application/json' }, body: '{"orderer": ' });
    expect(res.status).toBe(400);
    const en = await server.storefront.post<ErrorBody>('/api/v1/orders', guestOrder({ payment: cardPayment(1) }), { 'accept-language': 'en-US,en;q=0.9' });
    expect(en.body.error).toMatchObject({ code: 'PAYMENT_AMOUNT_MISMATCH', message: 'The payment amount differs from the order total.', details: { expected: 90000, given: 1 } });
  });
});
