import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { DepositResult, StatusChangeResult } from '../src/contracts/fulfillment';
import type { OrderDetail } from '../src/contracts/orders';
import type { TimelineResponse } from '../src/contracts/timeline';
import { addProduct, cardPayment, seoulAddress } from './support/fixtures';
import { expectOrdersSound } from './support/invariants';
import { startTestServer, type HttpClient, type TestResponse, type TestServer } from './support/server';

type ErrorBody = { error: { code: string; message: string; details?: Record<string, unknown> } };
type Answer<T> = { order: OrderDetail; result: T };

let server: TestServer;
let staff: HttpClient;
let socks: number;
const touched = new Set<number>();

beforeAll(async () => {
  server = await startTestServer();
  socks = (await addProduct(server.database.db, server.shop.shopId, { name: '면 양말', price: 12000 })).productId;
  staff = await server.addStaff('staff');
});
afterAll(() => server.close());

/** After every test, the invariants of every order it touched, read straight from the tables. */
afterEach(() => expectOrdersSound(server, touched));

/** 3 pairs of socks, paid by 무통장 (bank transfer) or card: 36,000원 + 3,000원 shipping. */
async function placeOrder(payment: Record<string, unknown>): Promise<OrderDetail> {
  const res = await server.storefront.post<OrderDetail>('/api/v1/orders', {
    orderer: { name: '한가람', phone: '010-7777-8888', guestPassword: '4321' },
    addresses: [seoulAddress()],
    items: [{ productId: socks, quantity: 3 }],
    payment,
  });
  expect(res.status).toBe(201);
  touched.add(res.body.id);
  return res.body;
}
const bankTransferOrder = () =>
  placeOrder({ method: 'bank_transfer', amount: 39000, status: 'awaiting_deposit', bankTransfer: { bank: '국민은행', accountNumber: '123-45-6789', holder: '테스트샵', depositorName: '한가람' } });
const cardOrder = () => placeOrder(cardPayment(39000));
const virtualAccountOrder = () =>
  placeOrder({ method: 'virtual_account', amount: 39000, status: 'awaiting_deposit', gateway: 'toss', virtualAccount: { bank: '신한은행', accountNumber: '56211102345678', holder: '테스트샵' } });
const confirm = (o: OrderDetail, body: Record<string, unknown> = {}, headers?: Record<string, string>) =>
  server.owner.post<Answer<DepositResult>>(`/api/v1/orders/${o.id}/deposit-confirmations`, { expectedVersion: o.version, ...body }, headers);

const detail = async (orderId: number) => (await server.owner.get<OrderDetail>(`/api/v1/orders/${orderId}`)).body;
const changeStatus = (o: OrderDetail, changes: Array<{ shipmentGroupId: number; itemId: number; quantity: number; to: string }>) =>
  server.owner.post<Answer<StatusChangeResult>>(`/api/v1/orders/${o.id}/status-changes`, { expectedVersion: o.version, changes });

/** A refused request answers its code and leaves the order exactly as it was, version included. */
async function expectRefused(o: OrderDetail, call: () => Promise<TestResponse<unknown>>, status: number, code: string): Promise<ErrorBody['error']> {
  const before = await detail(o.id);
  const res = (await call()) as TestResponse<ErrorBody>;
  expect([res.status, res.body.error?.code]).toEqual([status, code]);
  expect(await detail(o.id)).toEqual(before);
  return res.body.error;
}

