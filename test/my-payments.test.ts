import { and, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MyCheckout, MyCheckoutResult } from '../src/contracts/my';
import type { OrderListResponse } from '../src/contracts/order-list';
import type { OrderDetail } from '../src/contracts/orders';
import type { PaymentRequest } from '../src/contracts/payment-requests';
import type { TimelineResponse } from '../src/contracts/timeline';
import { buildApp } from '../src/server/app';
import type { Database } from '../src/server/db/client';
import { paymentCheckouts, paymentRequests, payments } from '../src/server/db/schema/index';
import { BUYER_SESSION_COOKIE, createBuyerSession, type NewBuyerSession } from '../src/server/my/session';
import { auditOrder } from '../src/server/orders/audit';
import { TossGateway } from '../src/server/payments/gateways/toss-gateway';
import { createShop, type CreatedShop } from '../src/server/shops/service';
import { openTestDatabase } from './support/database';
import { startFakeTossServer, stopFakeTossServer } from './support/fake-toss-server';
import { addMember, addProduct, seoulAddress } from './support/fixtures';
import { HttpClient, startTestServer, type TestServer } from './support/server';

type ErrorBody = { error: { code: string; message: string; details?: Record<string, unknown> } };

let server: TestServer;
let shopId: number;
let productId: number;
let member: { customerId: number; client: HttpClient };

/**
 * A browser holding a buyer session (as test/support/buyer.ts's buyerClient, whose parameter type,
 * an Omit over a union, accepts neither a customerId nor an orderId).
 */
async function buyerSession(baseUrl: string, db: Database['db'], session: NewBuyerSession): Promise<HttpClient> {
  const client = new HttpClient(baseUrl);
  client.setCookie(BUYER_SESSION_COOKIE, (await createBuyerSession(db, session, new Date())).cookie);
  return client;
}
const buyerClient = (s: TestServer, session: { buyer: 'member'; customerId: number } | { buyer: 'guest'; orderId: number }) =>
  buyerSession(s.baseUrl, s.database.db, { shopId: s.shop.shopId, ...session });

beforeAll(async () => {
  server = await startTestServer();
  shopId = server.shop.shopId;
  productId = (await addProduct(server.database.db, shopId, { name: '머그컵', price: 20_000 })).productId;
  const { customerId } = await addMember(server.database.db, shopId, { name: '박회원', gradeName: '일반', points: 0 });
  member = { customerId, client: await buyerClient(server, { buyer: 'member', customerId }) };
});
afterAll(() => server.close());

/** A member's order, paid, then edited by staff to add an item of `owed`, and a request for the balance due (due as given). */
async function owedOrder(owed: number, dueAt?: string) {
  const created = await server.storefront.post<OrderDetail>('/api/v1/orders', {
    orderer: { customerId: member.customerId, name: '박회원', phone: '010-2222-3333' },
    addresses: [seoulAddress()],
    items: [{ productId, quantity: 1 }],
    shippingFee: 0,
    payment: { method: 'card', amount: 20_000, status: 'paid', gateway: 'test', gatewayTransactionId: `seed_${Math.random().toString(36).slice(2)}`, card: { company: '신한카드', installmentMonths: 0 } },
  });
  expect(created.status).toBe(201);
  const order = created.body;
  const edit = await server.owner.post<{ editId: number }>(`/api/v1/orders/${order.id}/edits`, { expectedVersion: order.version, actions: [{ type: 'add_item', custom: { name: '추가 상품', unitPrice: owed }, quantity: 1 }] });
  expect((await server.owner.post(`/api/v1/orders/${order.id}/edits/${edit.body.editId}/commit`, { expectedVersion: order.version })).status).toBe(200);
  // the shipping fee may change with the edit: the request asks for the whole balance due
  const { version, totals } = await staffOrder(order.id);
  const asked = await server.owner.post<{ result: PaymentRequest }>(`/api/v1/orders/${order.id}/payment-requests`, { expectedVersion: version, amount: totals.balanceDue, reason: '상품 추가', ...(dueAt ? { dueAt } : {}) });
  expect(asked.status).toBe(201);
  return { order, requestId: asked.body.result.id, amount: totals.balanceDue };
}

