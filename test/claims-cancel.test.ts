import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClaimResult, RefundProposalDto } from '../src/contracts/claims';
import type { OrderDetail } from '../src/contracts/orders';
import { auditOrder } from '../src/server/orders/audit';
import { claims, customerCoupons, shipmentGroups, timelineEvents } from '../src/server/db/schema/index';
import { refreshOrderSummary } from '../src/server/orders/summary-refresh';
import { addMember, addProduct, cardPayment, jejuAddress, pointsOf, seoulAddress, stockOf } from './support/fixtures';
import { startTestServer, type TestServer } from './support/server';

type ErrorBody = { error: { code: string; message: string; details?: Record<string, unknown> } };
type Mutation = { order: OrderDetail; result: ClaimResult };

let server: TestServer;
let shirt: { productId: number; optionIds: number[] };
let socks: { productId: number; optionIds: number[] };

beforeAll(async () => {
  server = await startTestServer();
  const { db } = server.database;
  shirt = await addProduct(db, server.shop.shopId, { name: '린넨 셔츠', price: 15000, options: [{ name: '블랙', stock: 50 }] });
  socks = await addProduct(db, server.shop.shopId, { name: '면 양말', price: 12000 });
});
afterAll(() => server.close());

async function expectSound(orderId: number) {
  expect(await auditOrder(server.database.db, server.shop.shopId, orderId)).toEqual([]);
}
const detail = async (orderId: number) => (await server.owner.get<OrderDetail>(`/api/v1/orders/${orderId}`)).body;
const groupOf = (o: OrderDetail, itemId: number) => o.shipmentGroups.find((g) => g.items.some((i) => i.itemId === itemId))!.id;

async function memberOrder() {
  const member = await addMember(server.database.db, server.shop.shopId, { name: '정회원', gradeName: '골드', points: 5000, couponName: '10% 할인 (최대 10,000원)' });
  const payment = cardPayment(47761);
  const res = await server.storefront.post<OrderDetail>('/api/v1/orders', {
    orderer: { customerId: member.customerId, name: '정회원', phone: '010-2222-3333' },
    addresses: [seoulAddress()],
    items: [
      { productId: shirt.productId, optionId: shirt.optionIds[0], quantity: 3 },
      { productId: socks.productId, quantity: 1 },
    ],
    discounts: { customerCouponId: member.customerCouponId, pointsUsed: 2000 },
    payment,
  });
  expect(res.status).toBe(201);
  return { order: res.body, member, paymentKey: payment.gatewayTransactionId };
}

