import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClaimDto, ClaimResult } from '../src/contracts/claims';
import type { OrderDetail } from '../src/contracts/orders';
import { auditOrder } from '../src/server/orders/audit';
import { shipmentGroups } from '../src/server/db/schema/index';
import { refreshOrderSummary } from '../src/server/orders/summary-refresh';
import { addMember, addProduct, cardPayment, seoulAddress, stockOf } from './support/fixtures';
import { startTestServer, type TestServer } from './support/server';

type ErrorBody = { error: { code: string; message: string; details?: Record<string, unknown> } };
type Mutation = { order: OrderDetail; result: ClaimResult };

let server: TestServer;
let knit: { productId: number; optionIds: number[] };
let socks: { productId: number };
const busan = { name: '김반품', phone: '010-9876-5432', postcode: '48058', address1: '부산광역시 해운대구 센텀중앙로 79', address2: '101동 202호' };

beforeAll(async () => {
  server = await startTestServer();
  knit = await addProduct(server.database.db, server.shop.shopId, {
    name: '울 니트', price: 40000, options: [{ name: 'M', stock: 10 }, { name: 'L', stock: 10 }, { name: 'XL', extraPrice: 2000, stock: 10 }],
  });
  socks = await addProduct(server.database.db, server.shop.shopId, { name: '면 양말', price: 12000 });
});
afterAll(() => server.close());

async function expectSound(orderId: number) {
  expect(await auditOrder(server.database.db, server.shop.shopId, orderId)).toEqual([]);
}

/** Ships and delivers the whole order (the shipping flow itself is fulfillment's, tested there). */
async function delivered(order: OrderDetail): Promise<OrderDetail> {
  const { db } = server.database;
  const at = new Date();
  await db
    .update(shipmentGroups)
    .set({ status: 'delivered', courier: 'CJ대한통운', trackingNumber: '640100000001', shippedAt: at, deliveredAt: at })
    .where(and(eq(shipmentGroups.shopId, server.shop.shopId), eq(shipmentGroups.orderId, order.id)));
  await db.transaction((tx) => refreshOrderSummary(tx, server.shop.shopId, order.id, at));
  return (await server.owner.get<OrderDetail>(`/api/v1/orders/${order.id}`)).body;
}

async function place(items: Array<Record<string, unknown>>, amount: number, member?: Awaited<ReturnType<typeof addMember>>) {
  const orderer = member ? { customerId: member.customerId, name: '정회원', phone: '010-2222-3333' } : { name: '홍길동', phone: '010-1234-5678', guestPassword: 'pw12' };
  const discounts = member ? { customerCouponId: member.customerCouponId, pointsUsed: 1000 } : undefined;
  const res = await server.storefront.post<OrderDetail>('/api/v1/orders', { orderer, addresses: [seoulAddress()], items, payment: cardPayment(amount), ...(discounts ? { discounts } : {}) });
  expect(res.status).toBe(201);
  return delivered(res.body);
}

const units = (o: OrderDetail, itemIndex: number, quantity: number) => {
  const item = o.items[itemIndex]!;
  return [{ itemId: item.id, shipmentGroupId: o.shipmentGroups.find((g) => g.items.some((i) => i.itemId === item.id))!.id, quantity }];
};
const step = (o: OrderDetail, claimId: number, body: Record<string, unknown>) => server.owner.post<Mutation & ErrorBody>(`/api/v1/orders/${o.id}/claims/${claimId}/${body.to ? 'status' : 'complete'}`, { expectedVersion: o.version, ...body });
const claimsOf = async (o: OrderDetail) => (await server.owner.get<{ claims: ClaimDto[] }>(`/api/v1/orders/${o.id}/claims`)).body.claims;