const staffOrder = async (orderId: number) => (await server.owner.get<OrderDetail>(`/api/v1/orders/${orderId}`)).body;
const requestOf = async (requestId: number) => (await server.database.db.select().from(paymentRequests).where(and(eq(paymentRequests.shopId, shopId), eq(paymentRequests.id, requestId))))[0]!;
const requestPayments = async (requestId: number) => server.database.db.select().from(payments).where(and(eq(payments.shopId, shopId), eq(payments.paymentRequestId, requestId)));
/** The order's timeline events as staff read them, oldest first. */
const events = async (orderId: number) =>
  (await server.owner.get<TimelineResponse>(`/api/v1/orders/${orderId}/timeline?only=events`)).body.entries.flatMap((e) => (e.kind === 'event' ? [e] : [])).sort((a, b) => a.id - b.id);

const openCheckout = (client: HttpClient, orderNumber: string, requestId: number) =>
  client.post<MyCheckout & ErrorBody>(`/api/v1/my/orders/${orderNumber}/payment-requests/${requestId}/checkouts`);
const confirm = (client: HttpClient, body: { paymentKey: string; orderId: string; amount: number }) => client.post<MyCheckoutResult & ErrorBody>('/api/v1/my/checkouts/confirm', body);

/** Opens the window page, fills its form as a buyer would and answers where the PG sends the browser back. */
async function submitWindow(checkout: MyCheckout, action: 'approve' | 'decline' | 'cancel', choice: { card?: string; installments?: string } = {}) {
  const page = await fetch(checkout.windowUrl!);
  expect(page.status).toBe(200);
  expect(page.headers.get('content-security-policy')).toContain("form-action 'self'");
  const html = await page.text();
  expect(html).not.toContain('<script');
  const form = /<form method="get" action="([^"]+)">/.exec(html);
  const params = new URLSearchParams();
  for (const [, name, value] of html.matchAll(/<input type="hidden" name="(\w+)" value="([^"]*)">/g)) params.set(name!, value!);
  params.set('card', choice.card ?? /<select id="card" name="card"><option value="([^"]+)">/.exec(html)![1]!);
  params.set('installments', choice.installments ?? '0');
  params.set('action', action);
  const submitted = await fetch(new URL(`${form![1]}?${params}`, checkout.windowUrl!), { redirect: 'manual' });
  expect(submitted.status).toBe(303);
  const back = new URL(submitted.headers.get('location')!);
  return { url: back, query: Object.fromEntries(back.searchParams), html };
}

async function approved(checkout: MyCheckout, choice?: { card?: string; installments?: string }) {
  const { url, query } = await submitWindow(checkout, 'approve', choice);
  expect(url.href.startsWith(checkout.successUrl)).toBe(true);
  return { paymentKey: query.paymentKey!, orderId: query.orderId!, amount: Number(query.amount) };
}

