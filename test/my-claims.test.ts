import { and, eq, sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ClaimDto, RefundProposalDto } from '../src/contracts/claims';
import type { MyChangeResult, MyOrderDetail } from '../src/contracts/my';
import type { OrderListResponse } from '../src/contracts/order-list';
import type { OrderDetail } from '../src/contracts/orders';
import type { TimelineResponse } from '../src/contracts/timeline';
import type { ShopPolicy } from '../src/domain/shop-policy';
import { claims, shipmentGroups, shops } from '../src/server/db/schema/index';
import { buyerClient } from './support/buyer';
import { addMember, addProduct, cardPayment, seoulAddress } from './support/fixtures';
import { expectOrdersSound } from './support/invariants';
import type { HttpClient, TestResponse, TestServer } from './support/server';
import { startTestServer } from './support/server';

type ErrorBody = { error: { code: string; message: string; details?: Record<string, unknown> } };
type Units = Array<{ itemId: number; shipmentGroupId: number; quantity: number }>;

let server: TestServer;
let knit: { productId: number; optionIds: number[] };
let socks: { productId: number };
const touched = new Set<number>();
const busan = { name: '김반품', phone: '010-9876-5432', postcode: '48058', address1: '부산광역시 해운대구 센텀중앙로 79', address2: '101동 202호' };
const bankPayment = (amount: number) => ({ method: 'bank_transfer', amount, status: 'paid', bankTransfer: { bank: '국민은행', accountNumber: '123-45-6789', holder: '주문데모샵', depositorName: '홍길동' } });

beforeAll(async () => {
  server = await startTestServer();
  // M and L cost the same; XL costs 2,000원 more
  knit = await addProduct(server.database.db, server.shop.shopId, { name: '울 니트', price: 40000, options: [{ name: 'M', stock: 500 }, { name: 'L', stock: 500 }, { name: 'XL', extraPrice: 2000, stock: 500 }] });
  socks = await addProduct(server.database.db, server.shop.shopId, { name: '면 양말', price: 12000 });
});
afterAll(() => server.close());
afterEach(() => expectOrdersSound(server, touched));

/** 2 knits (M) and a pair of socks to one Seoul address: 92,000원, free shipping (≥ 50,000원). */
async function placeOrder(opts: { member?: boolean; payment?: Record<string, unknown>; items?: Array<Record<string, unknown>> } = {}) {
  const member = opts.member ? await addMember(server.database.db, server.shop.shopId, { name: '정회원', gradeName: '일반', points: 0 }) : null;
  const orderer = member ? { customerId: member.customerId, name: '정회원', phone: '010-2222-3333' } : { name: '홍길동', phone: '010-1234-5678', guestPassword: 'pw12' };
  const res = await server.storefront.post<OrderDetail>('/api/v1/orders', {
    orderer,
    addresses: [seoulAddress()],
    items: opts.items ?? [{ productId: knit.productId, optionId: knit.optionIds[0], quantity: 2 }, { productId: socks.productId, quantity: 1 }],
    payment: opts.payment ?? cardPayment(92000),
  });
  expect(res.status).toBe(201);
  touched.add(res.body.id);
  // a variable, not a literal: buyerClient's parameter type (Omit over the session union) lists neither customerId nor orderId
  const session = member ? { buyer: 'member' as const, customerId: member.customerId } : { buyer: 'guest' as const, orderId: res.body.id };
  const buyer = await buyerClient(server, session);
  return { order: res.body, buyer };
}

const detail = async (order: OrderDetail) => (await server.owner.get<OrderDetail>(`/api/v1/orders/${order.id}`)).body;
const claimsOf = async (order: OrderDetail) => (await server.owner.get<{ claims: ClaimDto[] }>(`/api/v1/orders/${order.id}/claims`)).body.claims;
const timeline = async (order: OrderDetail) => (await server.owner.get<TimelineResponse>(`/api/v1/orders/${order.id}/timeline?only=events`)).body.entries;
const knitOf = (o: OrderDetail) => o.items.find((i) => i.productName === '울 니트')!.id;
const socksOf = (o: OrderDetail) => o.items.find((i) => i.productName === '면 양말')!.id;
const unitsOf = (o: OrderDetail, itemId: number, quantity: number): Units => [{ itemId, shipmentGroupId: o.shipmentGroups.find((g) => g.items.some((i) => i.itemId === itemId))!.id, quantity }];

