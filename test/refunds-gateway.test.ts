import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClaimResult } from '../src/contracts/claims';
import type { OrderDetail } from '../src/contracts/orders';
import { auditOrder } from '../src/server/orders/audit';
import { timelineEvents } from '../src/server/db/schema/index';
import { addMember, addProduct, cardPayment, pointsOf, seoulAddress } from './support/fixtures';
import { startTestServer, type TestServer } from './support/server';

type ErrorBody = { error: { code: string; message: string; details?: Record<string, unknown> } };
type Mutation = { order: OrderDetail; result: ClaimResult };

let server: TestServer;
let bag: { productId: number };

beforeAll(async () => {
  server = await startTestServer();
  bag = await addProduct(server.database.db, server.shop.shopId, { name: '캔버스 가방', price: 50000 });
});
afterAll(() => server.close());

const account = { bank: '신한은행', accountNumber: '110-123-456789', holderName: '홍길동' };
const bankTransfer = (amount: number, status: 'paid' | 'awaiting_deposit' = 'paid') => ({
  method: 'bank_transfer' as const, amount, status, bankTransfer: { bank: '국민은행', accountNumber: '123-45-6789', holder: '주문데모샵', depositorName: '홍길동' },
});

async function expectSound(orderId: number) {
  expect(await auditOrder(server.database.db, server.shop.shopId, orderId)).toEqual([]);
}

/** 2 bags (100,000원, free shipping; one alone still ships free), paid as given. */
async function bagOrder(payment: Record<string, unknown>, orderer: Record<string, unknown> = { name: '홍길동', phone: '010-1234-5678', guestPassword: 'pw12' }, discounts?: Record<string, unknown>) {
  const res = await server.storefront.post<OrderDetail>('/api/v1/orders', { orderer, addresses: [seoulAddress()], items: [{ productId: bag.productId, quantity: 2 }], payment, ...(discounts ? { discounts } : {}) });
  expect(res.status).toBe(201);
  return res.body;
}

const cancelOne = (o: OrderDetail, extra: Record<string, unknown> = {}) =>
  server.owner.post<Mutation & ErrorBody>(`/api/v1/orders/${o.id}/cancellations`, {
    expectedVersion: o.version, items: [{ itemId: o.items[0]!.id, shipmentGroupId: o.shipmentGroups[0]!.id, quantity: 1 }], reason: '부분 취소', complete: true, ...extra,
  });
const refundAction = (o: OrderDetail, refundId: number, action: 'retry' | 'complete') =>
  server.owner.post<Mutation & ErrorBody>(`/api/v1/orders/${o.id}/refunds/${refundId}/${action}`, { expectedVersion: o.version });

describe('무통장 refunds are transfers staff make by hand', () => {
  it('need a refund account, and stay pending until staff confirm the transfer', async () => {
    const order = await bagOrder(bankTransfer(100000));
    const refused = await cancelOne(order);
    expect([refused.status, refused.body.error.code]).toEqual([422, 'REFUND_ACCOUNT_REQUIRED']);
    expect(await server.owner.get<OrderDetail>(`/api/v1/orders/${order.id}`)).toMatchObject({ body: order });

    const res = await cancelOne(order, { refundAccount: account });
    expect(res.status).toBe(201);
    expect(res.body.result.refund).toMatchObject({ amount: 50000, method: 'bank_transfer', status: 'pending', refundAccount: account, parts: [{ method: 'bank_transfer', status: 'pending' }] });
    expect(res.body.order.totals).toMatchObject({ orderTotal: 50000, paid: 100000, refunded: 0, balanceDue: -50000 });
    expect(res.body.order.paymentStatus).toBe('overpaid');
    await expectSound(order.id);

    const refundId = res.body.result.refund!.id;
    const done = await refundAction(res.body.order, refundId, 'complete');
    expect(done.status).toBe(200);
    expect(done.body.result.refund).toMatchObject({ status: 'done', parts: [{ status: 'done' }] });
    expect(done.body.order.totals).toMatchObject({ refunded: 50000, balanceDue: 0 });
    const again = await refundAction(done.body.order, refundId, 'complete');
    expect([again.status, again.body.error.code]).toEqual([422, 'REFUND_NOT_OPEN']);
    const types = (await server.database.db.select({ type: timelineEvents.type }).from(timelineEvents).where(eq(timelineEvents.orderId, order.id))).map((e) => e.type);
    expect(types).toEqual(expect.arrayContaining(['refund_pending', 'refund_completed']));
    await expectSound(order.id);
  });

  it('sends a virtual-account refund through the gateway with the account', async () => {
    const order = await bagOrder({ method: 'virtual_account', amount: 100000, status: 'paid', gateway: 'toss', gatewayTransactionId: `va_${order_suffix()}`, virtualAccount: { bank: '신한은행', accountNumber: '56211102345678', holder: '주문데모샵' } });
    expect((await cancelOne(order)).body.error.code).toBe('REFUND_ACCOUNT_REQUIRED');
    const res = await cancelOne(order, { refundAccount: account });
    expect(res.body.result.refund).toMatchObject({ method: 'gateway', status: 'done', refundAccount: account });
    await expectSound(order.id);
  });
});