describe('a buyer pays a payment request in the test gateway’s window', () => {
  it('records the payment with its card and installments, and staff see the order paid at once', async () => {
    const { order, requestId, amount } = await owedOrder(60_000);
    expect(amount).toBe(60_000); // 80,000원 ships free
    const opened = await openCheckout(member.client, order.orderNumber, requestId);
    expect(opened.status).toBe(201);
    const checkout = opened.body;
    expect(checkout).toMatchObject({
      gateway: 'test', amount: 60_000, orderName: `추가 결제 (주문 ${order.orderNumber})`, customerName: '박회원',
      successUrl: `${server.baseUrl}/my/pay/success`, failUrl: `${server.baseUrl}/my/pay/fail`, clientKey: null,
    });
    expect(checkout.gatewayOrderId).toMatch(/^[A-Za-z0-9_-]{6,64}$/);
    expect(checkout.windowUrl!.startsWith(`${server.baseUrl}/my/pay/test-window?`)).toBe(true);

    const { html } = await submitWindow(checkout, 'cancel');
    for (const text of ['테스트샵', '60,000원', '현대카드', 'NH농협카드', '12개월', '결제하기', '결제 실패 테스트', '취소']) expect(html).toContain(text);
    const back = await approved(checkout, { card: '61', installments: '3' });
    expect(back).toMatchObject({ orderId: checkout.gatewayOrderId, amount: 60_000 });

    const paid = await confirm(member.client, back);
    expect(paid.status).toBe(200);
    expect(paid.body).toEqual({ orderNumber: order.orderNumber, status: 'paid', amount: 60_000, methodLabel: '현대카드 3개월 할부', message: '추가 결제가 완료되었습니다.' });
    const detail = await staffOrder(order.id);
    expect(detail.totals).toMatchObject({ paid: 80_000, balanceDue: 0 });
    expect(detail.payments.find((p) => p.gatewayTransactionId === back.paymentKey)).toMatchObject({
      method: 'card', status: 'captured', capturedAmount: 60_000, gateway: 'test', cardCompany: '현대카드', installmentMonths: 3, cardNumberMasked: expect.stringMatching(/\*/),
    });
    const listed = await server.owner.get<OrderListResponse>(`/api/v1/orders?keyword=${order.orderNumber}`);
    expect(listed.body.items.map((o) => [o.orderNumber, o.balanceDue, o.paymentStatus])).toEqual([[order.orderNumber, 0, detail.paymentStatus]]);
    expect((await requestOf(requestId)).status).toBe('paid');
    const captured = (await events(order.id)).filter((e) => e.type === 'payment_captured' && e.payload.requestId === requestId);
    expect(captured.map((e) => e.actor)).toEqual([expect.objectContaining({ kind: 'buyer', name: '박회원' })]);
    expect(await server.gateway.balanceOf(back.paymentKey)).toBe(60_000);

    const again = await confirm(member.client, back);
    expect([again.status, again.body]).toEqual([200, paid.body]);
    expect(await requestPayments(requestId)).toHaveLength(1);
    const paidWindow = await fetch(checkout.windowUrl!);
    expect([paidWindow.status, await paidWindow.text()]).toEqual([409, expect.stringContaining('이미 끝난 결제입니다')]);
    expect(await auditOrder(server.database.db, shopId, order.id)).toEqual([]);
  });

  it('refuses a tampered amount before the gateway hears of it', async () => {
    const { order, requestId, amount } = await owedOrder(30_000);
    const checkout = (await openCheckout(member.client, order.orderNumber, requestId)).body;
    const back = await approved(checkout);
    const tampered = await confirm(member.client, { ...back, amount: 100 });
    expect([tampered.status, tampered.body.error.code]).toEqual([422, 'PAYMENT_CHECKOUT_AMOUNT_MISMATCH']);
    expect(await server.gateway.balanceOf(back.paymentKey)).toBeNull();
    expect((await requestOf(requestId)).status).toBe('pending');
    expect((await staffOrder(order.id)).totals.balanceDue).toBe(amount);
    expect(amount).toBeLessThan(50_000);
    // below 50,000원 the window offers 일시불 only, and a key claiming installments is declined by the issuer
    const page = await (await fetch(checkout.windowUrl!)).text();
    expect(page).not.toContain('개월</option>');
    const installments = await confirm(member.client, { ...back, paymentKey: back.paymentKey.replace(/^tgk_(\w\w)_0_/, 'tgk_$1_3_') });
    expect([installments.status, installments.body.error.details?.gatewayCode]).toEqual([422, 'INVALID_CARD_INSTALLMENT_PLAN']);
  });

  it('refuses a withdrawn or expired request, before and after the window opened, without charging', async () => {
    const withdrawn = await owedOrder(10_000);
    const early = (await openCheckout(member.client, withdrawn.order.orderNumber, withdrawn.requestId)).body;
    const back = await approved(early);
    const version = (await staffOrder(withdrawn.order.id)).version;
    await server.owner.post(`/api/v1/orders/${withdrawn.order.id}/payment-requests/${withdrawn.requestId}/cancel`, { expectedVersion: version });
    const refused = await openCheckout(member.client, withdrawn.order.orderNumber, withdrawn.requestId);
    expect([refused.status, refused.body.error.code]).toEqual([409, 'PAYMENT_REQUEST_NOT_PENDING']);
    const late = await confirm(member.client, back);
    expect([late.status, late.body.error.code]).toEqual([409, 'PAYMENT_REQUEST_NOT_PENDING']);
    expect(await server.gateway.balanceOf(back.paymentKey)).toBeNull();

    const expired = await owedOrder(10_000, '2026-01-31T23:59:59+09:00');
    const tooLate = await openCheckout(member.client, expired.order.orderNumber, expired.requestId);
    expect([tooLate.status, tooLate.body.error.code]).toEqual([422, 'PAYMENT_REQUEST_EXPIRED']);

    const due = await owedOrder(10_000, '2099-12-31T23:59:59+09:00');
    const checkout = (await openCheckout(member.client, due.order.orderNumber, due.requestId)).body;
    const approval = await approved(checkout);
    // the due date passes while the buyer is in the window
    await server.database.db.update(paymentRequests).set({ dueAt: new Date(Date.now() - 60_000) }).where(and(eq(paymentRequests.shopId, shopId), eq(paymentRequests.id, due.requestId)));
    const afterDue = await confirm(member.client, approval);
    expect([afterDue.status, afterDue.body.error.code]).toEqual([422, 'PAYMENT_REQUEST_EXPIRED']);
    expect(await server.gateway.balanceOf(approval.paymentKey)).toBeNull();
    expect(await requestPayments(due.requestId)).toEqual([]);
  });

  it('voids a capture whose answer was lost when the request was paid by another window meanwhile', async () => {
    const { order, requestId, amount } = await owedOrder(15_000);
    const first = (await openCheckout(member.client, order.orderNumber, requestId)).body;
    const second = (await openCheckout(member.client, order.orderNumber, requestId)).body;
    const [a, b] = [await approved(first), await approved(second)];
    server.gateway.failNext('unavailable', 1, { lostResponse: true });
    const lost = await confirm(member.client, a);
    expect([lost.status, lost.body.error.code]).toEqual([503, 'PAYMENT_GATEWAY_UNAVAILABLE']);
    expect(await server.gateway.balanceOf(a.paymentKey)).toBe(amount); // charged, unknown to us yet

    expect((await confirm(member.client, b)).body.status).toBe('paid');
    const retried = await confirm(member.client, a);
    expect([retried.status, retried.body.error.code, retried.body.error.details]).toEqual([409, 'PAYMENT_VOIDED', expect.objectContaining({ cancelled: true })]);
    expect(await server.gateway.balanceOf(a.paymentKey)).toBe(0);
    const replayed = await confirm(member.client, a);
    expect([replayed.status, replayed.body.error.code]).toEqual([409, 'PAYMENT_VOIDED']);
    expect(await requestPayments(requestId)).toHaveLength(1);
    const voided = (await events(order.id)).filter((e) => e.type === 'payment_voided');
    expect(voided.map((e) => e.payload)).toEqual([expect.objectContaining({ requestId, paymentKey: a.paymentKey, amount, reason: 'request_paid', cancelled: true })]);
    expect((await staffOrder(order.id)).totals).toMatchObject({ paid: 20_000 + amount, balanceDue: 0 });
    expect(await auditOrder(server.database.db, shopId, order.id)).toEqual([]);
  });

  it('voids a lost capture of a request staff withdrew meanwhile', async () => {
    const { order, requestId, amount } = await owedOrder(12_000);
    const back = await approved((await openCheckout(member.client, order.orderNumber, requestId)).body);
    server.gateway.failNext('unavailable', 1, { lostResponse: true });
    expect((await confirm(member.client, back)).status).toBe(503);
    await server.owner.post(`/api/v1/orders/${order.id}/payment-requests/${requestId}/cancel`, { expectedVersion: (await staffOrder(order.id)).version });
    // the confirm is answered this time, the cancel that voids it is not
    const draws = [1, 0];
    server.gateway.setFailureRate(0.5, () => draws.shift() ?? 1);
    const retried = await confirm(member.client, back);
    server.gateway.setFailureRate(0, () => 1);
    expect([retried.status, retried.body.error.code, retried.body.error.details?.cancelled]).toEqual([409, 'PAYMENT_VOIDED', false]);
    expect(await server.gateway.balanceOf(back.paymentKey)).toBe(amount);
    const again = await confirm(member.client, back);
    expect([again.status, again.body.error.code, again.body.error.details?.cancelled]).toEqual([409, 'PAYMENT_VOIDED', true]);
    expect(await server.gateway.balanceOf(back.paymentKey)).toBe(0);
    const voided = (await events(order.id)).filter((e) => e.type === 'payment_voided');
    expect(voided.map((e) => [e.payload.reason, e.payload.cancelled])).toEqual([['request_cancelled', false], ['request_cancelled', true]]);
    expect(voided[0]!.description).toContain('직원 확인이 필요합니다');
    expect(await requestPayments(requestId)).toEqual([]);
  });

  it('charges once when two windows for one request are confirmed at the same time', async () => {
    const { order, requestId, amount } = await owedOrder(18_000);
    const windows = [(await openCheckout(member.client, order.orderNumber, requestId)).body, (await openCheckout(member.client, order.orderNumber, requestId)).body];
    const backs = [await approved(windows[0]!), await approved(windows[1]!)];
    const answers = await Promise.all(backs.map((b) => confirm(member.client, b)));
    expect(answers.map((r) => r.status).sort()).toEqual([200, 409]);
    const loser = answers.findIndex((r) => r.status === 409);
    // refused before confirming, or captured and voided at once: either way nothing stays charged
    expect(['PAYMENT_REQUEST_NOT_PENDING', 'PAYMENT_VOIDED']).toContain(answers[loser]!.body.error.code);
    expect([0, null]).toContain(await server.gateway.balanceOf(backs[loser]!.paymentKey));
    expect(await server.gateway.balanceOf(backs[1 - loser]!.paymentKey)).toBe(amount);
    expect(await requestPayments(requestId)).toHaveLength(1);
    expect(await auditOrder(server.database.db, shopId, order.id)).toEqual([]);
  });

  it('answers a decline, a closed window and an unavailable gateway; a retry after 503 confirms once', async () => {
    const { order, requestId, amount } = await owedOrder(9_000);
    const declinedWindow = (await openCheckout(member.client, order.orderNumber, requestId)).body;
    const { url, query } = await submitWindow(declinedWindow, 'decline');
    expect(url.href.startsWith(declinedWindow.failUrl)).toBe(true);
    expect(query).toMatchObject({ code: 'TEST_DECLINED', orderId: declinedWindow.gatewayOrderId });
    const failed = await member.client.post<MyCheckoutResult>('/api/v1/my/checkouts/fail', query);
    expect(failed.body).toMatchObject({ status: 'failed', amount, message: query.message });

    const closedWindow = (await openCheckout(member.client, order.orderNumber, requestId)).body;
    const cancel = await submitWindow(closedWindow, 'cancel');
    expect(cancel.query.code).toBe('PAY_PROCESS_CANCELED');
    const closed = await member.client.post<MyCheckoutResult>('/api/v1/my/checkouts/fail', cancel.query);
    expect(closed.body).toMatchObject({ status: 'failed', message: '결제를 취소하셨습니다. 결제되지 않았습니다.' });

    const declinedAtConfirm = await approved((await openCheckout(member.client, order.orderNumber, requestId)).body);
    server.gateway.failNext('declined');
    const no = await confirm(member.client, declinedAtConfirm);
    expect([no.status, no.body.error.code, no.body.error.details?.gatewayCode]).toEqual([422, 'PAYMENT_DECLINED', 'TEST_DECLINED']);
    expect((await confirm(member.client, declinedAtConfirm)).body.error.code).toBe('PAYMENT_DECLINED');
    expect(await server.gateway.balanceOf(declinedAtConfirm.paymentKey)).toBeNull();

    const back = await approved((await openCheckout(member.client, order.orderNumber, requestId)).body);
    server.gateway.failNext('unavailable');
    const unavailable = await confirm(member.client, back);
    expect([unavailable.status, unavailable.body.error.code]).toEqual([503, 'PAYMENT_GATEWAY_UNAVAILABLE']);
    expect((await requestOf(requestId)).status).toBe('pending');
    expect((await confirm(member.client, back)).body.status).toBe('paid');
    expect(await requestPayments(requestId)).toHaveLength(1);
    const statuses = await server.database.db.select({ status: paymentCheckouts.status }).from(paymentCheckouts).where(and(eq(paymentCheckouts.shopId, shopId), eq(paymentCheckouts.paymentRequestId, requestId)));
    expect(statuses.map((c) => c.status).sort()).toEqual(['failed', 'failed', 'failed', 'paid']);
  });

  it('keeps each buyer to their own checkouts; a guest pays their order', async () => {
    const { order, requestId } = await owedOrder(7_000);
    const checkout = (await openCheckout(member.client, order.orderNumber, requestId)).body;
    const back = await approved(checkout);
    const other = await addMember(server.database.db, shopId, { name: '남회원', gradeName: '일반', points: 0 });
    const stranger = await buyerClient(server, { buyer: 'member', customerId: other.customerId });
    expect((await openCheckout(stranger, order.orderNumber, requestId)).body.error.code).toBe('ORDER_NOT_FOUND');
    const theirs = await confirm(stranger, back);
    expect([theirs.status, theirs.body.error.code]).toEqual([404, 'PAYMENT_CHECKOUT_NOT_FOUND']);
    expect((await stranger.post<ErrorBody>('/api/v1/my/checkouts/fail', { orderId: back.orderId, code: 'X' })).status).toBe(404);
    expect((await server.owner.post<ErrorBody>('/api/v1/my/checkouts/confirm', back)).status).toBe(401);
    expect(await server.gateway.balanceOf(back.paymentKey)).toBeNull();

    const guest = await buyerClient(server, { buyer: 'guest', orderId: order.id });
    expect((await confirm(guest, back)).body.status).toBe('paid');
  });
});