/** Staff move every unit of the order one step, as the order list's status buttons do. */
async function moveAll(order: OrderDetail, to: string, extra: Record<string, unknown> = {}): Promise<OrderDetail> {
  const changes = order.shipmentGroups.flatMap((g) => g.items.map((i) => ({ shipmentGroupId: g.id, itemId: i.itemId, quantity: i.quantity, to })));
  const res = await server.owner.post<{ order: OrderDetail }>(`/api/v1/orders/${order.id}/status-changes`, { expectedVersion: order.version, changes, ...extra });
  expect(res.status).toBe(200);
  return res.body.order;
}
async function shipped(order: OrderDetail) {
  let o = await moveAll(order, 'preparing');
  o = await moveAll(o, 'ready_to_ship');
  return moveAll(o, 'shipping', { shipment: { courier: 'CJ대한통운', trackingNumber: '640100000001' } });
}
const delivered = async (order: OrderDetail) => moveAll(await shipped(order), 'delivered');

const my = (order: OrderDetail, path: string) => `/api/v1/my/orders/${order.orderNumber}${path}`;
const cancel = (buyer: HttpClient, order: OrderDetail, body: Record<string, unknown>, headers?: Record<string, string>) =>
  buyer.post<MyChangeResult & ErrorBody>(my(order, '/cancellations'), { expectedVersion: order.version, reasonCode: 'change_of_mind', ...body }, headers);
const claimRequest = (buyer: HttpClient, kind: 'returns' | 'exchanges', order: OrderDetail, body: Record<string, unknown>) =>
  buyer.post<MyChangeResult & ErrorBody>(my(order, `/${kind}`), { expectedVersion: order.version, reasonCode: 'change_of_mind', pickup: busan, ...body });
const withdraw = (buyer: HttpClient, order: OrderDetail, claimId: number) => buyer.post<MyChangeResult & ErrorBody>(my(order, `/claims/${claimId}/withdraw`), { expectedVersion: order.version });

/** A refused request answers its code and leaves the order exactly as it was, version included. */
async function expectRefused(order: OrderDetail, call: () => Promise<TestResponse<MyChangeResult & ErrorBody>>, status: number, code: string) {
  const before = await detail(order);
  const res = await call();
  expect([res.status, res.body.error?.code]).toEqual([status, code]);
  expect(await detail(order)).toEqual(before);
  return res.body.error;
}

async function setShop(values: Partial<typeof shops.$inferInsert>) {
  await server.database.db.update(shops).set(values).where(eq(shops.id, server.shop.shopId));
}

/** Rewrites the policy version the order was placed under (a test's shortcut: the API only ever adds versions). */
async function setOrderPolicy(orderId: number, values: Partial<ShopPolicy>) {
  const shopId = server.shop.shopId;
  await server.database.db.execute(sql`update shop_policies set policy = policy || ${JSON.stringify(values)}::jsonb
    where shop_id = ${shopId} and id = (select coalesce(o.policy_id, (select min(id) from shop_policies where shop_id = ${shopId})) from orders o where o.shop_id = ${shopId} and o.id = ${orderId})`);
}

