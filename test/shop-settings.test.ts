import { and, desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MyOrderDetail } from '../src/contracts/my';
import type { OrderDetail } from '../src/contracts/orders';
import type { PrintSheetsResponse } from '../src/contracts/print-sheets';
import type { GatewaySettings, ShopProfile, ShopSettings } from '../src/contracts/settings';
import { payments, securityEvents } from '../src/server/db/schema/index';
import { buyerClient } from './support/buyer';
import { startFakeTossServer, stopFakeTossServer } from './support/fake-toss-server';
import { addProduct, cardPayment, seoulAddress } from './support/fixtures';
import { startTestServer, type HttpClient, type TestServer } from './support/server';

type ErrorBody = { error: { code: string } };

let server: TestServer;
let manager: HttpClient;
let staff: HttpClient;
let viewer: HttpClient;
let productId: number;

beforeAll(async () => {
  server = await startTestServer();
  manager = await server.addStaff('manager');
  staff = await server.addStaff('staff');
  viewer = await server.addStaff('viewer');
  ({ productId } = await addProduct(server.database.db, server.shop.shopId, { name: '린넨 셔츠', price: 60000 }));
});
afterAll(() => server.close());

const business = {
  name: '주문 데모샵',
  businessName: '(주)주문데모',
  representativeName: '김대표',
  businessNumber: '2208162517',
  mailOrderNumber: '제2026-서울강남-0123호',
  businessAddress: '서울특별시 강남구 테헤란로 123, 4층',
};
const settings = async () => (await server.owner.get<ShopSettings>('/api/v1/settings')).body;
const auditEvents = (subject: string) =>
  server.database.db
    .select()
    .from(securityEvents)
    .where(and(eq(securityEvents.shopId, server.shop.shopId), eq(securityEvents.kind, 'settings_changed'), eq(securityEvents.subject, subject)))
    .orderBy(desc(securityEvents.id));

describe('PATCH /api/v1/settings', () => {
  it('saves each section, answers the business number formatted, and records before and after', async () => {
    const res = await manager.request<ShopSettings>('PATCH', '/api/v1/settings', {
      business,
      customerService: { phone: '1588-1234', email: 'cs@demo.jumun.kr' },
      bankAccounts: [{ bank: '국민은행', accountNumber: '123-45-678901', holder: '(주)주문데모' }],
      orderNumberPrefix: 'JM-',
      staffRefundLimit: 150000,
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      business: { ...business, businessNumber: '220-81-62517' },
      customerService: { phone: '1588-1234', email: 'cs@demo.jumun.kr' },
      bankAccounts: [{ bank: '국민은행', accountNumber: '123-45-678901', holder: '(주)주문데모' }],
      orderNumberPrefix: 'JM-',
      staffRefundLimit: 150000,
    });
    expect(await settings()).toEqual(res.body);

    const [event] = await auditEvents('business');
    expect(event?.detail).toMatchObject({ before: { businessName: null, businessNumber: null }, after: { businessName: '(주)주문데모', businessNumber: '220-81-62517' } });
    expect((await auditEvents('staffRefundLimit'))[0]?.detail).toMatchObject({ before: 300000, after: 150000 });
    expect(await auditEvents('bankAccounts')).toHaveLength(1);

    // a section sent unchanged is no change, and records nothing
    await manager.request('PATCH', '/api/v1/settings', { staffRefundLimit: 150000 });
    expect(await auditEvents('staffRefundLimit')).toHaveLength(1);
  });

  it('refuses a bad value with its own 400 and changes nothing, not even the valid sections beside it', async () => {
    const before = await settings();
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ business: { ...business, businessNumber: '123-45-67890' } }, 'SETTINGS_BUSINESS_NUMBER_INVALID'],
      [{ customerService: { phone: '12345', email: null } }, 'SETTINGS_PHONE_INVALID'],
      [{ customerService: { phone: null, email: 'not-an-email' } }, 'SETTINGS_EMAIL_INVALID'],
      [{ bankAccounts: [{ bank: '신한은행', accountNumber: '계좌번호', holder: '홍길동' }] }, 'SETTINGS_BANK_ACCOUNT_INVALID'],
      [{ orderNumberPrefix: 'JM 2026!' }, 'SETTINGS_ORDER_PREFIX_INVALID'],
      [{ orderNumberPrefix: 'ABCDEFGHIJK' }, 'SETTINGS_ORDER_PREFIX_INVALID'],
      [{ staffRefundLimit: -1 }, 'SETTINGS_REFUND_LIMIT_INVALID'],
      [{ business: { ...business, name: '' } }, 'VALIDATION_FAILED'],
      [{ shippingFee: 3000 }, 'VALIDATION_FAILED'],
    ];
    for (const [body, code] of cases) {
      const res = await server.owner.request<ErrorBody>('PATCH', '/api/v1/settings', { customerService: { phone: '02-555-1234', email: null }, ...body });
      expect([res.status, res.body.error.code], JSON.stringify(body)).toEqual([400, code]);
    }
    expect(await settings()).toEqual(before);
    // nothing to change is not an error: the settings come back as they were, and nothing is recorded
    const empty = await server.owner.request('PATCH', '/api/v1/settings', {});
    expect(empty.status).toBe(200);
    expect(await settings()).toEqual(before);
  });

  it('is for managers and owners: staff and viewers read, and get 403 on a change; API keys get neither', async () => {
    for (const client of [staff, viewer]) {
      expect((await client.get<ShopSettings>('/api/v1/settings')).body.business.businessName).toBe('(주)주문데모');
      expect((await client.request<ErrorBody>('PATCH', '/api/v1/settings', { orderNumberPrefix: 'X' })).status).toBe(403);
    }
    expect((await server.storefront.get('/api/v1/settings')).status).toBe(403);
    expect((await settings()).orderNumberPrefix).toBe('JM-');
  });
});