function order_suffix() {
  return `${Date.now()}${Math.random().toString(36).slice(2, 8)}`;
}

describe('gateway refunds that do not go through at once', () => {
  it('stay pending when the gateway does not answer, and a retry settles them exactly once', async () => {
    const payment = cardPayment(100000);
    const order = await bagOrder(payment);
    server.gateway.failNext('unavailable');
    const res = await cancelOne(order);
    expect(res.status).toBe(201);
    expect(res.body.result.refund).toMatchObject({ amount: 50000, status: 'pending', attempts: 1, parts: [{ status: 'pending' }] });
    expect(res.body.result.refund!.failureMessage).toMatch(/PG 응답 없음/);
    expect(res.body.order.totals).toMatchObject({ refunded: 0, balanceDue: -50000 });
    expect(await server.gateway.balanceOf(payment.gatewayTransactionId)).toBe(100000);
    await expectSound(order.id);

    // a retry the gateway again leaves unanswered; its replay (same Idempotency-Key) calls nothing
    server.gateway.failNext('unavailable');
    const key = { 'idempotency-key': `retry-${order.id}` };
    const stillPending = await server.owner.post<Mutation>(`/api/v1/orders/${order.id}/refunds/${res.body.result.refund!.id}/retry`, { expectedVersion: res.body.order.version }, key);
    expect(stillPending.body.result.refund).toMatchObject({ status: 'pending', attempts: 2 });
    const replay = await server.owner.post<Mutation>(`/api/v1/orders/${order.id}/refunds/${res.body.result.refund!.id}/retry`, { expectedVersion: res.body.order.version }, key);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(replay.body.result.refund).toMatchObject({ status: 'pending', attempts: 2 });

    const retried = await refundAction(stillPending.body.order, res.body.result.refund!.id, 'retry');
    expect(retried.status).toBe(200);
    expect(retried.body.result.refund).toMatchObject({ status: 'done', attempts: 3, parts: [{ status: 'done' }] });
    expect(retried.body.order.totals).toMatchObject({ refunded: 50000, balanceDue: 0 });
    expect(await server.gateway.balanceOf(payment.gatewayTransactionId)).toBe(50000);
    expect((await refundAction(retried.body.order, res.body.result.refund!.id, 'retry')).body.error.code).toBe('REFUND_NOT_OPEN');
    await expectSound(order.id);
  });

  it('never cancel twice when the gateway cancelled but its answer was lost', async () => {
    const payment = cardPayment(100000);
    const order = await bagOrder(payment);
    server.gateway.failNext('unavailable', 1, { lostResponse: true });
    const res = await cancelOne(order);
    expect(res.body.result.refund!.status).toBe('pending');
    expect(await server.gateway.balanceOf(payment.gatewayTransactionId)).toBe(50000);
    const retried = await refundAction(res.body.order, res.body.result.refund!.id, 'retry');
    expect(retried.body.result.refund!.status).toBe('done');
    expect(await server.gateway.balanceOf(payment.gatewayTransactionId)).toBe(50000);
    expect(retried.body.order.totals).toMatchObject({ refunded: 50000, balanceDue: 0 });
    await expectSound(order.id);
  });

  it('fail when the gateway declines: the balance shows the shop still owes, and a retry can still pay', async () => {
    const payment = cardPayment(100000);
    const order = await bagOrder(payment);
    server.gateway.failNext('declined');
    const res = await cancelOne(order);
    expect(res.body.result.refund).toMatchObject({ status: 'failed', parts: [{ status: 'failed' }] });
    expect(res.body.result.refund!.failureMessage).toMatch(/거절/);
    expect(res.body.order.totals).toMatchObject({ orderTotal: 50000, paid: 100000, refunded: 0, balanceDue: -50000 });
    expect(res.body.order.paymentStatus).toBe('overpaid');
    expect(await server.gateway.balanceOf(payment.gatewayTransactionId)).toBe(100000);
    await expectSound(order.id);

    // a second cancel cannot spend what the failed refund still owes
    const second = await cancelOne(res.body.order);
    expect(second.body.result.refund).toMatchObject({ amount: 50000, status: 'done' });
    const retried = await refundAction(second.body.order, res.body.result.refund!.id, 'retry');
    expect(retried.body.result.refund!.status).toBe('done');
    expect(await server.gateway.balanceOf(payment.gatewayTransactionId)).toBe(0);
    expect(retried.body.order.totals).toMatchObject({ orderTotal: 0, refunded: 100000, balanceDue: 0 });
    await expectSound(order.id);
  });

  it('is not voided while the gateway may have paid it; once declined, reverting voids it and undoes its money moves', async () => {
    const member = await addMember(server.database.db, server.shop.shopId, { name: '되돌림', gradeName: '일반', points: 3000 });
    const order = await bagOrder(cardPayment(98000), { customerId: member.customerId, name: '되돌림', phone: '010-2222-3333' }, { pointsUsed: 2000 });
    server.gateway.failNext('unavailable');
    const res = await cancelOne(order);
    const refund = res.body.result.refund!;
    expect(refund).toMatchObject({ status: 'pending', pointsRestored: 1000, amount: 49000 });
    expect(await pointsOf(server.database.db, server.shop.shopId, member.customerId)).toBe(2000);

    // The outcome is unknown (the answer may have been lost after the gateway paid): refuse.
    const claimId = res.body.result.claim!.id;
    const refused = await server.owner.post<{ error: { code: string; details: { pendingAmount: number } } }>(`/api/v1/orders/${order.id}/claims/${claimId}/status`, {
      expectedVersion: res.body.order.version,
      to: 'cancel_requested',
    });
    expect([refused.status, refused.body.error.code, refused.body.error.details.pendingAmount]).toEqual([422, 'REVERT_NEEDS_MONEY', 49000]);

    // The retry is declined: nothing was paid out, so reverting may void the refund.
    server.gateway.failNext('declined');
    const retried = await refundAction(res.body.order, refund.id, 'retry');
    expect(retried.body.result.refund).toMatchObject({ status: 'failed' });
    const reverted = await server.owner.post<Mutation>(`/api/v1/orders/${order.id}/claims/${claimId}/status`, { expectedVersion: retried.body.order.version, to: 'cancel_requested' });
    expect(reverted.status).toBe(200);
    expect(reverted.body.result.claim).toMatchObject({ status: 'cancel_requested', refunds: [{ id: refund.id, status: 'voided' }] });
    expect(reverted.body.order.totals).toMatchObject({ pointsUsed: 2000, orderTotal: 98000, refunded: 0, balanceDue: 0 });
    expect(await pointsOf(server.database.db, server.shop.shopId, member.customerId)).toBe(1000);
    expect((await refundAction(reverted.body.order, refund.id, 'retry')).body.error.code).toBe('REFUND_NOT_OPEN');
    await expectSound(order.id);

    const withdrawn = await server.owner.post<Mutation>(`/api/v1/orders/${order.id}/claims/${claimId}/withdraw`, { expectedVersion: reverted.body.order.version });
    expect(withdrawn.body.order.items[0]!.quantityByStatus).toEqual({ paid: 2 });
    await expectSound(order.id);
  });
});

describe('unpaid orders', () => {
  it('owe less after a partial cancel, and stop waiting for the deposit after a full one', async () => {
    const order = await bagOrder(bankTransfer(100000, 'awaiting_deposit'));
    expect(order.totals).toMatchObject({ orderTotal: 100000, paid: 0, balanceDue: 100000 });
    const partial = await cancelOne(order);
    expect(partial.status).toBe(201);
    expect(partial.body.result.refund).toMatchObject({ amount: 0, method: 'none', status: 'done', parts: [] });
    expect(partial.body.result.proposal).toMatchObject({ totalReduction: 50000, settlesBalanceDue: 50000, amount: 0 });
    expect(partial.body.order.totals).toMatchObject({ orderTotal: 50000, balanceDue: 50000 });
    expect(partial.body.order.payments[0]).toMatchObject({ status: 'pending', amount: 50000 });
    await expectSound(order.id);

    const full = await cancelOne(partial.body.order, { refundAccount: account });
    expect(full.body.order.totals).toMatchObject({ orderTotal: 0, balanceDue: 0, refunded: 0 });
    expect(full.body.order.payments[0]!.status).toBe('cancelled');
    expect(full.body.order.orderStatus).toBe('cancelled');
    await expectSound(order.id);
  });
});