describe('a buyer cancels units not shipped yet', () => {
  it('completes at once with the refund through the gateway when nothing was prepared; the buyer is the actor', async () => {
    const { order, buyer } = await placeOrder({ member: true });
    const items = unitsOf(order, socksOf(order), 1);
    const preview = await server.owner.post<RefundProposalDto>(`/api/v1/orders/${order.id}/cancellations/preview`, { items });
    // 80,000원 left stays over the free-shipping threshold: the socks' 12,000원 back, nothing deducted
    expect(preview.body).toMatchObject({ amount: 12000, shippingChange: 0 });

    const res = await cancel(buyer, order, { items, reasonCode: 'other', reasonText: '다른 색으로 다시 살게요' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ statusLabel: '취소완료', refund: { amount: 12000, statusLabel: '환불완료' } });

    const after = await detail(order);
    expect(res.body.version).toBe(after.version);
    expect(after.items.find((i) => i.id === socksOf(order))!.quantityByStatus).toEqual({ cancelled: 1 });
    expect(after.totals).toMatchObject({ orderTotal: 80000, paid: 92000, refunded: 12000, balanceDue: 0 });
    expect(after.totals.paid - after.totals.refunded).toBe(after.totals.orderTotal - after.totals.balanceDue);

    const [claim] = await claimsOf(order);
    expect(claim).toMatchObject({ id: res.body.claimId, kind: 'cancel', status: 'cancelled', requestedBy: 'buyer', reason: '기타: 다른 색으로 다시 살게요' });
    expect(claim!.refunds).toMatchObject([{ amount: 12000, method: 'gateway', status: 'done', parts: [{ status: 'done' }] }]);
    const [row] = await server.database.db.select({ code: claims.reasonCode, text: claims.reasonText }).from(claims).where(and(eq(claims.shopId, server.shop.shopId), eq(claims.id, claim!.id)));
    expect(row).toEqual({ code: 'other', text: '다른 색으로 다시 살게요' });

    const events = await timeline(order);
    for (const type of ['claim_requested', 'claim_status_changed', 'refund_completed']) {
      expect(events.find((e) => e.kind === 'event' && e.type === type)?.actor, type).toMatchObject({ kind: 'buyer', name: '정회원' });
    }
    // My Page says how the refund was worked out
    const mine = (await buyer.get<MyOrderDetail>(my(order, ''))).body.payment.refunds;
    expect(mine).toHaveLength(1);
    expect(mine[0]!.explanation[0]).toMatch(/^면 양말 1개를 취소합니다 \(개당 12,000원 × 1 = 12,000원\)$/);
  });

  it('stays 취소접수 for staff when the shop does not let buyers cancel at once', async () => {
    const { order, buyer } = await placeOrder();
    await setShop({ buyerInstantCancel: false });
    try {
      const res = await cancel(buyer, order, { items: unitsOf(order, knitOf(order), 1) });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ statusLabel: '취소접수', refund: null });
    } finally {
      await setShop({ buyerInstantCancel: true });
    }
    const after = await detail(order);
    expect(after.totals).toMatchObject({ orderTotal: 92000, refunded: 0 });
    expect(after.items.find((i) => i.id === knitOf(order))!.quantityByStatus).toEqual({ paid: 1, cancel_requested: 1 });
  });

  it('stays 취소접수 once the units are being prepared', async () => {
    const { order, buyer } = await placeOrder();
    const preparing = await moveAll(order, 'preparing');
    const res = await cancel(buyer, preparing, { items: unitsOf(preparing, knitOf(preparing), 2) });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ statusLabel: '취소접수', refund: null });
    expect((await claimsOf(order))[0]).toMatchObject({ status: 'cancel_requested', requestedBy: 'buyer', items: [{ quantity: 2, fromStatus: 'preparing' }] });
  });

  it('completes a cancel whose worth the shipping now due takes: nothing back, said so', async () => {
    const sticker = await addProduct(server.database.db, server.shop.shopId, { name: '스티커', price: 2000 });
    const items = [{ productId: knit.productId, optionId: knit.optionIds[0], quantity: 1 }, { productId: sticker.productId, quantity: 5 }];
    const { order, buyer } = await placeOrder({ items, payment: cardPayment(50000) });
    // 48,000원 left is under the threshold: shipping is now due, charged up to the sticker's 2,000원
    const cancelled = await cancel(buyer, order, { items: unitsOf(order, order.items.find((i) => i.productName === '스티커')!.id, 1) });
    expect(cancelled.status).toBe(201);
    expect(cancelled.body).toMatchObject({ statusLabel: '취소완료', refund: { amount: 0, statusLabel: '환불금 없음' } });
    expect((await detail(order)).totals).toMatchObject({ shippingFee: 2000, orderTotal: 50000, paid: 50000, refunded: 0, balanceDue: 0 });
  });

  it('refuses shipped units, changing nothing', async () => {
    const { order, buyer } = await placeOrder();
    const sent = await shipped(order);
    await expectRefused(sent, () => cancel(buyer, sent, { items: unitsOf(sent, knitOf(sent), 1) }), 422, 'BUYER_CLAIM_NOT_ALLOWED');
  });

  it('completes a deposited 무통장 order’s cancel when the buyer names a refund account, else leaves it to staff', async () => {
    const { order, buyer } = await placeOrder({ payment: bankPayment(92000) });
    const first = await cancel(buyer, order, { items: unitsOf(order, socksOf(order), 1) });
    expect(first.body).toMatchObject({ statusLabel: '취소접수', refund: null });

    const now = await detail(order);
    const account = { bank: '신한은행', accountNumber: '110-123-456789', holderName: '홍길동' };
    const second = await cancel(buyer, now, { items: unitsOf(now, knitOf(now), 1), refundAccount: account });
    expect(second.status).toBe(201);
    // a transfer waits for staff to send it: pending, not done
    expect(second.body).toMatchObject({ statusLabel: '취소완료', refund: { amount: 40000, statusLabel: '환불대기' } });
    const claim = (await claimsOf(order)).find((c) => c.id === second.body.claimId)!;
    expect(claim.refunds).toMatchObject([{ method: 'bank_transfer', status: 'pending', refundAccount: account }]);
  });

  it('answers a replay with the same Idempotency-Key with the first result: one claim, one refund', async () => {
    const { order, buyer } = await placeOrder({ member: true });
    const body = { items: unitsOf(order, socksOf(order), 1) };
    const first = await cancel(buyer, order, body, { 'idempotency-key': 'my-cancel-1' });
    const again = await cancel(buyer, order, body, { 'idempotency-key': 'my-cancel-1' });
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body).toEqual(first.body);
    const list = await claimsOf(order);
    expect(list).toHaveLength(1);
    expect(list[0]!.refunds).toHaveLength(1);
    expect((await detail(order)).totals.refunded).toBe(12000);
  });

  it('refuses a stale version (409), reasonCode other without words (400), and another buyer’s order (404)', async () => {
    const { order, buyer } = await placeOrder({ member: true });
    const items = unitsOf(order, socksOf(order), 1);
    await expectRefused(order, () => buyer.post(my(order, '/cancellations'), { expectedVersion: order.version - 1 || 99, items, reasonCode: 'change_of_mind' }), 409, 'ORDER_VERSION_CONFLICT');
    await expectRefused(order, () => cancel(buyer, order, { items, reasonCode: 'other' }), 400, 'VALIDATION_FAILED');
    await expectRefused(order, () => cancel(buyer, order, { items, reasonCode: 'other', reasonText: '   ' }), 400, 'VALIDATION_FAILED');

    const other = await placeOrder({ member: true });
    const guest = await placeOrder();
    await expectRefused(order, () => cancel(other.buyer, order, { items }), 404, 'ORDER_NOT_FOUND');
    await expectRefused(order, () => cancel(guest.buyer, order, { items }), 404, 'ORDER_NOT_FOUND');
    // a staff session opens nothing on My Page
    await expectRefused(order, () => cancel(server.owner, order, { items }), 401, 'UNAUTHENTICATED');
  });
});