describe('partial and full cancels of a paid member order', () => {
  let order: OrderDetail;
  let member: Awaited<ReturnType<typeof addMember>>;
  let paymentKey: string;
  let shirtItem: number;
  let socksItem: number;

  beforeAll(async () => {
    ({ order, member, paymentKey } = await memberOrder());
    [shirtItem, socksItem] = order.items.map((i) => i.id) as [number, number];
    // 골드 3%: 15,000 → 14,550 ×3 and 12,000 → 11,640; items 55,290, free shipping; coupon 10% = 5,529 (4,365 + 1,164); points 2,000 (1,579 + 421)
    expect(order.totals).toMatchObject({ itemsSubtotal: 57000, gradeDiscount: 1710, couponDiscount: 5529, pointsUsed: 2000, shippingFee: 0, orderTotal: 47761 });
    expect(order.items.map((i) => [i.couponShare, i.pointsShare])).toEqual([[4365, 1579], [1164, 421]]);
  });

  it('proposes the refund of 1 of 3 units to the won, shipping now due under the threshold', async () => {
    const items = [{ itemId: shirtItem, shipmentGroupId: groupOf(order, shirtItem), quantity: 1 }];
    const preview = await server.owner.post<RefundProposalDto>(`/api/v1/orders/${order.id}/cancellations/preview`, { items });
    expect(preview.status).toBe(200);
    // 14,550 − its coupon share 1,455 − its points share 526 − base fee 3,000 now due (40,740 left < 50,000)
    expect(preview.body).toMatchObject({ itemsAmount: 14550, couponRemoved: 1455, pointsRestored: 526, shippingChange: 3000, deduction: 0, amount: 9569, fullClaim: false });
    expect(preview.body.after).toMatchObject({ couponDiscount: 4074, pointsUsed: 1474, shippingFee: 3000, orderTotal: 38192, balanceDue: 0 });
    expect((await detail(order.id)).version).toBe(order.version);

    const res = await server.owner.post<Mutation>(`/api/v1/orders/${order.id}/cancellations`, { expectedVersion: order.version, items, reason: '고객 변심', complete: true });
    expect(res.status).toBe(201);
    order = res.body.order;
    expect(res.body.result.claim).toMatchObject({ kind: 'cancel', status: 'cancelled', statusLabel: '취소완료', items: [{ itemId: shirtItem, quantity: 1, fromStatus: 'paid' }] });
    expect(res.body.result.refund).toMatchObject({ amount: 9569, status: 'done', method: 'gateway', couponRestored: 1455, pointsRestored: 526, shippingAmount: -3000, parts: [{ amount: 9569, status: 'done' }] });
    expect(order.totals).toMatchObject({ couponDiscount: 4074, pointsUsed: 1474, shippingFee: 3000, orderTotal: 38192, paid: 47761, refunded: 9569, balanceDue: 0 });
    expect(order.items[0]!.quantityByStatus).toEqual({ paid: 2, cancelled: 1 });
    expect(await pointsOf(server.database.db, server.shop.shopId, member.customerId)).toBe(3000 + 526);
    expect(await stockOf(server.database.db, server.shop.shopId, shirt.optionIds[0]!)).toBe(48);
    expect(await server.gateway.balanceOf(paymentKey)).toBe(47761 - 9569);
    await expectSound(order.id);
  });

  it('lets staff refund the shipping by hand on the next cancel', async () => {
    const items = [{ itemId: shirtItem, shipmentGroupId: groupOf(order, shirtItem), quantity: 1 }];
    const res = await server.owner.post<Mutation>(`/api/v1/orders/${order.id}/cancellations`, {
      expectedVersion: order.version, items, reason: '고객 변심', complete: true, refund: { shippingChange: -3000 },
    });
    expect(res.status).toBe(201);
    order = res.body.order;
    expect(res.body.result.proposal).toMatchObject({ couponRemoved: 1455, pointsRestored: 527, shippingChange: -3000, amount: 15568, adjusted: ['shippingChange'], proposed: { shippingChange: 0 } });
    expect(order.totals).toMatchObject({ shippingFee: 0, couponDiscount: 2619, pointsUsed: 947, orderTotal: 22624, refunded: 9569 + 15568, balanceDue: 0 });
    await expectSound(order.id);
  });

  it('explains in the payment summary a refund that kept back shipping now due', async () => {
    const summary = await server.owner.get<{ refunds: Array<{ shippingAmount: number; amount: number }> }>(`/api/v1/orders/${order.id}/payment-summary`);
    expect(summary.status).toBe(200);
    // the first cancel kept 3,000원 of shipping now due under the threshold; the second refunded it
    expect(summary.body.refunds.map((r) => [r.amount, r.shippingAmount])).toEqual([[9569, -3000], [15568, 3000]]);
  });

  it('refuses to cancel more units than are left, or units already cancelled', async () => {
    const tooMany = await server.owner.post<ErrorBody>(`/api/v1/orders/${order.id}/cancellations`, {
      expectedVersion: order.version, items: [{ itemId: shirtItem, shipmentGroupId: groupOf(order, shirtItem), quantity: 2 }], reason: '테스트', complete: true,
    });
    expect([tooMany.status, tooMany.body.error.code]).toEqual([422, 'QUANTITY_EXCEEDS_AVAILABLE']);
    const tooMuchShipping = await server.owner.post<ErrorBody>(`/api/v1/orders/${order.id}/cancellations/preview`, {
      items: [{ itemId: socksItem, shipmentGroupId: groupOf(order, socksItem), quantity: 1 }], refund: { shippingChange: -1 },
    });
    expect([tooMuchShipping.status, tooMuchShipping.body.error.code]).toEqual([422, 'REFUND_ADJUSTMENT_OUT_OF_RANGE']);
  });

  it('cancels the rest in full: refunds exactly what was paid in all, gives the coupon and points back', async () => {
    const items = [
      { itemId: shirtItem, shipmentGroupId: groupOf(order, shirtItem), quantity: 1 },
      { itemId: socksItem, shipmentGroupId: groupOf(order, socksItem), quantity: 1 },
    ];
    const res = await server.owner.post<Mutation>(`/api/v1/orders/${order.id}/cancellations`, { expectedVersion: order.version, items, reason: '전체 취소', complete: true });
    expect(res.status).toBe(201);
    order = res.body.order;
    expect(res.body.result.proposal).toMatchObject({ fullClaim: true, couponRemoved: 2619, pointsRestored: 947, amount: 22624 });
    expect(order.orderStatus).toBe('cancelled');
    expect(order.totals).toMatchObject({ orderTotal: 0, couponDiscount: 0, pointsUsed: 0, paid: 47761, refunded: 47761, balanceDue: 0 });
    expect(order.paymentStatus).toBe('refunded');
    expect(order.payments[0]).toMatchObject({ status: 'cancelled', refundedAmount: 47761 });
    expect(await server.gateway.balanceOf(paymentKey)).toBe(0);
    expect(await pointsOf(server.database.db, server.shop.shopId, member.customerId)).toBe(5000);
    const [coupon] = await server.database.db.select().from(customerCoupons).where(eq(customerCoupons.id, member.customerCouponId!));
    expect(coupon).toMatchObject({ status: 'available', usedOrderId: null });
    expect(await stockOf(server.database.db, server.shop.shopId, shirt.optionIds[0]!)).toBe(50);
    await expectSound(order.id);
  });

  it('refuses to revert a cancel whose refund was paid: the buyer would have to pay again', async () => {
    const claim = (await server.owner.get<{ claims: Array<{ id: number }> }>(`/api/v1/orders/${order.id}/claims`)).body.claims[0]!;
    const res = await server.owner.post<ErrorBody>(`/api/v1/orders/${order.id}/claims/${claim.id}/status`, { expectedVersion: order.version, to: 'cancel_requested' });
    expect([res.status, res.body.error.code]).toEqual([422, 'REVERT_NEEDS_MONEY']);
    expect(res.body.error.details).toMatchObject({ refundedAmount: 9569 });
    expect(String(res.body.error.details?.message)).toMatch(/다시 결제/);
    expect((await detail(order.id)).version).toBe(order.version);
  });
});

