import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClaimResult } from '../src/contracts/claims';
import type { CommitEditResult, CreateEditResponse } from '../src/contracts/edits';
import type { OrderDetail } from '../src/contracts/orders';
import type { TimelineResponse } from '../src/contracts/timeline';
import { auditOrder } from '../src/server/orders/audit';
import { addProduct, cardPayment, seoulAddress } from './support/fixtures';
import { startTestServer, type TestServer } from './support/server';

type ErrorBody = { error: { code: string; details?: Record<string, unknown> } };
type Refunded = { order: OrderDetail; result: ClaimResult } & ErrorBody;

let server: TestServer;
let bag: number;
let serial = 0;

beforeAll(async () => {
  server = await startTestServer();
  bag = (await addProduct(server.database.db, server.shop.shopId, { name: '캔버스 가방', price: 50000 })).productId;
});
afterAll(() => server.close());

const account = { bank: '신한은행', accountNumber: '110-123-456789', holderName: '홍길동' };

async function expectSound(orderId: number) {
  expect(await auditOrder(server.database.db, server.shop.shopId, orderId)).toEqual([]);
}

/** 2 bags (100,000원, free shipping either way), paid as given. */
async function bagOrder(payment: Record<string, unknown>): Promise<OrderDetail> {
  const res = await server.storefront.post<OrderDetail>('/api/v1/orders', {
    orderer: { name: '홍길동', phone: '010-1234-5678', guestPassword: 'pw12' }, addresses: [seoulAddress()], items: [{ productId: bag, quantity: 2 }], payment,
  });
  expect(res.status).toBe(201);
  return res.body;
}

/** 수량 변경 2 → 1: the order total falls by 50,000원, which the buyer has already paid. */
async function editDownToOne(order: OrderDetail): Promise<{ order: OrderDetail; proposal: number }> {
  const preview = await server.owner.post<CreateEditResponse>(`/api/v1/orders/${order.id}/edits`, {
    expectedVersion: order.version, actions: [{ type: 'set_quantity', itemId: order.items[0]!.id, quantity: 1 }],
  });
  expect(preview.status).toBe(201);
  const committed = await server.owner.post<{ order: OrderDetail; result: CommitEditResult }>(`/api/v1/orders/${order.id}/edits/${preview.body.editId}/commit`, { expectedVersion: order.version });
  expect(committed.status).toBe(200);
  expect(committed.body.order.totals).toMatchObject({ orderTotal: 50000, paid: 100000, balanceDue: -50000 });
  expect(committed.body.order.paymentStatus).toBe('overpaid');
  await expectSound(order.id);
  return { order: committed.body.order, proposal: committed.body.result.refundProposal!.amount };
}

const refund = (o: OrderDetail, body: Record<string, unknown>, headers?: Record<string, string>) =>
  server.owner.post<Refunded>(`/api/v1/orders/${o.id}/refunds`, { expectedVersion: o.version, reason: '수량 변경 차액 환불', ...body }, headers);
const refundAction = (o: OrderDetail, refundId: number, action: 'retry' | 'complete') =>
  server.owner.post<Refunded>(`/api/v1/orders/${o.id}/refunds/${refundId}/${action}`, { expectedVersion: o.version });
const detail = async (orderId: number) => (await server.owner.get<OrderDetail>(`/api/v1/orders/${orderId}`)).body;

/** Refused with this code, and the order exactly as it was. */
async function expectRefused(o: OrderDetail, body: Record<string, unknown>, status: number, code: string) {
  const before = await detail(o.id);
  const res = await refund(o, body);
  expect([res.status, res.body.error?.code]).toEqual([status, code]);
  expect(await detail(o.id)).toEqual(before);
  return res.body.error;
}