describe('a buyer asks for a return or an exchange', () => {
  it('returns 1 of 2 delivered units from a new pickup address; staff find it in 취소·반품 접수', async () => {
    const { order: placed, buyer } = await placeOrder();
    const order = await delivered(placed);
    const res = await claimRequest(buyer, 'returns', order, { items: unitsOf(order, knitOf(order), 1), reasonCode: 'defective', reasonText: '올이 풀려 있어요' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ statusLabel: '반품접수', refund: null });

    const [claim] = await claimsOf(order);
    expect(claim).toMatchObject({
      id: res.body.claimId, kind: 'return', status: 'return_requested', requestedBy: 'buyer', fault: 'shop', restock: false,
      reason: '상품 불량: 올이 풀려 있어요', pickup: busan, items: [{ quantity: 1, fromStatus: 'delivered' }],
    });
    const after = await detail(order);
    expect(after.items.find((i) => i.id === knitOf(order))!.quantityByStatus).toEqual({ delivered: 1, return_requested: 1 });
    expect(after.totals).toMatchObject({ orderTotal: 92000, refunded: 0 });
    const requested = (await timeline(order)).find((e) => e.kind === 'event' && e.type === 'claim_requested');
    expect(requested?.actor).toMatchObject({ kind: 'buyer', name: '홍길동' });
    // the buyer's own order page shows it, with its reason once, to withdraw while it is 접수
    const page = await buyer.get<MyOrderDetail>(my(order, ''));
    expect(page.body.version).toBe(res.body.version);
    expect(page.body.claims).toMatchObject([{ id: res.body.claimId, statusLabel: '반품접수', reason: '상품 불량: 올이 풀려 있어요', withdrawable: true }]);

    // the 취소·반품 접수 tab's filter, and the unit-status filter
    for (const filter of [{ claimStatuses: ['cancel_requested', 'return_requested'] }, { unitStatuses: ['return_requested'] }]) {
      const list = await server.owner.post<OrderListResponse>('/api/v1/orders/search', { filter: { ...filter, keyword: order.orderNumber } });
      expect(list.body.items.map((i) => i.id), JSON.stringify(filter)).toEqual([order.id]);
    }
  });

  it('copies one of the order’s addresses as the pickup', async () => {
    const { order: placed, buyer } = await placeOrder({ member: true });
    const order = await delivered(placed);
    const address = order.addresses[0]!;
    const res = await claimRequest(buyer, 'returns', order, { items: unitsOf(order, socksOf(order), 1), pickup: { addressId: address.id } });
    expect(res.status).toBe(201);
    expect((await claimsOf(order))[0]).toMatchObject({
      fault: 'buyer', reason: '단순 변심',
      pickup: { name: address.recipientName, phone: address.recipientPhone, postcode: address.postcode, address1: address.address1, address2: address.address2 },
    });
  });

  it('refuses units not delivered, and units delivered before the return window', async () => {
    const { order, buyer } = await placeOrder();
    await expectRefused(order, () => claimRequest(buyer, 'returns', order, { items: unitsOf(order, knitOf(order), 1) }), 422, 'BUYER_CLAIM_NOT_ALLOWED');
    const sent = await shipped(order);
    await expectRefused(sent, () => claimRequest(buyer, 'exchanges', sent, { items: unitsOf(sent, knitOf(sent), 1) }), 422, 'BUYER_CLAIM_NOT_ALLOWED');

    const done = await moveAll(sent, 'delivered');
    // delivered 8 days ago: the shop's 7 days have passed
    await server.database.db
      .update(shipmentGroups)
      .set({ deliveredAt: new Date(Date.now() - 8 * 86_400_000) })
      .where(and(eq(shipmentGroups.shopId, server.shop.shopId), eq(shipmentGroups.orderId, order.id)));
    for (const kind of ['returns', 'exchanges'] as const) {
      await expectRefused(done, () => claimRequest(buyer, kind, done, { items: unitsOf(done, knitOf(done), 1) }), 422, 'RETURN_WINDOW_CLOSED');
    }
    // an order placed under a policy that grants 14 days accepts it (its version is changed in place)
    await setOrderPolicy(order.id, { returnWindowDays: 14 });
    try {
      expect((await claimRequest(buyer, 'returns', done, { items: unitsOf(done, knitOf(done), 1) })).status).toBe(201);
    } finally {
      await setOrderPolicy(order.id, { returnWindowDays: 7 });
    }
  });

  it('exchanges for another option at the same price, and refuses one at another price', async () => {
    const { order: placed, buyer } = await placeOrder();
    const order = await delivered(placed);
    const items = unitsOf(order, knitOf(order), 1);
    const [, large, extraLarge] = knit.optionIds;
    await expectRefused(order, () => claimRequest(buyer, 'exchanges', order, { items, replacementOptionId: extraLarge }), 422, 'EXCHANGE_PRICE_DIFFERS');

    const res = await claimRequest(buyer, 'exchanges', order, { items, replacementOptionId: large, reasonCode: 'other', reasonText: '사이즈가 작아요' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ statusLabel: '교환접수', refund: null });
    expect((await claimsOf(order))[0]).toMatchObject({ kind: 'exchange', status: 'exchange_requested', requestedBy: 'buyer', replacementOptionId: large, fault: 'buyer', pickup: busan });
    const after = await detail(order);
    expect(after.items.map((i) => [i.optionName, i.quantityByStatus])).toEqual(expect.arrayContaining([['L', { exchange_requested: 1 }]]));
    expect(after.totals).toMatchObject({ orderTotal: 92000 });
  });
});