describe('returns', () => {
  it('take 1 of 2 delivered units back from an address not on the order, and refund less the buyer’s return shipping, restocking', async () => {
    let o = await place([{ productId: knit.productId, optionId: knit.optionIds[0], quantity: 2 }, { productId: socks.productId, quantity: 1 }], 92000);
    expect(await stockOf(server.database.db, server.shop.shopId, knit.optionIds[0]!)).toBe(8);
    const requested = await server.owner.post<Mutation>(`/api/v1/orders/${o.id}/returns`, {
      expectedVersion: o.version, items: units(o, 0, 1), reason: '사이즈가 맞지 않음', fault: 'buyer', pickup: busan, restock: true,
    });
    expect(requested.status).toBe(201);
    o = requested.body.order;
    const claimId = requested.body.result.claim!.id;
    expect(requested.body.result.claim).toMatchObject({ kind: 'return', status: 'return_requested', fault: 'buyer', restock: true, pickup: busan, items: [{ quantity: 1, fromStatus: 'delivered' }] });
    expect(o.addresses.map((a) => a.postcode)).toEqual(['04524']);
    expect((await claimsOf(o))[0]!.pickup).toEqual(busan);
    await expectSound(o.id);

    const collecting = await step(o, claimId, { to: 'return_collecting', pickup: { courier: 'CJ대한통운', trackingNumber: '640199998888', pickupDate: '2026-12-01' } });
    expect(collecting.status).toBe(200);
    // the pickup courier is stored as its code and named next to it
    expect(collecting.body.result.claim).toMatchObject({
      status: 'return_collecting', statusLabel: '수거중', pickup: { ...busan, courier: 'CJ', courierLabel: 'CJ대한통운', trackingNumber: '640199998888', pickupDate: '2026-12-01' },
    });
    const inEnglish = await server.owner.get<{ claims: ClaimDto[] }>(`/api/v1/orders/${o.id}/claims`, { 'accept-language': 'en' });
    expect(inEnglish.body.claims[0]!.pickup).toMatchObject({ courier: 'CJ', courierLabel: 'CJ Logistics' });
    const back = await step(collecting.body.order, claimId, { to: 'return_requested' });
    expect(back.body.result.claim!.status).toBe('return_requested');
    const skipped = await step(back.body.order, claimId, { to: 'return_collected' });
    expect([skipped.status, skipped.body.error.code]).toEqual([422, 'TRANSITION_NOT_ALLOWED']);
    o = (await step(back.body.order, claimId, { to: 'return_collecting' })).body.order;
    o = (await step(o, claimId, { to: 'return_collected' })).body.order;
    const viaStatus = await step(o, claimId, { to: 'returned' });
    expect(viaStatus.body.error.code).toBe('CLAIM_COMPLETE_REQUIRED');

    const done = await step(o, claimId, {});
    expect(done.status).toBe(200);
    // 40,000 back less return shipping both ways (the order shipped free and still does: 52,000 stay)
    expect(done.body.result.proposal).toMatchObject({ itemsAmount: 40000, shippingChange: 0, deduction: 6000, amount: 34000 });
    expect(done.body.result.refund).toMatchObject({ amount: 34000, deductionAmount: 6000, status: 'done' });
    expect(done.body.result.claim).toMatchObject({ status: 'returned', statusLabel: '반품완료' });
    expect(done.body.order.totals).toMatchObject({ orderTotal: 92000 - 34000, refunded: 34000, balanceDue: 0 });
    expect(done.body.order.orderStatus).toBe('partially_returned');
    expect(await stockOf(server.database.db, server.shop.shopId, knit.optionIds[0]!)).toBe(9);
    await expectSound(o.id);

    const revert = await step(done.body.order, claimId, { to: 'return_collected' });
    expect([revert.status, revert.body.error.code]).toEqual([422, 'REVERT_NEEDS_MONEY']);
  });

  it('refund everything of a shop’s-fault return without deduction and without restocking when told not to', async () => {
    const o = await place([{ productId: knit.productId, optionId: knit.optionIds[1], quantity: 1 }, { productId: socks.productId, quantity: 1 }], 52000);
    const stock = await stockOf(server.database.db, server.shop.shopId, knit.optionIds[1]!);
    const requested = await server.owner.post<Mutation>(`/api/v1/orders/${o.id}/returns`, {
      expectedVersion: o.version, items: units(o, 0, 1), reason: '불량', fault: 'shop', pickup: busan, restock: false,
    });
    const claimId = requested.body.result.claim!.id;
    let cur = (await step(requested.body.order, claimId, { to: 'return_collecting' })).body.order;
    cur = (await step(cur, claimId, { to: 'return_collected' })).body.order;
    const done = await step(cur, claimId, {});
    // 12,000 left is under the free-shipping threshold, but the shop's fault charges the buyer nothing
    expect(done.body.result.proposal).toMatchObject({ deduction: 0, shippingChange: 0, amount: 40000 });
    expect(done.body.order.totals).toMatchObject({ orderTotal: 12000, refunded: 40000, balanceDue: 0 });
    expect(await stockOf(server.database.db, server.shop.shopId, knit.optionIds[1]!)).toBe(stock);
    await expectSound(o.id);
  });

  it('refuses units that have not shipped', async () => {
    const res = await server.storefront.post<OrderDetail>('/api/v1/orders', {
      orderer: { name: '홍길동', phone: '010-1234-5678', guestPassword: 'pw12' }, addresses: [seoulAddress()], items: [{ productId: socks.productId, quantity: 1 }], payment: cardPayment(15000),
    });
    const refused = await server.owner.post<ErrorBody>(`/api/v1/orders/${res.body.id}/returns`, {
      expectedVersion: res.body.version, items: units(res.body, 0, 1), reason: '반품', fault: 'buyer', pickup: busan, restock: true,
    });
    expect([refused.status, refused.body.error.code]).toEqual([422, 'TRANSITION_NOT_ALLOWED']);
  });
});