describe('a full cancel of a Jeju order under the free-shipping threshold', () => {
  it('refunds the shipping and the remote surcharge with everything else', async () => {
    const member = await addMember(server.database.db, server.shop.shopId, { name: '고회원', gradeName: '골드', points: 1000, couponName: '신규가입 3,000원 할인' });
    const created = await server.storefront.post<OrderDetail>('/api/v1/orders', {
      orderer: { customerId: member.customerId, name: '고회원', phone: '010-2222-3333' },
      addresses: [jejuAddress()],
      items: [{ productId: socks.productId, quantity: 2 }],
      discounts: { customerCouponId: member.customerCouponId, pointsUsed: 1000 },
      payment: cardPayment(23280 + 6000 - 4000),
    });
    expect(created.status).toBe(201);
    const o = created.body;
    expect(o.totals).toMatchObject({ shippingFee: 3000, remoteShippingFee: 3000, couponDiscount: 3000, pointsUsed: 1000, orderTotal: 25280 });
    const res = await server.owner.post<Mutation>(`/api/v1/orders/${o.id}/cancellations`, {
      expectedVersion: o.version, items: [{ itemId: o.items[0]!.id, shipmentGroupId: o.shipmentGroups[0]!.id, quantity: 2 }], reason: '품절', complete: true,
    });
    expect(res.status).toBe(201);
    expect(res.body.result.refund).toMatchObject({ amount: 25280, shippingAmount: 6000, couponRestored: 3000, pointsRestored: 1000, status: 'done' });
    expect(res.body.order.totals).toMatchObject({ shippingFee: 0, remoteShippingFee: 0, orderTotal: 0, refunded: 25280, balanceDue: 0 });
    const [coupon] = await server.database.db.select().from(customerCoupons).where(eq(customerCoupons.id, member.customerCouponId!));
    expect(coupon!.status).toBe('available');
    await expectSound(o.id);
  });
});