describe('a buyer withdraws a request', () => {
  it('while it is 접수: the units go back where they were, claim_withdrawn by the buyer', async () => {
    const { order: placed, buyer } = await placeOrder({ member: true });
    const order = await delivered(placed);
    const asked = await claimRequest(buyer, 'exchanges', order, { items: unitsOf(order, knitOf(order), 2), replacementOptionId: knit.optionIds[1] });
    expect(asked.status).toBe(201);
    const mid = await detail(order);
    const res = await withdraw(buyer, mid, asked.body.claimId!);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ claimId: asked.body.claimId, statusLabel: '배송완료', refund: null });

    const after = await detail(order);
    expect(res.body.version).toBe(after.version);
    expect(await claimsOf(order)).toEqual([]);
    expect(after.items.map((i) => [i.optionName, i.quantityByStatus])).toEqual([['M', { delivered: 2 }], [null, { delivered: 1 }]]);
    const withdrawn = (await timeline(order)).find((e) => e.kind === 'event' && e.type === 'claim_withdrawn');
    expect(withdrawn?.actor).toMatchObject({ kind: 'buyer', name: '정회원' });
  });

  it('a cancel request: the units are 결제완료 again', async () => {
    const { order, buyer } = await placeOrder();
    await setShop({ buyerInstantCancel: false });
    const asked = await cancel(buyer, order, { items: unitsOf(order, socksOf(order), 1) }).finally(() => setShop({ buyerInstantCancel: true }));
    const res = await withdraw(buyer, await detail(order), asked.body.claimId!);
    expect(res.body).toMatchObject({ statusLabel: '결제완료' });
    expect((await detail(order)).items.map((i) => i.quantityByStatus)).toEqual([{ paid: 2 }, { paid: 1 }]);
  });

  it('refuses once staff moved it on (수거중), and another buyer’s claim', async () => {
    const { order: placed, buyer } = await placeOrder();
    const order = await delivered(placed);
    const asked = await claimRequest(buyer, 'returns', order, { items: unitsOf(order, knitOf(order), 1) });
    const claimId = asked.body.claimId!;
    const step = await server.owner.post<{ order: OrderDetail }>(`/api/v1/orders/${order.id}/claims/${claimId}/status`, { expectedVersion: asked.body.version, to: 'return_collecting' });
    expect(step.status).toBe(200);
    const collecting = step.body.order;
    const refused = await expectRefused(collecting, () => withdraw(buyer, collecting, claimId), 422, 'CLAIM_NOT_WITHDRAWABLE');
    expect(refused.details?.message).toContain('철회할 수 없습니다');

    // another buyer: neither the order nor, through their own order, this claim
    const other = await placeOrder();
    await expectRefused(collecting, () => withdraw(other.buyer, collecting, claimId), 404, 'ORDER_NOT_FOUND');
    const res = await other.buyer.post<ErrorBody>(my(other.order, `/claims/${claimId}/withdraw`), { expectedVersion: other.order.version });
    expect([res.status, res.body.error.code]).toEqual([404, 'CLAIM_NOT_FOUND']);
  });
});
