import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClaimResult } from '../src/contracts/claims';
import type { OrderDetail } from '../src/contracts/orders';
import type { TimelineResponse } from '../src/contracts/timeline';
import { buildApp } from '../src/server/app';
import type { Database } from '../src/server/db/client';
import { auditOrder } from '../src/server/orders/audit';
import { TossGateway } from '../src/server/payments/gateways/toss-gateway';
import { createShop, type CreatedShop } from '../src/server/shops/service';
import { openTestDatabase } from './support/database';
import { startFakeTossServer, stopFakeTossServer } from './support/fake-toss-server';
import { addProduct, seoulAddress } from './support/fixtures';
import { expectOrdersSound } from './support/invariants';
import { HttpClient, startTestServer, type TestServer } from './support/server';

type ErrorBody = { error: { code: string; details?: Record<string, unknown> } };
type Events = Extract<TimelineResponse['entries'][number], { kind: 'event' }>[];

let server: TestServer;
let socks: number;
const touched = new Set<number>();
let serial = 0;
let notify: ReturnType<typeof harness>['notify'];
let detail: ReturnType<typeof harness>['detail'];
let events: ReturnType<typeof harness>['events'];
let expectIgnored: ReturnType<typeof harness>['expectIgnored'];
const unique = (prefix: string) => `${prefix}${Date.now()}${++serial}`;

beforeAll(async () => {
  server = await startTestServer();
  socks = (await addProduct(server.database.db, server.shop.shopId, { name: '면 양말', price: 12000 })).productId;
  ({ notify, detail, events, expectIgnored } = harness(() => server.anonymous(), server.owner, server.shop.shopId, 'test'));
});
afterAll(async () => {
  await expectOrdersSound(server, touched);
  await server.close();
});

/**
 * What a storefront does for a 가상계좌 checkout: the gateway issues the account (for `issued` won)
 * and the storefront hands in the order — 3 pairs of socks, 39,000원 — with the gateway's ids and
 * the account's deposit secret.
 */
async function virtualAccountOrder(issued = 39000, secret?: string) {
  const paymentKey = unique('va_');
  const gatewayOrderId = unique('JM-');
  const confirmed = await server.gateway.confirm({ paymentKey, orderId: gatewayOrderId, amount: issued });
  if (!confirmed.ok || !confirmed.value.virtualAccount) throw new Error('the test gateway issued no account');
  const va = confirmed.value.virtualAccount;
  const res = await server.storefront.post<OrderDetail>('/api/v1/orders', {
    orderer: { name: '한가람', phone: '010-7777-8888', guestPassword: '4321' },
    addresses: [seoulAddress()],
    items: [{ productId: socks, quantity: 3 }],
    payment: {
      method: 'virtual_account', amount: 39000, status: 'awaiting_deposit', gateway: 'test', gatewayTransactionId: paymentKey, gatewayOrderId,
      depositSecret: secret ?? confirmed.value.depositSecret, virtualAccount: { bank: va.bank, accountNumber: va.accountNumber, holder: va.holder },
    },
  });
  expect(res.status).toBe(201);
  touched.add(res.body.id);
  return { order: res.body, paymentKey };
}

/** Posting notices to one shop's webhook URL and reading the order back through the API. */
function harness(client: () => HttpClient, reader: HttpClient, shopId: number, gateway: string) {
  const notify = (body: unknown, toShop = shopId, toGateway = gateway) =>
    client().post<{ received: true } & ErrorBody>(`/api/v1/payment-webhooks/${toGateway}/${toShop}`, body);
  const detail = async (orderId: number) => (await reader.get<OrderDetail>(`/api/v1/orders/${orderId}`)).body;
  const events = async (orderId: number): Promise<Events> =>
    (await reader.get<TimelineResponse>(`/api/v1/orders/${orderId}/timeline?only=events`)).body.entries.flatMap((e) => (e.kind === 'event' ? [e] : []));
  /** A notice answered 200 that must leave the order exactly as it was: version, money, units and timeline. */
  const expectIgnored = async (order: OrderDetail, body: unknown, toShop?: number) => {
    const [before, history] = [await detail(order.id), await events(order.id)];
    const res = await notify(body, toShop);
    expect([res.status, res.body]).toEqual([200, { received: true }]);
    expect(await detail(order.id)).toEqual(before);
    expect(await events(order.id)).toEqual(history);
  };
  return { notify, detail, events, expectIgnored };
}

