import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreateEditResponse } from '../src/contracts/edits';
import type { MyOrderDetail } from '../src/contracts/my';
import type { OrderDetail } from '../src/contracts/orders';
import type { PaymentSummary } from '../src/contracts/payment-summary';
import type { UnitStatus } from '../src/domain/status';
import { shops } from '../src/server/db/schema/index';
import type { NewBuyerSession } from '../src/server/my/session';
import { createShop } from '../src/server/shops/service';
import { buyerClient } from './support/buyer';
import { addMember, addProduct, cardPayment, seoulAddress } from './support/fixtures';
import { HttpClient, startTestServer, type TestServer } from './support/server';

type ErrorBody = { error: { code: string } };
type MyOrderList = { orders: Array<{ orderNumber: string; orderedAt: string; itemSummary: string; itemCount: number; totalAmount: number; balanceDue: number; statuses: Array<{ status: string; statusLabel: string; quantity: number }>; openPaymentRequests: number }>; nextCursor: string | null };
type Mutation = { order: OrderDetail };

let server: TestServer;
let shopId: number;
let member: { customerId: number };
let other: { customerId: number };
let shipped: OrderDetail; // the member's older order: shipped, delivered, reverted, cancelled, with a memo
let edited: OrderDetail; // the member's newer order: an edit owed for, with payment requests
let othersOrder: OrderDetail;
let guestOrder: OrderDetail;
let otherShopOrder: OrderDetail;
let otherShopId: number;
let memberClient: HttpClient;

const MEMO = '고객이 전화로 배송을 재촉함 (내부용 메모)';
const TRACKING = '640123456789';
const shirtPayment = cardPayment(57_000);

/** A buyer session (buyerClient's parameter type drops the member and guest fields, so it is given a whole session). */
const signedIn = (session: NewBuyerSession) => buyerClient(server, session);
const staffDetail = async (orderId: number) => (await server.owner.get<OrderDetail>(`/api/v1/orders/${orderId}`)).body;
const itemId = (o: OrderDetail, name: string) => o.items.find((i) => i.productName === name)!.id;

/** Moves `quantity` units of an item from the group where they are `from` to `to`, as staff do. */
async function move(o: OrderDetail, name: string, from: UnitStatus, quantity: number, to: UnitStatus, shipment?: { courier: string; trackingNumber: string }) {
  const item = itemId(o, name);
  const group = o.shipmentGroups.find((g) => g.status === from && g.items.some((i) => i.itemId === item))!;
  const res = await server.owner.post<Mutation>(`/api/v1/orders/${o.id}/status-changes`, {
    expectedVersion: o.version,
    changes: [{ shipmentGroupId: group.id, itemId: item, quantity, to }],
    ...(shipment ? { shipment } : {}),
  });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.order;
}