describe('with Toss Payments as the gateway (the local fake Toss server)', () => {
  let fake: Awaited<ReturnType<typeof startFakeTossServer>>;
  let database: Database;
  let app: FastifyInstance;
  let baseUrl: string;
  let tossShop: CreatedShop;
  let staff: HttpClient;
  let buyer: HttpClient;
  let tossMember: number;

  beforeAll(async () => {
    fake = await startFakeTossServer();
    database = await openTestDatabase();
    const before = process.env.TOSS_CLIENT_KEY;
    process.env.TOSS_CLIENT_KEY = 'test_ck_fake_jumun';
    try {
      app = await buildApp({ database, gateway: new TossGateway({ secretKey: fake.secretKey, baseUrl: fake.baseUrl, timeoutMs: 3_000 }) });
    } finally {
      if (before === undefined) delete process.env.TOSS_CLIENT_KEY;
      else process.env.TOSS_CLIENT_KEY = before;
    }
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    if (!address || typeof address === 'string') throw new Error('server has no port');
    baseUrl = `http://127.0.0.1:${address.port}`;
    tossShop = await createShop(database.db, { name: '토스샵', ownerEmail: `toss-${Date.now()}@test.kr`, ownerName: '김토스', ownerPassword: 'owner-password-1' });
    staff = new HttpClient(baseUrl);
    expect((await staff.post('/api/v1/auth/login', { email: tossShop.ownerEmail, password: 'owner-password-1' })).status).toBe(204);
    tossMember = (await addMember(database.db, tossShop.shopId, { name: '최토스', gradeName: '일반', points: 0 })).customerId;
    buyer = await buyerSession(baseUrl, database.db, { shopId: tossShop.shopId, buyer: 'member', customerId: tossMember });
  });
  afterAll(async () => {
    await app.close();
    await database.close();
    await stopFakeTossServer(fake);
  });

  it('confirms with Toss’s confirm API and records the payment; a mismatched amount never reaches Toss', async () => {
    const { productId: mug } = await addProduct(database.db, tossShop.shopId, { name: '머그컵', price: 20_000 });
    const storefront = new HttpClient(baseUrl, { authorization: `Bearer ${tossShop.apiKey}` });
    const order = (await storefront.post<OrderDetail>('/api/v1/orders', {
      orderer: { customerId: tossMember, name: '최토스', phone: '010-7777-8888' }, addresses: [seoulAddress()], items: [{ productId: mug, quantity: 1 }], shippingFee: 0,
      payment: { method: 'card', amount: 20_000, status: 'paid', gateway: 'toss', gatewayTransactionId: `tgen_seed_${Date.now()}`, card: { company: '신한카드', installmentMonths: 0 } },
    })).body;
    const edit = await staff.post<{ editId: number }>(`/api/v1/orders/${order.id}/edits`, { expectedVersion: order.version, actions: [{ type: 'add_item', custom: { name: '추가 상품', unitPrice: 40_000 }, quantity: 1 }] });
    await staff.post(`/api/v1/orders/${order.id}/edits/${edit.body.editId}/commit`, { expectedVersion: order.version });
    const edited = (await staff.get<OrderDetail>(`/api/v1/orders/${order.id}`)).body;
    const amount = edited.totals.balanceDue;
    const requestId = (await staff.post<{ result: PaymentRequest }>(`/api/v1/orders/${order.id}/payment-requests`, { expectedVersion: edited.version, amount, reason: '상품 추가' })).body.result.id;

    const opened = await buyer.post<MyCheckout>(`/api/v1/my/orders/${order.orderNumber}/payment-requests/${requestId}/checkouts`);
    expect(opened.status).toBe(201);
    const checkout = opened.body;
    expect(checkout).toMatchObject({ gateway: 'toss', clientKey: 'test_ck_fake_jumun', windowUrl: null, amount, customerName: '최토스', successUrl: `${baseUrl}/my/pay/success` });
    // My Page may load Toss's window; the admin may not
    expect((await fetch(`${baseUrl}/my/pay/success`)).headers.get('content-security-policy')).toContain('https://js.tosspayments.com');
    expect((await fetch(`${baseUrl}/orders`)).headers.get('content-security-policy')).not.toContain('tosspayments');

    // what Toss's window did: the buyer authenticated a KB국민 card, 3 months
    const paymentKey = `tgen_${Date.now()}`;
    fake.addPayment({ paymentKey, orderId: checkout.gatewayOrderId, amount, method: 'card', card: { issuerCode: '11', installmentPlanMonths: 3, number: '94906201****831*' } });
    const tampered = await buyer.post<ErrorBody>('/api/v1/my/checkouts/confirm', { paymentKey, orderId: checkout.gatewayOrderId, amount: amount - 1000 });
    expect([tampered.status, tampered.body.error.code]).toEqual([422, 'PAYMENT_CHECKOUT_AMOUNT_MISMATCH']);
    expect(fake.requests.filter((r) => r.path === '/v1/payments/confirm')).toEqual([]);

    const paid = await buyer.post<MyCheckoutResult>('/api/v1/my/checkouts/confirm', { paymentKey, orderId: checkout.gatewayOrderId, amount: String(amount) });
    expect(paid.status).toBe(200);
    expect(paid.body).toMatchObject({ status: 'paid', amount, methodLabel: 'KB국민카드 3개월 할부' });
    const confirms = fake.requests.filter((r) => r.path === '/v1/payments/confirm');
    expect(confirms.map((r) => [r.body, r.headers.authorization])).toEqual([[{ paymentKey, orderId: checkout.gatewayOrderId, amount }, `Basic ${Buffer.from(`${fake.secretKey}:`).toString('base64')}`]]);
    const detail = (await staff.get<OrderDetail>(`/api/v1/orders/${order.id}`)).body;
    expect(detail.totals.balanceDue).toBe(0);
    expect(detail.payments.find((p) => p.gatewayTransactionId === paymentKey)).toMatchObject({ gateway: 'toss', method: 'card', cardCompany: 'KB국민카드', installmentMonths: 3, cardNumberMasked: '94906201****831*', capturedAmount: amount });
    expect((await buyer.post<MyCheckoutResult>('/api/v1/my/checkouts/confirm', { paymentKey, orderId: checkout.gatewayOrderId, amount })).body).toEqual(paid.body);
    expect(fake.requests.filter((r) => r.path === '/v1/payments/confirm')).toHaveLength(1);
    expect(await auditOrder(database.db, tossShop.shopId, order.id)).toEqual([]);
  });
});