describe('가상계좌 deposit notifications from the gateway', () => {
  it('capture the payment and move the units as a staff confirmation would, once however often they arrive', async () => {
    const { order, paymentKey } = await virtualAccountOrder();
    expect(order.items[0]!.quantityByStatus).toEqual({ awaiting_payment: 3 });
    const body = await server.gateway.depositWebhook(paymentKey);

    const res = await notify(body);
    expect([res.status, res.body]).toEqual([200, { received: true }]);
    const paid = await detail(order.id);
    expect(paid.payments[0]).toMatchObject({ status: 'captured', capturedAmount: 39000 });
    expect(paid.payments[0]!.paidAt).not.toBeNull();
    expect(paid.items[0]!.quantityByStatus).toEqual({ paid: 3 });
    expect([paid.paymentStatus, paid.totals.balanceDue, paid.version]).toEqual(['paid', 0, order.version + 1]);

    const timeline = await events(order.id);
    const notice = timeline.find((e) => e.type === 'gateway_notification');
    expect(notice).toMatchObject({
      actor: { kind: 'system' }, buyerVisible: false,
      payload: { gateway: 'test', paymentId: paid.payments[0]!.id, notification: 'deposit_confirmed', amount: 39000, due: 39000, action: 'deposit_applied' },
    });
    expect(notice!.description).toMatch(/입금 39,000원 확인/);
    expect(timeline.find((e) => e.type === 'deposit_confirmed')).toMatchObject({ actor: { kind: 'system' }, payload: { amount: 39000 } });
    expect(timeline.filter((e) => e.type === 'statuses_changed').map((e) => [e.actor.kind, (e.payload.moves as Array<{ from: string; to: string }>).map((m) => `${m.from}→${m.to}`)])).toEqual([['system', ['awaiting_payment→paid']]]);

    // Toss retries a notice until it hears 200, and sometimes after: the second delivery changes nothing
    await expectIgnored(paid, body);
    await expectIgnored(paid, await server.gateway.depositWebhook(paymentKey));
  });

  it('ignore a deposit whose secret is not the account’s, whether the gateway or we notice it', async () => {
    const { order, paymentKey } = await virtualAccountOrder();
    const genuine = await server.gateway.depositWebhook(paymentKey);
    await expectIgnored(order, { ...genuine, secret: 'forged-secret' });

    // the gateway knows its own secret, but the storefront handed in another one: ours decides
    const other = await virtualAccountOrder(39000, 'not-the-gateway-secret');
    await expectIgnored(other.order, await server.gateway.depositWebhook(other.paymentKey));
    expect((await detail(other.order.id)).payments[0]).toMatchObject({ status: 'pending', capturedAmount: 0 });
  });

  it('answer 200 and change nothing for what is not ours: another shop, an unknown payment, a body that is no notice', async () => {
    const { order, paymentKey } = await virtualAccountOrder();
    const body = await server.gateway.depositWebhook(paymentKey);
    const neighbour = await createShop(server.database.db, { name: '이웃샵', ownerEmail: `${unique('n')}@test.kr`, ownerName: '이웃', ownerPassword: 'owner-password-1' });
    await expectIgnored(order, body, neighbour.shopId);
    await expectIgnored(order, { hello: 'world' });

    // a payment the gateway issued for a checkout that never became an order here
    const stray = unique('va_');
    const issued = await server.gateway.confirm({ paymentKey: stray, orderId: unique('JM-'), amount: 5000 });
    expect(issued.ok).toBe(true);
    await expectIgnored(order, await server.gateway.depositWebhook(stray));

    // another gateway's URL has no adapter to read it
    const wrongGateway = await notify(body, server.shop.shopId, 'toss');
    expect([wrongGateway.status, wrongGateway.body.error.code]).toEqual([404, 'NOT_FOUND']);
    expect((await detail(order.id)).payments[0]!.status).toBe('pending');
    expect((await notify(body)).status).toBe(200);
    expect((await detail(order.id)).payments[0]!.status).toBe('captured');
  });

  it('count a deposit short of what is due, keep the units waiting, and let staff confirm the rest', async () => {
    const { order, paymentKey } = await virtualAccountOrder(30000);
    const body = await server.gateway.depositWebhook(paymentKey);
    expect(body.amount).toBe(30000);
    await notify(body);
    const partial = await detail(order.id);
    expect(partial.payments[0]).toMatchObject({ status: 'pending', amount: 39000, capturedAmount: 30000, paidAt: null });
    expect(partial.totals).toMatchObject({ orderTotal: 39000, paid: 30000, balanceDue: 9000 });
    expect([partial.paymentStatus, partial.items[0]!.quantityByStatus]).toEqual(['partially_paid', { awaiting_payment: 3 }]);
    const notice = (await events(order.id)).find((e) => e.type === 'gateway_notification');
    expect(notice).toMatchObject({ payload: { action: 'deposit_partial', amount: 30000, due: 39000 } });
    expect(notice!.description).toMatch(/9,000원 부족/);
    await expectIgnored(partial, body);

    // the rest arrives (at the bank counter, say) and staff confirm it by hand
    const confirmed = await server.owner.post<{ order: OrderDetail }>(`/api/v1/orders/${order.id}/deposit-confirmations`, { expectedVersion: partial.version });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.order.payments[0]).toMatchObject({ status: 'captured', capturedAmount: 39000 });
    expect(confirmed.body.order.items[0]!.quantityByStatus).toEqual({ paid: 3 });
    expect(confirmed.body.order.totals.balanceDue).toBe(0);
  });

  it('capture a deposit larger than due: the balance shows the shop owes, and POST …/refunds gives it back', async () => {
    const { order, paymentKey } = await virtualAccountOrder(45000);
    await notify(await server.gateway.depositWebhook(paymentKey));
    const over = await detail(order.id);
    expect(over.payments[0]).toMatchObject({ status: 'captured', capturedAmount: 45000 });
    expect([over.paymentStatus, over.totals.balanceDue, over.items[0]!.quantityByStatus]).toEqual(['overpaid', -6000, { paid: 3 }]);

    const refund = { expectedVersion: over.version, amount: 6000, reason: '초과 입금 반환', refundAccount: { bank: '신한은행', accountNumber: '110-123-456789', holderName: '한가람' } };
    const res = await server.owner.post<{ order: OrderDetail; result: ClaimResult }>(`/api/v1/orders/${order.id}/refunds`, refund);
    expect(res.status).toBe(201);
    expect(res.body.result.refund).toMatchObject({ claimId: null, amount: 6000, method: 'gateway', status: 'done' });
    expect([res.body.order.paymentStatus, res.body.order.totals.balanceDue]).toEqual(['partially_refunded', 0]);
    expect(await server.gateway.balanceOf(paymentKey)).toBe(39000);
  });
});

