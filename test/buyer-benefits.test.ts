import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BuyerBenefits } from '../src/contracts/buyer-benefits';
import type { CommitEditResult, CreateEditResponse } from '../src/contracts/edits';
import type { OrderDetail } from '../src/contracts/orders';
import { coupons, customerCoupons } from '../src/server/db/schema/index';
import { createShop } from '../src/server/shops/service';
import { addMember, cardPayment, seoulAddress } from './support/fixtures';
import { HttpClient, startTestServer, type TestServer } from './support/server';

type ErrorBody = { error: { code: string; details?: Record<string, unknown> } };

const DAY = 86_400_000;
const TEN_PERCENT = '10% 할인 (최대 10,000원)';
const WELCOME = '신규가입 3,000원 할인';

let server: TestServer;
let shopId: number;

beforeAll(async () => {
  server = await startTestServer();
  shopId = server.shop.shopId;
});
afterAll(() => server.close());

/**
 * Places an order as a storefront would, paying what the server says the total is (asked first
 * with a wrong amount: PAYMENT_AMOUNT_MISMATCH names the expected one).
 */
async function placeOrder(client: HttpClient, orderer: Record<string, unknown>, extra: Record<string, unknown> = {}): Promise<OrderDetail> {
  const body = (amount: number) => ({ orderer, addresses: [seoulAddress()], items: [{ custom: { name: '니트 가디건', unitPrice: 60_000 }, quantity: 1 }], payment: cardPayment(amount), ...extra });
  const probe = await client.post<ErrorBody>('/api/v1/orders', body(1));
  expect(probe.body.error.code).toBe('PAYMENT_AMOUNT_MISMATCH');
  const res = await client.post<OrderDetail>('/api/v1/orders', body(probe.body.error.details!.expected as number));
  if (res.status !== 201) throw new Error(`order refused: ${JSON.stringify(res.body)}`);
  return res.body;
}

const guest = { name: '홍길동', phone: '010-1234-5678', guestPassword: '1234' };
const benefits = (orderId: number, client = server.owner, headers?: Record<string, string>) =>
  client.get<BuyerBenefits & ErrorBody>(`/api/v1/orders/${orderId}/buyer-benefits`, headers);

/** Issues one more of the shop's coupons to the member, straight into the table (no coupon admin API yet). */
async function issueCoupon(customerId: number, couponName: string, values: Partial<typeof customerCoupons.$inferInsert> = {}) {
  const { db } = server.database;
  const [coupon] = await db.select().from(coupons).where(and(eq(coupons.shopId, shopId), eq(coupons.name, couponName)));
  const [issued] = await db.insert(customerCoupons).values({ shopId, customerId, couponId: coupon!.id, ...values }).returning({ id: customerCoupons.id });
  return issued!.id;
}