describe('exchanges', () => {
  let o: OrderDetail;

  beforeAll(async () => {
    const member = await addMember(server.database.db, server.shop.shopId, { name: '정회원', gradeName: '골드', points: 5000, couponName: '10% 할인 (최대 10,000원)' });
    // 골드 3%: 40,000 → 38,800 ×2 = 77,600; coupon 7,760; points 1,000
    o = await place([{ productId: knit.productId, optionId: knit.optionIds[0], quantity: 2 }], 77600 - 7760 - 1000, member);
  });

  it('to another option at the same price split the item, keep the total and report the buyer’s shipping', async () => {
    const lStock = await stockOf(server.database.db, server.shop.shopId, knit.optionIds[1]!);
    const res = await server.owner.post<Mutation>(`/api/v1/orders/${o.id}/exchanges`, {
      expectedVersion: o.version, items: units(o, 0, 1), reason: '사이즈 교환', fault: 'buyer', pickup: busan, replacementOptionId: knit.optionIds[1],
    });
    expect(res.status).toBe(201);
    expect(res.body.result).toMatchObject({ buyerShippingFee: 6000, claim: { kind: 'exchange', status: 'exchange_requested', replacementOptionId: knit.optionIds[1] } });
    const after = res.body.order;
    expect(after.totals.orderTotal).toBe(o.totals.orderTotal);
    expect(after.items.map((i) => [i.optionName, i.quantity, i.couponShare, i.pointsShare, i.quantityByStatus])).toEqual([
      ['M', 1, 3880, 500, { delivered: 1 }],
      ['L', 1, 3880, 500, { exchange_requested: 1 }],
    ]);
    expect(await stockOf(server.database.db, server.shop.shopId, knit.optionIds[1]!)).toBe(lStock! - 1);
    await expectSound(o.id);

    const claimId = res.body.result.claim!.id;
    let cur = (await step(after, claimId, { to: 'exchange_collecting' })).body.order;
    cur = (await step(cur, claimId, { to: 'exchange_collected' })).body.order;
    const noParcel = await step(cur, claimId, { to: 'exchange_reshipped' });
    expect(noParcel.body.error.code).toBe('RESHIPMENT_REQUIRED');
    const reshipped = await step(cur, claimId, { to: 'exchange_reshipped', reshipment: { courier: '한진택배', trackingNumber: '512300001111' } });
    expect(reshipped.body.result.claim).toMatchObject({ status: 'exchange_reshipped', reshipment: { courier: 'HANJIN', courierLabel: '한진택배', trackingNumber: '512300001111' } });
    // the re-shipment counts as a parcel to the buyer in the list's courier filter, by either spelling;
    // so does the first parcel, though written as a name (by delivered() above, as before codes)
    for (const couriers of [['HANJIN'], ['한진'], ['CJ']]) {
      const found = await server.owner.post<{ items: Array<{ id: number }> }>('/api/v1/orders/search', { filter: { keyword: o.orderNumber, couriers } });
      expect(found.body.items.map((i) => i.id)).toEqual([o.id]);
    }
    const exchanged = await step(reshipped.body.order, claimId, { to: 'exchanged' });
    expect(exchanged.body.result.claim).toMatchObject({ status: 'exchanged', statusLabel: '교환완료' });
    expect(exchanged.body.order.totals).toMatchObject({ orderTotal: o.totals.orderTotal, refunded: 0, balanceDue: 0 });
    o = exchanged.body.order;
    await expectSound(o.id);
  });

  it('merge back when withdrawn, stock included', async () => {
    const lStock = await stockOf(server.database.db, server.shop.shopId, knit.optionIds[1]!);
    const res = await server.owner.post<Mutation>(`/api/v1/orders/${o.id}/exchanges`, {
      expectedVersion: o.version, items: units(o, 0, 1), reason: '교환', fault: 'shop', pickup: busan, replacementOptionId: knit.optionIds[1],
    });
    expect(res.body.result.buyerShippingFee).toBe(0);
    // all of item M is exchanged: its option changes in place, no new item
    expect(res.body.order.items.map((i) => [i.optionName, i.quantity])).toEqual([['L', 1], ['L', 1]]);
    const withdrawn = await server.owner.post<Mutation>(`/api/v1/orders/${o.id}/claims/${res.body.result.claim!.id}/withdraw`, { expectedVersion: res.body.order.version });
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body.order.items.map((i) => [i.optionName, i.quantity, i.quantityByStatus])).toEqual([['M', 1, { delivered: 1 }], ['L', 1, { exchanged: 1 }]]);
    expect(await stockOf(server.database.db, server.shop.shopId, knit.optionIds[1]!)).toBe(lStock);
    o = withdrawn.body.order;
    await expectSound(o.id);
  });

  it('refuse another price: that is an order edit', async () => {
    const res = await server.owner.post<ErrorBody>(`/api/v1/orders/${o.id}/exchanges`, {
      expectedVersion: o.version, items: units(o, 0, 1), reason: '교환', fault: 'buyer', pickup: busan, replacementOptionId: knit.optionIds[2],
    });
    expect([res.status, res.body.error.code]).toEqual([422, 'EXCHANGE_PRICE_DIFFERS']);
    expect(res.body.error.message).toMatch(/주문 수정/);
    expect((await server.owner.get<OrderDetail>(`/api/v1/orders/${o.id}`)).body).toEqual(o);
  });
});