describe('Toss notifications, with the server’s gateway pointed at the fake Toss server', () => {
  let fake: Awaited<ReturnType<typeof startFakeTossServer>>;
  let toss: TossGateway;
  let database: Database;
  let app: FastifyInstance;
  let shop: CreatedShop;
  let storefront: HttpClient;
  let bag: number;
  let t: ReturnType<typeof harness>;
  const tossOrders = new Set<number>();

  beforeAll(async () => {
    fake = await startFakeTossServer();
    // No depositSecretFor: the server keeps secrets in its database, which a synchronous lookup cannot read.
    toss = new TossGateway({ secretKey: fake.secretKey, baseUrl: fake.baseUrl, timeoutMs: 2000 });
    database = await openTestDatabase();
    app = await buildApp({ database, gateway: toss });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    if (!address || typeof address === 'string') throw new Error('server has no port');
    const baseUrl = `http://127.0.0.1:${address.port}`;
    shop = await createShop(database.db, { name: '토스샵', ownerEmail: `${unique('toss')}@test.kr`, ownerName: '김토스', ownerPassword: 'owner-password-1' });
    storefront = new HttpClient(baseUrl, { authorization: `Bearer ${shop.apiKey}` });
    bag = (await addProduct(database.db, shop.shopId, { name: '에코백', price: 39000 })).productId;
    t = harness(() => new HttpClient(baseUrl), storefront, shop.shopId, 'toss');
  });
  afterAll(async () => {
    for (const orderId of tossOrders) expect(await auditOrder(database.db, shop.shopId, orderId), `order ${orderId}`).toEqual([]);
    await app.close();
    await database.close();
    await stopFakeTossServer(fake);
  });

  /** A checkout confirmed at Toss (the fake), then handed in by the storefront with Toss's ids. */
  async function tossOrder(method: 'virtual_account' | 'card') {
    const paymentKey = unique('tgen_');
    const orderId = unique('JM-');
    fake.addPayment({ paymentKey, orderId, amount: 39000, method });
    const confirmed = await toss.confirm({ paymentKey, orderId, amount: 39000 });
    if (!confirmed.ok) throw new Error(confirmed.message);
    const c = confirmed.value;
    const payment =
      method === 'card'
        ? { method, amount: 39000, status: 'paid', gateway: 'toss', gatewayTransactionId: paymentKey, gatewayOrderId: orderId, card: { company: c.cardCompany ?? '신한카드', installmentMonths: 0 } }
        : {
            method, amount: 39000, status: 'awaiting_deposit', gateway: 'toss', gatewayTransactionId: paymentKey, gatewayOrderId: orderId, depositSecret: c.depositSecret,
            virtualAccount: { bank: c.virtualAccount!.bank, accountNumber: c.virtualAccount!.accountNumber, holder: c.virtualAccount!.holder },
          };
    const res = await storefront.post<OrderDetail>('/api/v1/orders', {
      orderer: { name: '김토스', phone: '010-5555-6666', guestPassword: '9876' }, addresses: [seoulAddress()], items: [{ productId: bag, quantity: 1 }], shippingFee: 0, payment,
    });
    expect(res.status).toBe(201);
    tossOrders.add(res.body.id);
    return { order: res.body, paymentKey, orderId, secret: c.depositSecret ?? '' };
  }

  it('confirm a deposit callback only when its secret matches and Toss says the account was paid', async () => {
    const { order, paymentKey, orderId, secret } = await tossOrder('virtual_account');
    expect(secret).toMatch(/^ps_/);
    // the right secret, but nothing deposited yet: Toss, asked, still says WAITING_FOR_DEPOSIT
    await t.expectIgnored(order, { createdAt: '2026-11-26T10:00:00.000000', secret, orderId, status: 'DONE' });
    expect(fake.requests.at(-1)).toMatchObject({ method: 'GET', path: `/v1/payments/orders/${orderId}` });

    const callback = fake.deposit(paymentKey);
    const asked = fake.requests.length;
    await t.expectIgnored(order, { ...callback, secret: 'ps_forged' });
    expect(fake.requests.length).toBe(asked); // refused on the stored secret, before asking Toss

    expect((await t.notify(callback)).status).toBe(200);
    const paid = await t.detail(order.id);
    expect(paid.payments[0]).toMatchObject({ status: 'captured', capturedAmount: 39000 });
    expect([paid.items[0]!.quantityByStatus, paid.totals.balanceDue, paid.version]).toEqual([{ paid: 1 }, 0, order.version + 1]);
    expect((await t.events(order.id)).filter((e) => e.type === 'gateway_notification' || e.type === 'deposit_confirmed').map((e) => [e.type, e.actor.kind])).toEqual([
      ['deposit_confirmed', 'system'],
      ['gateway_notification', 'system'],
    ]);
    await t.expectIgnored(paid, callback);
  });

  it('answer 503 while Toss cannot be asked, so that Toss sends the callback again', async () => {
    const { order, paymentKey } = await tossOrder('virtual_account');
    const callback = fake.deposit(paymentKey);
    fake.failNext(500);
    const before = await t.detail(order.id);
    const res = await t.notify(callback);
    expect([res.status, res.body.error.code]).toEqual([503, 'GATEWAY_UNAVAILABLE']);
    expect(await t.detail(order.id)).toEqual(before);
    expect((await t.notify(callback)).status).toBe(200);
    expect((await t.detail(order.id)).payments[0]!.status).toBe('captured');
  });

  it('only record a cancel made at Toss for a payment the order still counts, once, without moving money', async () => {
    const { order, paymentKey } = await tossOrder('card');
    const cancelled = await toss.cancel({ paymentKey, amount: 39000, reason: 'PG 관리자 화면에서 취소', idempotencyKey: unique('console-') });
    expect(cancelled.ok).toBe(true);
    const body = fake.statusChangedWebhook(paymentKey);
    const before = await t.detail(order.id);
    expect((await t.notify(body)).status).toBe(200);
    // the order is exactly as it was (version included): only its timeline has the notice
    const after = await t.detail(order.id);
    expect(after).toEqual(before);
    expect([after.payments[0]!.status, after.totals.refunded]).toEqual(['captured', 0]);
    const notices = (await t.events(order.id)).filter((e) => e.type === 'gateway_notification');
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ actor: { kind: 'system' }, payload: { notification: 'payment_cancelled', action: 'review_needed' } });
    expect(notices[0]!.description).toMatch(/자동으로 변경하지 않았/);
    await t.expectIgnored(after, body);
  });

  it('answer 200 without asking Toss about an order the shop does not have', async () => {
    const asked = fake.requests.length;
    const res = await t.notify({ createdAt: '2026-11-26T10:00:00.000000', secret: 'ps_whatever', orderId: 'JM-not-ours', status: 'DONE' });
    expect([res.status, res.body]).toEqual([200, { received: true }]);
    expect(fake.requests.length).toBe(asked);
  });
});