describe('cancel requests, withdrawal, concurrency and idempotency', () => {
  let order: OrderDetail;

  beforeAll(async () => {
    order = (await memberOrder()).order;
  });

  it('takes units into a 취소접수 claim and puts them back exactly where they were on withdrawal', async () => {
    const item = order.items[0]!;
    const group = groupOf(order, item.id);
    const requested = await server.owner.post<Mutation>(`/api/v1/orders/${order.id}/cancellations`, {
      expectedVersion: order.version, items: [{ itemId: item.id, shipmentGroupId: group, quantity: 2 }], reason: '주문 실수', complete: false,
    });
    expect(requested.status).toBe(201);
    expect(requested.body.result).toMatchObject({ claim: { status: 'cancel_requested', items: [{ itemId: item.id, quantity: 2, fromShipmentGroupId: group, fromStatus: 'paid' }] }, refund: null });
    expect(requested.body.order.orderStatus).toBe('claim_in_progress');
    expect(requested.body.order.totals.orderTotal).toBe(47761);
    await expectSound(order.id);

    const claimId = requested.body.result.claim!.id;
    const withdrawn = await server.owner.post<Mutation>(`/api/v1/orders/${order.id}/claims/${claimId}/withdraw`, { expectedVersion: requested.body.order.version });
    expect(withdrawn.status).toBe(200);
    order = withdrawn.body.order;
    expect(order.items[0]!.quantityByStatus).toEqual({ paid: 3 });
    expect(order.shipmentGroups.find((g) => g.id === group)!.items).toContainEqual({ itemId: item.id, quantity: 3 });
    expect(order.claims).toEqual([]);
    const events = await server.database.db.select({ type: timelineEvents.type }).from(timelineEvents).where(eq(timelineEvents.orderId, order.id));
    expect(events.map((e) => e.type)).toEqual(expect.arrayContaining(['claim_requested', 'claim_withdrawn']));
    await expectSound(order.id);
  });

  it('puts withdrawn units back in their old status even when the rest of their group moved on', async () => {
    const item = order.items[0]!;
    const group = groupOf(order, item.id);
    const requested = await server.owner.post<Mutation>(`/api/v1/orders/${order.id}/cancellations`, {
      expectedVersion: order.version, items: [{ itemId: item.id, shipmentGroupId: group, quantity: 1 }], reason: '주문 실수', complete: false,
    });
    // meanwhile the warehouse starts preparing what stayed in the group (fulfillment's move, done here directly)
    const { db } = server.database;
    await db.update(shipmentGroups).set({ status: 'preparing' }).where(eq(shipmentGroups.id, group));
    await db.transaction((tx) => refreshOrderSummary(tx, server.shop.shopId, order.id, new Date()));
    const version = (await detail(order.id)).version;
    const withdrawn = await server.owner.post<Mutation>(`/api/v1/orders/${order.id}/claims/${requested.body.result.claim!.id}/withdraw`, { expectedVersion: version });
    expect(withdrawn.status).toBe(200);
    order = withdrawn.body.order;
    expect(order.items[0]!.quantityByStatus).toEqual({ preparing: 2, paid: 1 });
    const back = order.shipmentGroups.find((g) => g.status === 'paid' && g.items.some((i) => i.itemId === item.id))!;
    expect(back.addressId).toBe(order.shipmentGroups.find((g) => g.id === group)!.addressId);
    await expectSound(order.id);
  });

  it('refuses a change based on a stale version and changes nothing', async () => {
    const stale = await server.owner.post<ErrorBody>(`/api/v1/orders/${order.id}/cancellations`, {
      expectedVersion: order.version - 1, items: [{ itemId: order.items[1]!.id, shipmentGroupId: groupOf(order, order.items[1]!.id), quantity: 1 }], reason: '늦은 요청', complete: true,
    });
    expect([stale.status, stale.body.error.code]).toEqual([409, 'ORDER_VERSION_CONFLICT']);
    const now = await detail(order.id);
    expect(now).toEqual(order);
  });

  it('cancels once and refunds once for a repeated Idempotency-Key', async () => {
    const body = { expectedVersion: order.version, items: [{ itemId: order.items[1]!.id, shipmentGroupId: groupOf(order, order.items[1]!.id), quantity: 1 }], reason: '양말 취소', complete: true };
    const headers = { 'idempotency-key': `cancel-${order.id}` };
    const first = await server.owner.post<Mutation>(`/api/v1/orders/${order.id}/cancellations`, body, headers);
    const second = await server.owner.post<Mutation>(`/api/v1/orders/${order.id}/cancellations`, body, headers);
    expect([first.status, second.status]).toEqual([201, 201]);
    expect(second.body.result.claim!.id).toBe(first.body.result.claim!.id);
    expect(second.body.result.refund!.id).toBe(first.body.result.refund!.id);
    const claimRows = await server.database.db.select().from(claims).where(and(eq(claims.shopId, server.shop.shopId), eq(claims.orderId, order.id)));
    expect(claimRows).toHaveLength(1);
    const refunds = (await server.owner.get<{ refunds: unknown[] }>(`/api/v1/orders/${order.id}/refunds`)).body.refunds;
    expect(refunds).toHaveLength(1);
    expect(second.body.order.totals.refunded).toBe(first.body.result.refund!.amount);
    await expectSound(order.id);
  });

  it('needs write access', async () => {
    const viewer = await server.addStaff('viewer');
    const res = await viewer.post<ErrorBody>(`/api/v1/orders/${order.id}/cancellations`, { expectedVersion: 1, items: [{ itemId: 1, shipmentGroupId: 1, quantity: 1 }], reason: 'x', complete: false });
    expect(res.status).toBe(403);
  });
});
