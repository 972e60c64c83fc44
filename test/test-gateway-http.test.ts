import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrderDetail } from '../src/contracts/orders';
import type { TestPayment } from '../src/contracts/test-gateway';
import { createShop } from '../src/server/shops/service';
import { addProduct, seoulAddress } from './support/fixtures';
import { HttpClient, startTestServer, type TestServer } from './support/server';

/**
 * A storefront's checkout against the built-in test gateway over HTTP: confirm on its server, hand
 * the order in with what the gateway answered, and — for a 가상계좌 — the buyer's deposit arriving
 * through Jumun's own gateway webhook.
 */

type ErrorBody = { error: { code: string; details?: Record<string, unknown> } };

let server: TestServer;
let tumbler: number;
const unique = (prefix: string) => `${prefix}${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;

beforeAll(async () => {
  server = await startTestServer();
  tumbler = (await addProduct(server.database.db, server.shop.shopId, { name: '스테인리스 텀블러', price: 18000 })).productId;
});
afterAll(() => server.close());

const guest = { name: '정구매', phone: '010-3333-4444', guestPassword: 'pw-1234' };

async function handIn(payment: TestPayment, storefront = server.storefront) {
  const card = payment.card;
  const account = payment.virtualAccount;
  return storefront.post<OrderDetail & ErrorBody>('/api/v1/orders', {
    orderer: guest,
    addresses: [seoulAddress()],
    items: [{ productId: tumbler, quantity: 3 }],
    payment: {
      method: payment.method,
      amount: payment.amount,
      status: payment.status === 'captured' ? 'paid' : 'awaiting_deposit',
      gateway: 'test',
      gatewayTransactionId: payment.paymentKey,
      gatewayOrderId: payment.orderId,
      ...(payment.depositSecret ? { depositSecret: payment.depositSecret } : {}),
      ...(card ? { card } : {}),
      ...(account ? { virtualAccount: { bank: account.bank, accountNumber: account.accountNumber, holder: account.holder } } : {}),
    },
  });
}

describe('the test gateway over HTTP', () => {
  it('approves a card; the order handed in with it is paid, and confirming again answers the same payment', async () => {
    const body = { paymentKey: unique('card_'), orderId: unique('SF-'), amount: 54000 };
    const confirmed = await server.storefront.post<TestPayment>('/api/v1/test-gateway/payments/confirm', body);
    expect(confirmed.status).toBe(200);
    expect(confirmed.body).toMatchObject({ method: 'card', status: 'captured', amount: 54000, card: { company: '신한카드' }, depositSecret: null });
    expect((await server.storefront.post<TestPayment>('/api/v1/test-gateway/payments/confirm', body)).body).toEqual(confirmed.body);
    const order = await handIn(confirmed.body);
    expect(order.status).toBe(201);
    expect(order.body.orderStatus).toBe('paid');
    expect(order.body.totals).toMatchObject({ orderTotal: 54000, paid: 54000, balanceDue: 0 });
  });

  it('issues a 가상계좌; the deposit arrives through the gateway webhook and pays the order, once', async () => {
    const confirmed = await server.storefront.post<TestPayment>('/api/v1/test-gateway/payments/confirm', { paymentKey: unique('va_'), orderId: unique('SF-'), amount: 54000 });
    expect(confirmed.body).toMatchObject({ method: 'virtual_account', status: 'pending', paidAt: null, virtualAccount: { bank: '신한은행' } });
    expect(confirmed.body.depositSecret).toEqual(expect.any(String));
    const order = await handIn(confirmed.body);
    expect(order.body.orderStatus).toBe('awaiting_payment');

    const deposit = await server.storefront.post<{ outcome: string; orderId: number }>(`/api/v1/test-gateway/payments/${confirmed.body.paymentKey}/deposit`);
    expect(deposit.body).toEqual({ outcome: 'applied', orderId: order.body.id });
    const paid = await server.owner.get<OrderDetail>(`/api/v1/orders/${order.body.id}`);
    expect(paid.body.orderStatus).toBe('paid');
    expect(paid.body.totals).toMatchObject({ paid: 54000, balanceDue: 0 });

    const again = await server.storefront.post<{ outcome: string }>(`/api/v1/test-gateway/payments/${confirmed.body.paymentKey}/deposit`);
    expect(again.body.outcome).toBe('duplicate');
    expect((await server.owner.get<OrderDetail>(`/api/v1/orders/${order.body.id}`)).body.version).toBe(paid.body.version);
  });

  it('refuses what a gateway would refuse, with a code, and a deposit never crosses shops', async () => {
    const card = await server.storefront.post<TestPayment>('/api/v1/test-gateway/payments/confirm', { paymentKey: unique('card_'), orderId: unique('SF-'), amount: 1000 });
    const notAccount = await server.storefront.post<ErrorBody>(`/api/v1/test-gateway/payments/${card.body.paymentKey}/deposit`);
    expect([notAccount.status, notAccount.body.error.code, notAccount.body.error.details?.gatewayCode]).toEqual([422, 'TEST_GATEWAY_DECLINED', 'NOT_A_VIRTUAL_ACCOUNT']);
    const otherAmount = await server.storefront.post<ErrorBody>('/api/v1/test-gateway/payments/confirm', { paymentKey: card.body.paymentKey, orderId: card.body.orderId, amount: 2000 });
    expect([otherAmount.status, otherAmount.body.error.code]).toEqual([422, 'TEST_GATEWAY_DECLINED']);
    const malformed = await server.storefront.post<ErrorBody>('/api/v1/test-gateway/payments/confirm', { paymentKey: 'x', orderId: 'SF-1', amount: 0 });
    expect([malformed.status, malformed.body.error.code]).toEqual([400, 'VALIDATION_FAILED']);

    const account = await server.storefront.post<TestPayment>('/api/v1/test-gateway/payments/confirm', { paymentKey: unique('va_'), orderId: unique('SF-'), amount: 54000 });
    const order = await handIn(account.body);
    const other = await createShop(server.database.db, { name: '남의 상점', ownerEmail: `other${Date.now()}@tg.kr`, ownerName: '남대표', ownerPassword: 'other-password-1' });
    const stranger = new HttpClient(server.baseUrl, { authorization: `Bearer ${other.apiKey}` });
    const crossed = await stranger.post<{ outcome: string; orderId: number | null }>(`/api/v1/test-gateway/payments/${account.body.paymentKey}/deposit`);
    expect(crossed.body).toEqual({ outcome: 'unknown_payment', orderId: null });
    expect((await server.owner.get<OrderDetail>(`/api/v1/orders/${order.body.id}`)).body.orderStatus).toBe('awaiting_payment');
  });

  it('needs a storefront key or staff who work orders', async () => {
    const body = { paymentKey: unique('card_'), orderId: unique('SF-'), amount: 1000 };
    expect((await server.anonymous().post<ErrorBody>('/api/v1/test-gateway/payments/confirm', body)).status).toBe(401);
    const viewer = await server.addStaff('viewer');
    expect((await viewer.post<ErrorBody>('/api/v1/test-gateway/payments/confirm', body)).status).toBe(403);
  });
});