describe('deposit confirmation (입금 확인)', () => {
  it('confirms a 무통장 deposit and reverts it when confirmed by mistake', async () => {
    const order = await bankTransferOrder();
    expect(order.items[0]!.quantityByStatus).toEqual({ awaiting_payment: 3 });
    const res = await server.owner.post<Answer<DepositResult>>(`/api/v1/orders/${order.id}/deposit-confirmations`, { expectedVersion: order.version, depositorName: '한가람', depositedAt: '2026-11-26T09:00:00+09:00' });
    expect(res.status).toBe(200);
    const paid = res.body.order;
    expect(res.body.result).toMatchObject({ amount: 39000, units: 3 });
    expect(paid.payments[0]).toMatchObject({ status: 'captured', capturedAmount: 39000, depositorName: '한가람', paidAt: '2026-11-26T00:00:00.000Z' });
    expect(paid.items[0]!.quantityByStatus).toEqual({ paid: 3 });
    expect([paid.orderStatus, paid.paymentStatus, paid.totals.balanceDue]).toEqual(['paid', 'paid', 0]);
    expect(paid.shipmentGroups.map((g) => g.id)).toEqual(order.shipmentGroups.map((g) => g.id));
    await expectRefused(paid, () => server.owner.post(`/api/v1/orders/${order.id}/deposit-confirmations`, { expectedVersion: paid.version }), 422, 'NOTHING_AWAITS_PAYMENT');

    const reverted = await server.owner.post<Answer<DepositResult>>(`/api/v1/orders/${order.id}/deposit-confirmations/revert`, { expectedVersion: paid.version });
    expect(reverted.status).toBe(200);
    const back = reverted.body.order;
    expect(back.payments[0]).toMatchObject({ status: 'pending', capturedAmount: 0, paidAt: null });
    expect(back.items[0]!.quantityByStatus).toEqual({ awaiting_payment: 3 });
    expect([back.orderStatus, back.paymentStatus, back.totals.balanceDue]).toEqual(['awaiting_payment', 'awaiting_payment', 39000]);

    const events = (await staff.get<TimelineResponse>(`/api/v1/orders/${order.id}/timeline?only=events`)).body.entries.flatMap((e) => (e.kind === 'event' ? [e] : []));
    expect(events.slice(0, 4).map((e) => [e.type, e.payload.kind ?? null])).toEqual([
      ['statuses_changed', 'revert'],
      ['deposit_reverted', null],
      ['statuses_changed', 'forward'],
      ['deposit_confirmed', null],
    ]);
    expect(events[1]).toMatchObject({ actor: { kind: 'staff', name: '김주인' }, buyerVisible: false, payload: { amount: 39000 } });
  });

  it('refuses to revert once units moved on, and for a card payment', async () => {
    let order = await bankTransferOrder();
    order = (await server.owner.post<Answer<DepositResult>>(`/api/v1/orders/${order.id}/deposit-confirmations`, { expectedVersion: order.version })).body.order;
    order = (await changeStatus(order, [{ shipmentGroupId: order.shipmentGroups[0]!.id, itemId: order.items[0]!.id, quantity: 1, to: 'preparing' }])).body.order;
    const moved = await expectRefused(order, () => server.owner.post(`/api/v1/orders/${order.id}/deposit-confirmations/revert`, { expectedVersion: order.version }), 422, 'REVERT_NEEDS_MONEY');
    expect(moved.message).toMatch(/취소/);
    const card = await cardOrder();
    await expectRefused(card, () => server.owner.post(`/api/v1/orders/${card.id}/deposit-confirmations/revert`, { expectedVersion: card.version }), 422, 'REVERT_NEEDS_MONEY');
    await expectRefused(card, () => server.owner.post(`/api/v1/orders/${card.id}/deposit-confirmations`, { expectedVersion: card.version }), 422, 'NOTHING_AWAITS_PAYMENT');
    await expectRefused(card, () => server.owner.post(`/api/v1/orders/${card.id}/deposit-confirmations`, { expectedVersion: card.version, paymentId: 987654 }), 404, 'PAYMENT_NOT_FOUND');
  });

  it('confirms a 가상계좌 deposit by hand but leaves its revert to a refund', async () => {
    const order = await virtualAccountOrder();
    const res = await confirm(order);
    expect(res.status).toBe(200);
    expect(res.body.order.payments[0]).toMatchObject({ method: 'virtual_account', status: 'captured', capturedAmount: 39000 });
    const paid = res.body.order;
    const error = await expectRefused(paid, () => server.owner.post(`/api/v1/orders/${order.id}/deposit-confirmations/revert`, { expectedVersion: paid.version }), 422, 'REVERT_NEEDS_MONEY');
    expect(error.details).toMatchObject({ from: 'paid', to: 'awaiting_payment' });
  });

  it('confirms once for a repeated Idempotency-Key, and refuses stale versions and future deposits', async () => {
    const order = await bankTransferOrder();
    await expectRefused(order, () => confirm(order, { depositedAt: '2099-01-01T00:00:00+09:00' }), 400, 'VALIDATION_FAILED');
    await expectRefused(order, () => confirm({ ...order, version: order.version + 1 }), 409, 'ORDER_VERSION_CONFLICT');
    const headers = { 'idempotency-key': `deposit-${Date.now()}` };
    const [first, second] = [await confirm(order, {}, headers), await confirm(order, {}, headers)];
    expect([first.status, second.status]).toEqual([200, 200]);
    expect(second.body.result).toEqual(first.body.result);
    const now = await detail(order.id);
    expect([now.version, now.totals.paid]).toEqual([order.version + 1, 39000]);
    const events = (await staff.get<TimelineResponse>(`/api/v1/orders/${order.id}/timeline?only=events`)).body.entries;
    expect(events.filter((e) => e.kind === 'event' && e.type === 'deposit_confirmed')).toHaveLength(1);
  });
});