describe('GET /api/v1/orders/{orderId}/buyer-benefits', () => {
  it('lists the member’s points, grade and the coupons usable now, with their rule in words; never used or expired ones', async () => {
    const member = await addMember(server.database.db, shopId, { name: '김쿠폰', gradeName: '골드', points: 12_300, couponName: TEN_PERCENT });
    const now = Date.now();
    const welcome = await issueCoupon(member.customerId, WELCOME, { expiresAt: new Date(now + 7 * DAY) });
    const fiveThousand = await issueCoupon(member.customerId, '5,000원 할인', { expiresAt: new Date(now + 30 * DAY) });
    const expiredByDate = await issueCoupon(member.customerId, WELCOME, { expiresAt: new Date(now - DAY) });
    const expiredByStatus = await issueCoupon(member.customerId, WELCOME, { status: 'expired' });
    const used = await issueCoupon(member.customerId, TEN_PERCENT, { status: 'used', usedAt: new Date(now - DAY) });
    const order = await placeOrder(server.storefront, { customerId: member.customerId, name: '김쿠폰', phone: '010-2222-3333' });

    const res = await benefits(order.id);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      orderId: order.id,
      member: { customerId: member.customerId, name: '김쿠폰', gradeName: '골드', gradeDiscountRate: 3, pointsBalance: 12_300 },
      orderGrade: { name: '골드', discountRate: 3 },
      orderPointsUsed: 0,
      appliedCoupon: null,
    });
    // soonest expiry first; the one that never expires last
    expect(res.body.coupons.map((c) => c.customerCouponId)).toEqual([welcome, fiveThousand, member.customerCouponId]);
    const listed = new Set(res.body.coupons.map((c) => c.customerCouponId));
    for (const hidden of [expiredByDate, expiredByStatus, used]) expect(listed.has(hidden)).toBe(false);
    expect(res.body.coupons[0]).toMatchObject({ name: WELCOME, kind: 'fixed', value: 3000, maxDiscount: null, minOrderAmount: 20_000, ruleText: '3,000원 할인', minOrderText: '20,000원 이상 구매 시' });
    expect(res.body.coupons[0]!.expiresAt).toBe(new Date(now + 7 * DAY).toISOString());
    expect(res.body.coupons[2]).toMatchObject({ name: TEN_PERCENT, kind: 'rate', value: 10, maxDiscount: 10_000, minOrderAmount: 30_000, ruleText: '10% 할인 (최대 10,000원)', minOrderText: '30,000원 이상 구매 시', expiresAt: null });

    const english = await benefits(order.id, server.owner, { 'accept-language': 'en' });
    expect(english.body.coupons.map((c) => [c.ruleText, c.minOrderText])).toEqual([
      ['₩3,000 off', 'on orders of ₩20,000 or more'],
      ['₩5,000 off', 'on orders of ₩50,000 or more'],
      ['10% off (up to ₩10,000)', 'on orders of ₩30,000 or more'],
    ]);
  });

  it('shows the coupon the order carries, and follows an edit that spends a listed coupon and points', async () => {
    const member = await addMember(server.database.db, shopId, { name: '이적립', gradeName: '일반', points: 5000, couponName: WELCOME });
    const second = await issueCoupon(member.customerId, TEN_PERCENT);
    const orderer = { customerId: member.customerId, name: '이적립', phone: '010-2222-3333' };
    const order = await placeOrder(server.storefront, orderer, { discounts: { customerCouponId: member.customerCouponId, pointsUsed: 1000 } });

    const atCheckout = (await benefits(order.id)).body;
    expect(atCheckout).toMatchObject({
      member: { pointsBalance: 4000, gradeName: '일반' },
      orderPointsUsed: 1000,
      appliedCoupon: { customerCouponId: member.customerCouponId, name: WELCOME, ruleText: '3,000원 할인', discount: 3000 },
    });
    expect(atCheckout.coupons.map((c) => c.customerCouponId)).toEqual([second]);

    // the order carries a coupon, so an edit spends points only; the listed balance is the limit
    const edit = await server.owner.post<CreateEditResponse>(`/api/v1/orders/${order.id}/edits`, {
      expectedVersion: order.version,
      actions: [{ type: 'use_points', amount: atCheckout.member!.pointsBalance }],
    });
    expect(edit.status).toBe(201);
    const committed = await server.owner.post<{ result: CommitEditResult }>(`/api/v1/orders/${order.id}/edits/${edit.body.editId}/commit`, { expectedVersion: order.version });
    expect(committed.status).toBe(200);
    expect((await benefits(order.id)).body).toMatchObject({ member: { pointsBalance: 0 }, orderPointsUsed: 5000 });

    // another order of the same member: the coupon listed there is what apply_coupon takes
    const next = await placeOrder(server.storefront, orderer);
    const listed = (await benefits(next.id)).body.coupons;
    expect(listed.map((c) => c.customerCouponId)).toEqual([second]);
    const withCoupon = await server.owner.post<CreateEditResponse>(`/api/v1/orders/${next.id}/edits`, {
      expectedVersion: next.version,
      actions: [{ type: 'add_item', custom: { name: '포장', unitPrice: 2000 }, quantity: 1 }, { type: 'apply_coupon', customerCouponId: listed[0]!.customerCouponId }],
    });
    expect(withCoupon.body.preview.couponApplied).toMatchObject({ customerCouponId: second, name: TEN_PERCENT, discount: 6200 });
    await server.owner.post(`/api/v1/orders/${next.id}/edits/${withCoupon.body.editId}/commit`, { expectedVersion: next.version });
    expect((await benefits(next.id)).body).toMatchObject({ coupons: [], appliedCoupon: { customerCouponId: second, ruleText: '10% 할인 (최대 10,000원)', discount: 6200 } });
  });

  it('answers member null with empty lists for a guest order', async () => {
    const order = await placeOrder(server.storefront, guest);
    const res = await benefits(order.id);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ orderId: order.id, member: null, orderGrade: null, orderPointsUsed: 0, coupons: [], appliedCoupon: null });
  });

  it('answers 404 for another shop’s order and an unknown one; a viewer and an API key may read, nobody else', async () => {
    const other = await createShop(server.database.db, { name: '다른샵', ownerEmail: `other${Date.now()}@test.kr`, ownerName: '박다른', ownerPassword: 'other-password-1' });
    const theirs = await placeOrder(new HttpClient(server.baseUrl, { authorization: `Bearer ${other.apiKey}` }), guest);
    const notOurs = await benefits(theirs.id);
    expect([notOurs.status, notOurs.body.error.code]).toEqual([404, 'ORDER_NOT_FOUND']);
    expect((await benefits(99_999_999)).status).toBe(404);

    const member = await addMember(server.database.db, shopId, { name: '최열람', gradeName: 'VIP', points: 700, couponName: TEN_PERCENT });
    const ours = await placeOrder(server.storefront, { customerId: member.customerId, name: '최열람', phone: '010-2222-3333' });
    const viewer = await server.addStaff('viewer');
    const asViewer = await benefits(ours.id, viewer);
    expect(asViewer.status).toBe(200);
    expect(asViewer.body).toMatchObject({ member: { pointsBalance: 700, gradeName: 'VIP' }, coupons: [{ customerCouponId: member.customerCouponId }] });
    expect((await benefits(ours.id, server.storefront)).status).toBe(200);
    expect((await benefits(ours.id, server.anonymous())).status).toBe(401);
  });
});