describe('refunding what an edit left overpaid (POST /orders/{id}/refunds)', () => {
  it('pays the edit’s refund proposal back through the gateway, and not a won more', async () => {
    const payment = cardPayment(100000);
    const { order, proposal } = await editDownToOne(await bagOrder(payment));
    expect(proposal).toBe(50000);
    const over = await expectRefused(order, { amount: 50001 }, 422, 'REFUND_EXCEEDS_REFUNDABLE');
    expect(over.details).toMatchObject({ amount: 50001, refundable: 50000, balanceDue: -50000, awaitingRefund: 0 });
    await expectRefused(order, { amount: 0 }, 422, 'REFUND_EXCEEDS_REFUNDABLE');
    await expectRefused({ ...order, version: order.version - 1 }, { amount: proposal }, 409, 'ORDER_VERSION_CONFLICT');

    const res = await refund(order, { amount: proposal });
    expect(res.status).toBe(201);
    expect(res.body.result).toMatchObject({ claim: null, proposal: null });
    expect(res.body.result.refund).toMatchObject({
      claimId: null, amount: 50000, itemsAmount: 0, shippingAmount: 0, method: 'gateway', status: 'done', reason: '수량 변경 차액 환불', refundAccount: null,
      parts: [{ paymentId: order.payments[0]!.id, amount: 50000, status: 'done' }],
    });
    expect(res.body.order.totals).toMatchObject({ orderTotal: 50000, paid: 100000, refunded: 50000, balanceDue: 0 });
    expect(res.body.order.paymentStatus).toBe('partially_refunded');
    expect(await server.gateway.balanceOf(payment.gatewayTransactionId)).toBe(50000);
    await expectSound(order.id);

    const events = (await server.owner.get<TimelineResponse>(`/api/v1/orders/${order.id}/timeline?only=events`)).body.entries.flatMap((e) => (e.kind === 'event' ? [e] : []));
    expect(events.slice(0, 2).map((e) => e.type)).toEqual(['refund_completed', 'overpayment_refund_created']);
    expect(events[1]).toMatchObject({ buyerVisible: true, payload: { amount: 50000, reason: '수량 변경 차액 환불' } });
    expect(events[1]!.description).toMatch(/초과 결제금 50,000원 환불/);
    await expectRefused(res.body.order, { amount: 1 }, 422, 'REFUND_EXCEEDS_REFUNDABLE');
  });

  it('answers a repeated Idempotency-Key with the first refund and calls the gateway once', async () => {
    const payment = cardPayment(100000);
    const { order } = await editDownToOne(await bagOrder(payment));
    const key = { 'idempotency-key': `overpaid-${order.id}-${++serial}` };
    const [first, again] = [await refund(order, { amount: 20000 }, key), await refund(order, { amount: 20000 }, key)];
    expect([first.status, again.status, again.headers.get('idempotent-replayed')]).toEqual([201, 201, 'true']);
    expect(again.body.result.refund!.id).toBe(first.body.result.refund!.id);
    expect(await server.gateway.balanceOf(payment.gatewayTransactionId)).toBe(80000);
    expect((await detail(order.id)).totals).toMatchObject({ refunded: 20000, balanceDue: -30000 });
    await expectSound(order.id);
  });

  it('needs a refund account for 무통장, and stays pending until staff confirm the transfer', async () => {
    const { order, proposal } = await editDownToOne(await bagOrder({ method: 'bank_transfer', amount: 100000, status: 'paid', bankTransfer: { bank: '국민은행', accountNumber: '123-45-6789', holder: '주문데모샵', depositorName: '홍길동' } }));
    const missing = await expectRefused(order, { amount: proposal }, 422, 'REFUND_ACCOUNT_REQUIRED');
    expect(missing.details).toEqual({ paymentIds: [order.payments[0]!.id] });

    const res = await refund(order, { amount: proposal, refundAccount: account });
    expect(res.status).toBe(201);
    expect(res.body.result.refund).toMatchObject({ method: 'bank_transfer', status: 'pending', refundAccount: account, parts: [{ status: 'pending' }] });
    expect(res.body.order.totals).toMatchObject({ refunded: 0, balanceDue: -50000 });
    await expectSound(order.id);
    // promised but not yet sent: a second refund cannot give the same won back
    await expectRefused(res.body.order, { amount: 1, refundAccount: account }, 422, 'REFUND_EXCEEDS_REFUNDABLE');

    const done = await refundAction(res.body.order, res.body.result.refund!.id, 'complete');
    expect(done.status).toBe(200);
    expect(done.body.result.refund).toMatchObject({ status: 'done', parts: [{ status: 'done' }] });
    expect(done.body.order.totals).toMatchObject({ refunded: 50000, balanceDue: 0 });
    await expectSound(order.id);
  });

  it('sends a virtual-account refund through the gateway to the refund account', async () => {
    const paymentKey = `va_${Date.now()}${++serial}`;
    const { order, proposal } = await editDownToOne(await bagOrder({
      method: 'virtual_account', amount: 100000, status: 'paid', gateway: 'test', gatewayTransactionId: paymentKey,
      virtualAccount: { bank: '신한은행', accountNumber: '56211102345678', holder: '주문데모샵' },
    }));
    await expectRefused(order, { amount: proposal }, 422, 'REFUND_ACCOUNT_REQUIRED');
    const res = await refund(order, { amount: proposal, refundAccount: account });
    expect(res.body.result.refund).toMatchObject({ method: 'gateway', status: 'done', refundAccount: account });
    expect(await server.gateway.balanceOf(paymentKey)).toBe(50000);
    await expectSound(order.id);
  });

  it('stays pending when the gateway does not answer, and a retry settles it exactly once', async () => {
    const payment = cardPayment(100000);
    const { order, proposal } = await editDownToOne(await bagOrder(payment));
    // the gateway cancels but its answer is lost: we must not cancel again on the retry
    server.gateway.failNext('unavailable', 1, { lostResponse: true });
    const res = await refund(order, { amount: proposal });
    expect(res.status).toBe(201);
    const refundId = res.body.result.refund!.id;
    expect(res.body.result.refund).toMatchObject({ status: 'pending', attempts: 1, parts: [{ status: 'pending' }] });
    expect(res.body.result.refund!.failureMessage).toMatch(/PG 응답 없음/);
    expect(res.body.order.totals).toMatchObject({ refunded: 0, balanceDue: -50000 });
    expect(await server.gateway.balanceOf(payment.gatewayTransactionId)).toBe(50000);
    await expectSound(order.id);
    await expectRefused(res.body.order, { amount: proposal }, 422, 'REFUND_EXCEEDS_REFUNDABLE');

    const retried = await refundAction(res.body.order, refundId, 'retry');
    expect(retried.status).toBe(200);
    expect(retried.body.result.refund).toMatchObject({ id: refundId, status: 'done', attempts: 2, parts: [{ status: 'done' }] });
    expect(retried.body.order.totals).toMatchObject({ refunded: 50000, balanceDue: 0 });
    expect(await server.gateway.balanceOf(payment.gatewayTransactionId)).toBe(50000);
    expect((await refundAction(retried.body.order, refundId, 'retry')).body.error.code).toBe('REFUND_NOT_OPEN');
    await expectSound(order.id);
  });

  it('refuses an order that owes nothing', async () => {
    const order = await bagOrder(cardPayment(100000));
    await expectRefused(order, { amount: 1000 }, 422, 'REFUND_EXCEEDS_REFUNDABLE');
    await expectSound(order.id);
  });
});