describe('PUT /api/v1/settings/gateway', () => {
  const secretKey = 'test_sk_shopOwnKey9876';

  it('is the owner’s: a manager gets 403', async () => {
    expect((await manager.put<ErrorBody>('/api/v1/settings/gateway', { provider: 'toss', clientKey: 'test_ck_abcdefgh1234', secretKey })).status).toBe(403);
    expect((await settings()).gateway.provider).toBeNull();
  });

  it('validates the keys, keeps the secret write-only, and never answers or records it', async () => {
    const bad: Array<[Record<string, unknown>, string]> = [
      [{ provider: 'toss', clientKey: 'pk_live_123', secretKey }, 'GATEWAY_CLIENT_KEY_INVALID'],
      [{ provider: 'toss', clientKey: 'test_ck_abcdefgh1234', secretKey: 'sk_123' }, 'GATEWAY_SECRET_KEY_INVALID'],
      [{ provider: 'toss', clientKey: 'live_ck_abcdefgh1234', secretKey }, 'GATEWAY_KEY_MODE_MISMATCH'],
      [{ provider: 'toss', clientKey: 'test_ck_abcdefgh1234' }, 'GATEWAY_KEYS_REQUIRED'],
    ];
    for (const [body, code] of bad) {
      const res = await server.owner.put<ErrorBody>('/api/v1/settings/gateway', body);
      expect([res.status, res.body.error.code]).toEqual([400, code]);
    }
    const saved = await server.owner.put<GatewaySettings>('/api/v1/settings/gateway', { provider: 'toss', clientKey: 'test_ck_abcdefgh1234', secretKey });
    expect(saved.body).toMatchObject({ provider: 'toss', clientKey: 'test_ck_abcdefgh1234', secretKey: { set: true, hint: '9876' }, serverDefault: 'test', inEffect: 'shop' });
    // left out: the stored key is kept
    const kept = await server.owner.put<GatewaySettings>('/api/v1/settings/gateway', { provider: 'toss', clientKey: 'test_ck_otherclient5678' });
    expect(kept.body.secretKey).toEqual({ set: true, hint: '9876' });

    for (const client of [server.owner, manager, viewer]) {
      const text = JSON.stringify((await client.get('/api/v1/settings')).body);
      expect(text).not.toContain(secretKey);
      expect(text).not.toContain('shopOwnKey');
    }
    const events = await auditEvents('gateway');
    expect(events).toHaveLength(2);
    expect(events[1]?.detail).toMatchObject({ before: { provider: null, secretKey: null }, after: { provider: 'toss', secretKey: '•••• 변경됨' } });
    expect(events[0]?.detail).toMatchObject({ before: { clientKey: 'test_ck_abcdefgh1234', secretKey: '••••' }, after: { clientKey: 'test_ck_otherclient5678', secretKey: '••••' } });
    expect(JSON.stringify(events)).not.toContain('shopOwnKey');
  });

  it('takes effect: the shop’s Toss payments are refunded with its own secret key', async () => {
    const fake = await startFakeTossServer({ secretKey });
    const previousBase = process.env.TOSS_API_BASE;
    process.env.TOSS_API_BASE = fake.baseUrl;
    try {
      const payment = cardPayment(120000);
      fake.addPayment({ paymentKey: payment.gatewayTransactionId, orderId: 'J-settings-1', amount: 120000, method: 'card', status: 'DONE' });
      const order = (await server.storefront.post<OrderDetail>('/api/v1/orders', { orderer: { name: '홍길동', phone: '010-1234-5678', guestPassword: 'pw12' }, addresses: [seoulAddress()], items: [{ productId, quantity: 2 }], payment })).body;
      const res = await server.owner.post<{ result: { refund: { status: string } } }>(`/api/v1/orders/${order.id}/cancellations`, {
        expectedVersion: order.version, items: [{ itemId: order.items[0]!.id, shipmentGroupId: order.shipmentGroups[0]!.id, quantity: 1 }], reason: '부분 취소', complete: true,
      });
      expect(res.status).toBe(201);
      expect(res.body.result.refund.status).toBe('done');
      const cancel = fake.requests.find((r) => r.path.endsWith(`/v1/payments/${payment.gatewayTransactionId}/cancel`));
      expect(cancel?.headers.authorization).toBe(`Basic ${Buffer.from(`${secretKey}:`).toString('base64')}`);
      expect(fake.payment(payment.gatewayTransactionId)?.balanceAmount).toBe(60000);
    } finally {
      if (previousBase === undefined) delete process.env.TOSS_API_BASE;
      else process.env.TOSS_API_BASE = previousBase;
      await stopFakeTossServer(fake);
      // back to the server's gateway for the tests that follow
      expect((await server.owner.put<GatewaySettings>('/api/v1/settings/gateway', { provider: null })).body).toMatchObject({ provider: null, secretKey: { set: false }, inEffect: 'server' });
    }
  });
});