async function placeOrder(client: HttpClient, body: Record<string, unknown>) {
  const res = await client.post<OrderDetail>('/api/v1/orders', { addresses: [seoulAddress()], ...body });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

beforeAll(async () => {
  server = await startTestServer();
  shopId = server.shop.shopId;
  const { db } = server.database;
  await db.update(shops).set({ csPhone: '1588-0000', csEmail: 'cs@test-shop.kr' }).where(eq(shops.id, shopId));
  const shirt = await addProduct(db, shopId, {
    name: '린넨 셔츠',
    price: 15_000,
    options: [{ name: '블랙', stock: 10 }, { name: '화이트', stock: 0 }, { name: '네이비', extraPrice: 2000, stock: 5 }, { name: '베이지', stock: null }],
  });
  const socks = await addProduct(db, shopId, { name: '면 양말', price: 12_000 });
  member = await addMember(db, shopId, { name: '김회원', gradeName: '일반', points: 0 });
  other = await addMember(db, shopId, { name: '박회원', gradeName: '일반', points: 0 });
  const orderer = (m: { customerId: number }, name: string) => ({ customerId: m.customerId, name, phone: '010-2222-3333' });

  // 45,000 + 12,000 = 57,000: free shipping
  shipped = await placeOrder(server.storefront, {
    orderedAt: '2026-03-01T10:00:00+09:00',
    orderer: orderer(member, '김회원'),
    items: [{ productId: shirt.productId, optionId: shirt.optionIds[0], quantity: 3 }, { productId: socks.productId, quantity: 1 }],
    payment: shirtPayment,
  });
  shipped = await move(shipped, '린넨 셔츠', 'paid', 2, 'preparing');
  shipped = await move(shipped, '린넨 셔츠', 'preparing', 2, 'ready_to_ship');
  shipped = await move(shipped, '린넨 셔츠', 'ready_to_ship', 2, 'shipping', { courier: 'CJ대한통운', trackingNumber: TRACKING });
  shipped = await move(shipped, '린넨 셔츠', 'shipping', 1, 'delivered');
  // a step taken by mistake and taken back: the revert is a staff correction, not the buyer's news
  shipped = await move(shipped, '면 양말', 'paid', 1, 'preparing');
  shipped = await move(shipped, '면 양말', 'preparing', 1, 'paid');
  expect((await server.owner.post(`/api/v1/orders/${shipped.id}/memos`, { body: MEMO })).status).toBe(201);
  const socksItem = itemId(shipped, '면 양말');
  const socksGroup = shipped.shipmentGroups.find((g) => g.items.some((i) => i.itemId === socksItem))!.id;
  const cancel = await server.owner.post<Mutation>(`/api/v1/orders/${shipped.id}/cancellations`, {
    expectedVersion: (await staffDetail(shipped.id)).version,
    items: [{ itemId: socksItem, shipmentGroupId: socksGroup, quantity: 1 }],
    reason: '품절',
    complete: true,
  });
  expect(cancel.status, JSON.stringify(cancel.body)).toBe(201);
  shipped = cancel.body.order;

  // 12,000 + 3,000 shipping; an edit adds 10,000 the buyer owes, asked for in two requests
  edited = await placeOrder(server.storefront, {
    orderedAt: '2026-03-05T10:00:00+09:00',
    orderer: orderer(member, '김회원'),
    items: [{ productId: socks.productId, quantity: 1 }],
    payment: cardPayment(15_000),
  });
  const edit = await server.owner.post<CreateEditResponse>(`/api/v1/orders/${edited.id}/edits`, {
    expectedVersion: edited.version,
    actions: [{ type: 'add_item', custom: { name: '보조배터리', unitPrice: 10_000 }, quantity: 1 }],
  });
  expect((await server.owner.post(`/api/v1/orders/${edited.id}/edits/${edit.body.editId}/commit`, { expectedVersion: edited.version })).status).toBe(200);
  const due = new Date(Date.now() + 3 * 86_400_000).toISOString();
  for (const request of [{ amount: 6000, reason: '보조배터리 추가', dueAt: due }, { amount: 4000, reason: '지난 요청', dueAt: '2026-01-02T00:00:00+09:00' }]) {
    const res = await server.owner.post(`/api/v1/orders/${edited.id}/payment-requests`, { expectedVersion: (await staffDetail(edited.id)).version, ...request });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
  }
  edited = await staffDetail(edited.id);

  othersOrder = await placeOrder(server.storefront, {
    orderedAt: '2026-03-03T10:00:00+09:00',
    orderer: orderer(other, '박회원'),
    items: [{ productId: socks.productId, quantity: 1 }],
    payment: cardPayment(15_000),
  });
  guestOrder = await placeOrder(server.storefront, {
    orderer: { name: '이손님', phone: '010-7777-8888', guestPassword: 'guest-pw' },
    items: [{ custom: { name: '액자', unitPrice: 30_000 }, quantity: 1 }],
    payment: cardPayment(33_000),
  });
  const second = await createShop(db, { name: '다른샵', ownerEmail: `other${Date.now()}@test.kr`, ownerName: '최사장' });
  otherShopId = second.shopId;
  otherShopOrder = await placeOrder(new HttpClient(server.baseUrl, { authorization: `Bearer ${second.apiKey}` }), {
    orderer: { name: '김회원', phone: '010-2222-3333', guestPassword: 'guest-pw' },
    items: [{ custom: { name: '머그컵', unitPrice: 9000 }, quantity: 1 }],
    payment: cardPayment(12_000),
  });
  memberClient = await signedIn({ shopId, buyer: 'member', customerId: member.customerId });
});
afterAll(() => server.close());

describe('the buyer order list (GET /api/v1/my/orders)', () => {
  it("lists only the member's own orders, newest first, with units per status", async () => {
    const res = await memberClient.get<MyOrderList>('/api/v1/my/orders');
    expect(res.status).toBe(200);
    expect(res.body.orders.map((o) => o.orderNumber)).toEqual([edited.orderNumber, shipped.orderNumber]);
    expect(res.body.nextCursor).toBeNull();
    const [newer, older] = res.body.orders;
    expect(older).toMatchObject({ itemSummary: '린넨 셔츠 외 1건', itemCount: 2, totalAmount: shipped.totals.orderTotal, balanceDue: 0, openPaymentRequests: 0 });
    expect(older!.statuses).toEqual([
      { status: 'paid', statusLabel: '결제완료', quantity: 1 },
      { status: 'shipping', statusLabel: '배송중', quantity: 1 },
      { status: 'delivered', statusLabel: '배송완료', quantity: 1 },
      { status: 'cancelled', statusLabel: '취소완료', quantity: 1 },
    ]);
    // one request is open; the other is past its due date
    expect(newer).toMatchObject({ itemSummary: '면 양말 외 1건', totalAmount: 25_000, balanceDue: 10_000, openPaymentRequests: 1 });
    expect(newer!.statuses.reduce((n, s) => n + s.quantity, 0)).toBe(2);
  });

  it('pages by cursor and refuses a cursor it did not write', async () => {
    const first = await memberClient.get<MyOrderList>('/api/v1/my/orders?limit=1');
    expect(first.body.orders.map((o) => o.orderNumber)).toEqual([edited.orderNumber]);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const next = await memberClient.get<MyOrderList>(`/api/v1/my/orders?limit=1&cursor=${first.body.nextCursor}`);
    expect(next.body.orders.map((o) => o.orderNumber)).toEqual([shipped.orderNumber]);
    expect(next.body.nextCursor).toBeNull();
    const forged = await memberClient.get<ErrorBody>('/api/v1/my/orders?cursor=not-a-cursor');
    expect([forged.status, forged.body.error.code]).toEqual([400, 'VALIDATION_FAILED']);
  });

  it('labels statuses in English on request', async () => {
    const res = await memberClient.get<MyOrderList>('/api/v1/my/orders', { 'accept-language': 'en' });
    expect(res.body.orders[1]!.itemSummary).toBe('린넨 셔츠 and 1 more');
    expect(res.body.orders[1]!.statuses.map((s) => s.statusLabel)).toEqual(['Paid', 'Shipping', 'Delivered', 'Cancelled']);
  });
});

describe('the buyer order page (GET /api/v1/my/orders/:orderNumber)', () => {
  let page: MyOrderDetail;
  beforeAll(async () => {
    const res = await memberClient.get<MyOrderDetail>(`/api/v1/my/orders/${shipped.orderNumber}`);
    expect(res.status).toBe(200);
    page = res.body;
  });

  it('shows items with their units, the amount paid per line and the options to exchange for', () => {
    expect(page).toMatchObject({ orderNumber: shipped.orderNumber, member: true, orderer: { name: '김회원', phone: '010-2222-3333' } });
    const [shirt, socks] = page.items;
    expect(shirt).toMatchObject({ productName: '린넨 셔츠', optionName: '블랙', unitPrice: 15_000, quantity: 3, amount: 45_000 });
    expect(shirt!.units.map((u) => [u.statusLabel, u.quantity])).toEqual([['결제완료', 1], ['배송중', 1], ['배송완료', 1]]);
    // same product at the same price; 네이비 costs more, 화이트 is out of stock
    expect(shirt!.exchangeOptions.map((o) => [o.name, o.available])).toEqual([['화이트', false], ['베이지', true]]);
    expect(socks).toMatchObject({ amount: 0, units: [{ status: 'cancelled', statusLabel: '취소완료', quantity: 1 }], exchangeOptions: [] });
  });

  it('shows each parcel with its courier tracking link', () => {
    const withTracking = page.parcels.filter((p) => p.trackingNumber === TRACKING);
    expect(withTracking.map((p) => p.status).sort()).toEqual(['delivered', 'shipping']);
    for (const p of withTracking) {
      expect(p).toMatchObject({ courier: 'CJ', courierLabel: 'CJ대한통운', trackingUrl: `https://trace.cjlogistics.com/next/tracking.html?wblNo=${TRACKING}`, awaitingAdditionalPayment: false });
      expect(p.shippedAt).not.toBeNull();
    }
    expect(page.parcels.find((p) => p.status === 'paid')).toMatchObject({ trackingUrl: null, courier: null });
    expect(page.addresses).toEqual([expect.objectContaining({ recipientName: '홍길동', phone: '010-1234-5678', postcode: '04524' })]);
  });

  it("shows the payment figures the shop's own payment summary shows", async () => {
    const summary = (await server.owner.get<PaymentSummary>(`/api/v1/orders/${shipped.id}/payment-summary`)).body;
    const p = page.payment;
    expect([p.totalAmount, p.paidAmount, p.refundedAmount, p.balanceDue]).toEqual([summary.amounts.orderTotal, summary.amounts.paid, summary.amounts.refunded, summary.amounts.balanceDue]);
    expect(p.refundedAmount).toBeGreaterThan(0);
    expect(p.itemsAmount - p.discounts.reduce((n, d) => n + d.amount, 0) - p.pointsUsed + p.shippingFee + p.feesAmount).toBe(p.totalAmount);
    expect(p.payments).toEqual([
      expect.objectContaining({ method: 'card', methodLabel: '신용카드', statusLabel: '결제완료', amount: 57_000, cardCompany: '신한카드', cardNumberMasked: '5365-10**-****-1234', installmentLabel: '3개월' }),
    ]);
    expect(p.refunds).toEqual([expect.objectContaining({ amount: p.refundedAmount, status: 'done', statusLabel: '환불완료', methodLabel: '결제수단으로 환불' })]);
  });

  it('shows the cancel as a claim the buyer can no longer withdraw', () => {
    expect(page.claims).toEqual([
      expect.objectContaining({ kind: 'cancel', kindLabel: '취소', status: 'cancelled', statusLabel: '취소완료', reason: '기타: 품절', withdrawable: false, items: [{ itemId: page.items[1]!.itemId, quantity: 1 }] }),
    ]);
  });

  it('shows the history meant for the buyer only: no memo, no staff correction, no staff name', () => {
    const lines = page.timeline.map((t) => t.description);
    expect(lines).toContain(`송장번호가 등록되었습니다 (CJ대한통운 ${TRACKING})`);
    expect(lines).toContain('린넨 셔츠 / 블랙 1개를 배송완료로 변경했습니다 (배송중 → 배송완료)');
    expect(lines.some((l) => l.includes('되돌림') || l.includes('되돌렸'))).toBe(false);
    expect(lines.some((l) => l.includes('메모'))).toBe(false);
    expect(page.timeline.every((t) => t.actor === 'shop')).toBe(true);
    const ats = page.timeline.map((t) => t.at);
    expect(ats).toEqual([...ats].sort().reverse());
    const everything = JSON.stringify(page);
    for (const secret of [MEMO, '김주인', shirtPayment.gatewayTransactionId, 'toss']) expect(everything).not.toContain(secret);
  });

  it("shows the shop's contact and what the buyer may do now", () => {
    expect(page.shop).toEqual({
      name: '테스트샵',
      csPhone: '1588-0000',
      csEmail: 'cs@test-shop.kr',
      business: { businessName: null, representativeName: null, businessNumber: null, mailOrderNumber: null, businessAddress: null },
      depositAccounts: [],
    });
    const shirtId = page.items[0]!.itemId;
    const group = (status: string) => page.parcels.find((p) => p.status === status)!.shipmentGroupId;
    expect(page.actions).toEqual({
      cancellable: [{ itemId: shirtId, shipmentGroupId: group('paid'), quantity: 1 }],
      returnable: [{ itemId: shirtId, shipmentGroupId: group('delivered'), quantity: 1 }],
      confirmable: [{ itemId: shirtId, shipmentGroupId: group('delivered'), quantity: 1 }],
      returnWindowDays: 7,
      instantCancel: true,
    });
  });

  it('shows the open payment request as payable and the one past due as expired', async () => {
    const res = await memberClient.get<MyOrderDetail>(`/api/v1/my/orders/${edited.orderNumber}`);
    expect(res.status).toBe(200);
    expect(res.body.paymentRequests.map((r) => [r.amount, r.status, r.statusLabel, r.payable])).toEqual([
      [4000, 'expired', '기한만료', false],
      [6000, 'pending', '결제대기', true],
    ]);
    expect(res.body.payment.balanceDue).toBe(10_000);
    expect(res.body.timeline.map((t) => t.description)).toContain('추가 결제 6,000원을 요청했습니다 (보조배터리 추가)');
    const battery = res.body.items.find((i) => i.productName === '보조배터리')!;
    const parcel = res.body.parcels.find((p) => p.items.some((i) => i.itemId === battery.itemId))!;
    // units an edit added wait for the payment when the shop holds them (입금대기), else they ship with the rest
    expect(parcel.awaitingAdditionalPayment).toBe(parcel.status === 'awaiting_payment');
  });

  it('reads in English on request', async () => {
    const res = await memberClient.get<MyOrderDetail>(`/api/v1/my/orders/${shipped.orderNumber}`, { 'accept-language': 'en' });
    expect(res.body.parcels.find((p) => p.status === 'delivered')).toMatchObject({ statusLabel: 'Delivered', courierLabel: 'CJ Logistics' });
    expect(res.body.payment.payments[0]).toMatchObject({ methodLabel: 'Card', statusLabel: 'Paid', installmentLabel: '3 months' });
    expect(res.body.claims[0]).toMatchObject({ kindLabel: 'Cancel', statusLabel: 'Cancelled' });
    expect(res.body.timeline.map((t) => t.description)).toContain(`Tracking number assigned (CJ Logistics ${TRACKING})`);
  });
});

describe('who reaches which order', () => {
  const get = (client: HttpClient, orderNumber: string) => client.get<ErrorBody>(`/api/v1/my/orders/${orderNumber}`);

  it("answers 404 for another member's order and another shop's, as for one that does not exist", async () => {
    for (const orderNumber of [othersOrder.orderNumber, guestOrder.orderNumber, otherShopOrder.orderNumber, 'NO-SUCH-ORDER']) {
      const res = await get(memberClient, orderNumber);
      expect([res.status, res.body.error.code], orderNumber).toEqual([404, 'ORDER_NOT_FOUND']);
    }
  });

  it('lets a guest session reach its one order and no other', async () => {
    const guest = await signedIn({ shopId, buyer: 'guest', orderId: guestOrder.id });
    const list = await guest.get<MyOrderList>('/api/v1/my/orders');
    expect(list.body.orders.map((o) => [o.orderNumber, o.itemSummary])).toEqual([[guestOrder.orderNumber, '액자']]);
    const page = await guest.get<MyOrderDetail>(`/api/v1/my/orders/${guestOrder.orderNumber}`);
    expect(page.status).toBe(200);
    expect(page.body).toMatchObject({ member: false, orderer: { name: '이손님', phone: '010-7777-8888' }, items: [{ productName: '액자', exchangeOptions: [] }] });
    for (const orderNumber of [shipped.orderNumber, othersOrder.orderNumber, otherShopOrder.orderNumber]) expect((await get(guest, orderNumber)).status).toBe(404);

    // a guest of the other shop reaches its own order, never this shop's
    const elsewhere = await signedIn({ shopId: otherShopId, buyer: 'guest', orderId: otherShopOrder.id });
    expect((await get(elsewhere, otherShopOrder.orderNumber)).status).toBe(200);
    expect((await get(elsewhere, guestOrder.orderNumber)).status).toBe(404);
  });

  it('refuses without a buyer session: nobody, a staff cookie, an API key', async () => {
    for (const client of [server.anonymous(), server.owner, server.storefront]) {
      for (const path of ['/api/v1/my/orders', `/api/v1/my/orders/${shipped.orderNumber}`]) {
        const res = await client.get<ErrorBody>(path);
        expect([res.status, res.body.error.code], path).toEqual([401, 'UNAUTHENTICATED']);
      }
    }
  });
});