describe('the hand-off secret', () => {
  it('is made by the owner, shown once, and answered afterwards only as set', async () => {
    expect((await manager.post('/api/v1/shop/handoff-secret', {})).status).toBe(403);
    const made = await server.owner.post<{ secret: string }>('/api/v1/shop/handoff-secret', {});
    expect(made.status).toBe(200);
    const read = await settings();
    expect(read.handoffSecret).toEqual({ set: true });
    expect(JSON.stringify(read)).not.toContain(made.body.secret);
    const [event] = await auditEvents('handoffSecret');
    expect(event?.detail).toMatchObject({ after: { secret: '•••• 변경됨' } });
    expect(JSON.stringify(event)).not.toContain(made.body.secret);
  });
});

describe('where buyers, storefronts and documents see the details', () => {
  it('My Page shows the business details and 고객센터, and the shop’s accounts for a deposit that names none', async () => {
    const order = (
      await server.storefront.post<OrderDetail>('/api/v1/orders', {
        orderer: { name: '이손님', phone: '010-7777-8888', guestPassword: 'guest-pw' },
        addresses: [seoulAddress()],
        items: [{ productId, quantity: 1 }],
        payment: { method: 'bank_transfer', amount: 60000, status: 'awaiting_deposit', bankTransfer: { bank: '국민은행', accountNumber: '123-45-678901', holder: '(주)주문데모', depositorName: '이손님' } },
      })
    ).body;
    const buyer = await buyerClient(server, { buyer: 'guest', orderId: order.id });
    const page = (await buyer.get<MyOrderDetail>(`/api/v1/my/orders/${order.orderNumber}`)).body;
    expect(page.shop).toMatchObject({
      name: '주문 데모샵',
      csPhone: '1588-1234',
      csEmail: 'cs@demo.jumun.kr',
      business: { businessName: '(주)주문데모', representativeName: '김대표', businessNumber: '220-81-62517', mailOrderNumber: '제2026-서울강남-0123호' },
      depositAccounts: [],
    });
    // an order recorded without the account to pay into (an older import): the shop's accounts stand in
    await server.database.db.update(payments).set({ vaAccountNumber: null, vaBank: null }).where(and(eq(payments.shopId, server.shop.shopId), eq(payments.orderId, order.id)));
    const again = (await buyer.get<MyOrderDetail>(`/api/v1/my/orders/${order.orderNumber}`)).body;
    expect(again.shop.depositAccounts).toEqual([{ bank: '국민은행', accountNumber: '123-45-678901', holder: '(주)주문데모' }]);
  });

  it('a storefront reads the profile with its intake key, with no keys or limits in it', async () => {
    const res = await server.storefront.get<ShopProfile>('/api/v1/shop/profile');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      name: '주문 데모샵',
      business: { businessName: '(주)주문데모', representativeName: '김대표', businessNumber: '220-81-62517', mailOrderNumber: '제2026-서울강남-0123호', businessAddress: business.businessAddress },
      customerService: { phone: '1588-1234', email: 'cs@demo.jumun.kr' },
      bankAccounts: [{ bank: '국민은행', accountNumber: '123-45-678901', holder: '(주)주문데모' }],
    });
  });

  it('the print sheets carry 상호, 대표자, 사업자등록번호 and 고객센터', async () => {
    const order = (await server.storefront.post<OrderDetail>('/api/v1/orders', { orderer: { name: '홍길동', phone: '010-1234-5678', guestPassword: 'pw12' }, addresses: [seoulAddress()], items: [{ productId, quantity: 1 }], payment: cardPayment(60000) })).body;
    // the prefix set above numbers the orders taken after it
    expect(order.orderNumber).toMatch(/^JM-/);
    const res = await server.owner.post<PrintSheetsResponse>('/api/v1/orders/print-sheets', { orderIds: [order.id] });
    expect(res.status).toBe(200);
    expect(res.body.shop).toEqual({
      name: '주문 데모샵',
      csPhone: '1588-1234',
      csEmail: 'cs@demo.jumun.kr',
      businessName: '(주)주문데모',
      representativeName: '김대표',
      businessNumber: '220-81-62517',
      businessAddress: business.businessAddress,
    });
  });
});
