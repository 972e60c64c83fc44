import { and, eq, gt } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { BulkJob, BulkPreview } from '../src/contracts/bulk-jobs';
import type { CommitEditResult, CreateEditResponse } from '../src/contracts/edits';
import type { OrderListResponse } from '../src/contracts/order-list';
import type { OrderDetail } from '../src/contracts/orders';
import type { CancelledRequestResult, PaymentRequest } from '../src/contracts/payment-requests';
import type { TimelineResponse } from '../src/contracts/timeline';
import { paymentRequests, refunds, shipmentGroups } from '../src/server/db/schema/index';
import { addProduct, cardPayment, seoulAddress, stockOf } from './support/fixtures';
import { expectOrdersSound } from './support/invariants';
import { startTestServer, type TestServer } from './support/server';
import { until } from './support/until';

type ErrorBody = { error: { code: string; message: string; details?: Record<string, unknown> } };
type Mutation<T> = { order: OrderDetail; result: T } & ErrorBody;

let server: TestServer;
let shopId: number;
let tumbler: { productId: number; optionIds: number[] };
let keyring: { productId: number; optionIds: number[] };
const touched = new Set<number>();

beforeAll(async () => {
  server = await startTestServer();
  shopId = server.shop.shopId;
  tumbler = await addProduct(server.database.db, shopId, { name: '텀블러', price: 25_000, options: [{ name: '블랙', stock: 50 }] });
  keyring = await addProduct(server.database.db, shopId, { name: '키링', price: 5000, options: [{ name: '곰', stock: 40 }] });
});
afterAll(() => server.close());
// invariants 1 and 2 on every order a test touched: units add up per item, the ledger reconciles
afterEach(() => expectOrdersSound(server, touched));

const detail = async (orderId: number) => (await server.owner.get<OrderDetail>(`/api/v1/orders/${orderId}`)).body;
const base = (orderId: number) => `/api/v1/orders/${orderId}`;
const keyringOption = () => keyring.optionIds[0]!;

/** 텀블러 1개, paid by card (25,000 + 3,000 shipping), or awaiting a 무통장 deposit. */
async function placeOrder(name: string, pay: 'card' | 'bank_transfer' = 'card'): Promise<OrderDetail> {
  const payment =
    pay === 'card'
      ? cardPayment(28_000)
      : { method: 'bank_transfer', amount: 28_000, status: 'awaiting_deposit', bankTransfer: { bank: '국민은행', accountNumber: '123-45-6789', holder: '테스트샵', depositorName: name } };
  const res = await server.storefront.post<OrderDetail>('/api/v1/orders', {
    orderer: { name, phone: '010-3333-4444', guestPassword: '4321' },
    addresses: [seoulAddress({ recipientName: name })],
    items: [{ productId: tumbler.productId, optionId: tumbler.optionIds[0], quantity: 1 }],
    payment,
  });
  expect(res.status).toBe(201);
  touched.add(res.body.id);
  return res.body;
}

/** Staff add 키링 2개 (10,000 more to pay) to the order, asking for it on My Page unless told not to. */
async function addKeyrings(order: OrderDetail, withRequest = true): Promise<{ order: OrderDetail; result: CommitEditResult }> {
  const preview = await server.owner.post<CreateEditResponse>(`${base(order.id)}/edits`, {
    expectedVersion: order.version,
    actions: [{ type: 'add_item', productId: keyring.productId, optionId: keyringOption(), quantity: 2 }],
  });
  expect(preview.status).toBe(201);
  expect(preview.body.preview.additionalPayment).toBe(10_000);
  const body = { expectedVersion: order.version, ...(withRequest ? { paymentRequest: { reason: '키링 추가' } } : {}) };
  const committed = await server.owner.post<Mutation<CommitEditResult>>(`${base(order.id)}/edits/${preview.body.editId}/commit`, body);
  expect(committed.status).toBe(200);
  return committed.body;
}

/** The job once it has stopped; the worker runs it in the background. */
const finished = (jobId: number) =>
  until(`bulk job ${jobId} to finish`, async () => {
    const job = (await server.owner.get<BulkJob>(`/api/v1/bulk-jobs/${jobId}`)).body;
    return job.status !== 'queued' && job.status !== 'running' && job;
  });

const keyringItem = (order: OrderDetail) => order.items.find((i) => i.productName === '키링')!;
const heldGroups = (order: OrderDetail) => order.shipmentGroups.filter((g) => g.heldForAdditionalPayment);
const requestsOf = async (orderId: number) => (await server.owner.get<{ requests: PaymentRequest[] }>(`${base(orderId)}/payment-requests`)).body.requests;
const timeline = async (orderId: number) =>
  (await server.owner.get<TimelineResponse>(`${base(orderId)}/timeline?only=events`)).body.entries.flatMap((e) => (e.kind === 'event' ? [e] : []));

describe('units an edit adds while the buyer owes for them (추가 결제 대기)', () => {
  it('wait 입금대기 in a group of their own, the paid units untouched, and the list shows 입금대기', async () => {
    const order = await placeOrder('보류일');
    const [paidGroup] = order.shipmentGroups;
    const { order: after, result } = await addKeyrings(order);

    expect(after.shipmentGroups).toHaveLength(2);
    expect(after.shipmentGroups.find((g) => g.id === paidGroup!.id)).toMatchObject({ status: 'paid', heldForAdditionalPayment: false, items: paidGroup!.items });
    const [held] = heldGroups(after);
    expect(held).toMatchObject({ status: 'awaiting_payment', statusLabel: '입금대기', items: [{ itemId: keyringItem(after).id, quantity: 2 }] });
    expect(after.items.map((i) => [i.productName, i.quantityByStatus])).toEqual([
      ['텀블러', { paid: 1 }],
      ['키링', { awaiting_payment: 2 }],
    ]);
    expect(after.totals).toMatchObject({ orderTotal: 38_000, paid: 28_000, balanceDue: 10_000 });

    const [row] = await server.database.db.select().from(shipmentGroups).where(and(eq(shipmentGroups.shopId, shopId), eq(shipmentGroups.id, held!.id)));
    expect(row?.heldForChangeId).toBe(result.editId);
    const [request] = await server.database.db.select().from(paymentRequests).where(and(eq(paymentRequests.shopId, shopId), eq(paymentRequests.orderId, order.id)));
    expect(request?.orderChangeId).toBe(result.editId);
    expect(await requestsOf(order.id)).toEqual([expect.objectContaining({ amount: 10_000, status: 'pending', orderChangeId: result.editId, heldUnits: 2 })]);

    const list = await server.owner.get<OrderListResponse>('/api/v1/orders?keyword=보류일');
    expect(list.body.items).toHaveLength(1);
    expect(list.body.items[0]!.unitStatuses).toEqual(expect.arrayContaining([{ status: 'awaiting_payment', label: '입금대기' }, { status: 'paid', label: '결제완료' }]));
  });

  it('refuse to be moved along by hand or to another address, and are left out of bulk 입금확인 with the reason', async () => {
    const order = await addKeyrings(await placeOrder('보류이')).then((r) => r.order);
    const [held] = heldGroups(order);
    const keyringId = keyringItem(order).id;
    for (const to of ['paid', 'preparing']) {
      const moved = await server.owner.post<ErrorBody>(`${base(order.id)}/status-changes`, { expectedVersion: order.version, changes: [{ shipmentGroupId: held!.id, itemId: keyringId, quantity: 2, to }] });
      expect([moved.status, moved.body.error.code, moved.body.error.message]).toEqual([422, 'HELD_FOR_ADDITIONAL_PAYMENT', '추가 결제 대기 중인 상품입니다. 구매자가 추가 결제를 마치면 결제완료로 바뀝니다.']);
    }
    const english = await server.owner.post<ErrorBody>(
      `${base(order.id)}/status-changes`,
      { expectedVersion: order.version, changes: [{ shipmentGroupId: held!.id, itemId: keyringId, quantity: 1, to: 'preparing' }] },
      { 'accept-language': 'en' },
    );
    expect(english.body.error.message).toMatch(/additional payment/);
    const elsewhere = await server.owner.post<ErrorBody>(`${base(order.id)}/addresses`, { expectedVersion: order.version, ...seoulAddress({ recipientName: '김다른' }) });
    expect(elsewhere.status).toBe(201);
    const withAddress = await detail(order.id);
    const newAddress = withAddress.addresses.find((a) => a.recipientName === '김다른')!;
    const realloc = await server.owner.post<ErrorBody>(`${base(order.id)}/addresses/${newAddress.id}/allocations`, {
      expectedVersion: withAddress.version,
      moves: [{ fromShipmentGroupId: held!.id, itemId: keyringId, quantity: 1 }],
    });
    expect([realloc.status, realloc.body.error.code]).toEqual([422, 'HELD_FOR_ADDITIONAL_PAYMENT']);
    const unchanged = await detail(order.id);
    expect(unchanged.version).toBe(withAddress.version);
    expect(unchanged.shipmentGroups).toEqual(withAddress.shipmentGroups);

    const selection = { kind: 'orders', orderIds: [order.id] };
    const deposit = await server.owner.post<BulkPreview>('/api/v1/bulk-jobs/preview', { selection, action: { type: 'confirm_deposit' } });
    expect(deposit.status).toBe(200);
    expect(deposit.body).toMatchObject({ matched: 1, willProcess: 0, excluded: 1 });
    expect(deposit.body.exclusions.map((e) => [e.code, e.label, e.count])).toEqual([['held_for_payment', '추가 결제 대기', 1]]);
    // the paid 텀블러 can still be prepared; the held 키링 stay where they are
    const preparing = await server.owner.post<BulkPreview>('/api/v1/bulk-jobs/preview', { selection, action: { type: 'start_preparing' } });
    expect(preparing.body).toMatchObject({ matched: 1, willProcess: 1 });
    const paidGroup = unchanged.shipmentGroups.find((g) => g.status === 'paid')!;
    const prepared = await server.owner.post<Mutation<unknown>>(`${base(order.id)}/status-changes`, {
      expectedVersion: unchanged.version,
      changes: paidGroup.items.map((u) => ({ shipmentGroupId: paidGroup.id, itemId: u.itemId, quantity: u.quantity, to: 'preparing' })),
    });
    expect(prepared.status).toBe(200);
    expect(heldGroups(prepared.body.order)).toEqual([expect.objectContaining({ id: held!.id, status: 'awaiting_payment', items: held!.items })]);
  });

  it('become 결제완료 when staff record the request paid, on the timeline, the ledger exact', async () => {
    const order = await addKeyrings(await placeOrder('보류삼')).then((r) => r.order);
    const [request] = await requestsOf(order.id);
    const paid = await server.owner.post<Mutation<{ request: PaymentRequest }>>(`${base(order.id)}/payment-requests/${request!.id}/payments`, {
      expectedVersion: order.version,
      method: 'bank_transfer',
      depositorName: '보류삼',
    });
    expect(paid.status).toBe(201);
    const after = paid.body.order;
    expect(after.items.map((i) => [i.productName, i.quantityByStatus])).toEqual([
      ['텀블러', { paid: 1 }],
      ['키링', { paid: 2 }],
    ]);
    // released into the address's 결제완료 group: one parcel to prepare, nothing held
    expect(after.shipmentGroups).toEqual([expect.objectContaining({ status: 'paid', heldForAdditionalPayment: false })]);
    expect(after.totals).toMatchObject({ orderTotal: 38_000, paid: 38_000, balanceDue: 0 });
    expect(paid.body.result.request).toMatchObject({ status: 'paid', heldUnits: 0 });
    const held = await server.database.db.select().from(shipmentGroups).where(and(eq(shipmentGroups.shopId, shopId), eq(shipmentGroups.orderId, order.id)));
    expect(held.map((g) => g.heldForChangeId)).toEqual([null]);

    const events = await timeline(order.id);
    expect(events.slice(0, 2).map((e) => e.type)).toEqual(['held_units_released', 'payment_captured']);
    expect(events[0]!.description).toBe('추가 결제가 완료되어 키링 / 곰 2개의 배송을 준비합니다 (입금대기 → 결제완료)');
  });

  it('are cancelled with a withdrawn request when asked: balance due back to 0, no refund, stock restored', async () => {
    const order = await placeOrder('보류사');
    const stockBefore = await stockOf(server.database.db, shopId, keyringOption());
    const edited = (await addKeyrings(order)).order;
    expect(await stockOf(server.database.db, shopId, keyringOption())).toBe(stockBefore! - 2);
    const [request] = await requestsOf(order.id);

    const withdrawn = await server.owner.post<Mutation<CancelledRequestResult>>(`${base(order.id)}/payment-requests/${request!.id}/cancel`, {
      expectedVersion: edited.version,
      reason: '고객이 추가를 원하지 않음',
      removeHeldUnits: true,
    });
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body.result).toMatchObject({
      status: 'cancelled',
      heldUnits: 0,
      removedHeldUnits: { refundAmount: 0, items: [{ itemId: keyringItem(edited).id, productName: '키링', quantity: 2 }] },
    });
    const after = withdrawn.body.order;
    expect(after.totals).toMatchObject({ orderTotal: 28_000, paid: 28_000, refunded: 0, balanceDue: 0 });
    expect(keyringItem(after).quantityByStatus).toEqual({ cancelled: 2 });
    // the emptied group stays for the claim (a withdrawn cancel puts the units back there, still held)
    expect(heldGroups(after).flatMap((g) => g.items)).toEqual([]);
    expect(await stockOf(server.database.db, shopId, keyringOption())).toBe(stockBefore);
    const paidBack = await server.database.db.select().from(refunds).where(and(eq(refunds.shopId, shopId), eq(refunds.orderId, order.id), gt(refunds.amount, 0)));
    expect(paidBack).toEqual([]);
    expect((await timeline(order.id)).map((e) => e.type)).toEqual(expect.arrayContaining(['payment_request_cancelled', 'claim_requested', 'claim_status_changed']));
  });

  it('stay held and owed when the request is withdrawn without removing them', async () => {
    const edited = (await addKeyrings(await placeOrder('보류오'))).order;
    const [request] = await requestsOf(edited.id);
    const withdrawn = await server.owner.post<Mutation<CancelledRequestResult>>(`${base(edited.id)}/payment-requests/${request!.id}/cancel`, { expectedVersion: edited.version });
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body.result).toMatchObject({ status: 'cancelled', heldUnits: 2, removedHeldUnits: null });
    const after = withdrawn.body.order;
    expect(after.totals.balanceDue).toBe(10_000);
    expect(keyringItem(after).quantityByStatus).toEqual({ awaiting_payment: 2 });
    expect(heldGroups(after)).toHaveLength(1);
  });

  it('held by an edit without a request are released when a request made later settles the balance', async () => {
    const { order: edited, result } = await addKeyrings(await placeOrder('보류육'), false);
    expect(result.paymentRequest).toBeNull();
    expect(heldGroups(edited)).toHaveLength(1);
    const asked = await server.owner.post<Mutation<PaymentRequest>>(`${base(edited.id)}/payment-requests`, { expectedVersion: edited.version, amount: 10_000, reason: '키링 추가분' });
    expect(asked.status).toBe(201);
    expect(asked.body.result).toMatchObject({ orderChangeId: null, heldUnits: 0 });
    expect(heldGroups(asked.body.order)).toHaveLength(1);

    const paid = await server.owner.post<Mutation<unknown>>(`${base(edited.id)}/payment-requests/${asked.body.result.id}/payments`, {
      expectedVersion: asked.body.order.version,
      method: 'card',
      gateway: 'toss',
      gatewayTransactionId: `held-${edited.id}`,
      card: { company: '현대카드', installmentMonths: 0 },
    });
    expect(paid.status).toBe(201);
    expect(keyringItem(paid.body.order).quantityByStatus).toEqual({ paid: 2 });
    expect(heldGroups(paid.body.order)).toEqual([]);
    const released = (await timeline(edited.id)).find((e) => e.type === 'held_units_released');
    expect(released).toBeDefined();
  });

  it('stay out of a bulk 입금확인, which confirms the order’s own deposit and skips orders with only held units', async () => {
    const transfer = (await addKeyrings(await placeOrder('보류팔', 'bank_transfer'))).order;
    const card = (await addKeyrings(await placeOrder('보류팔'))).order;
    const started = await server.owner.post<BulkJob>('/api/v1/bulk-jobs', { selection: { kind: 'filter', filter: { keyword: '보류팔' } }, action: { type: 'confirm_deposit' } });
    expect(started.status).toBe(202);
    const job = await finished(started.body.id);
    expect(job).toMatchObject({ processed: 1, skipped: 1 });
    expect(job.reasons.map((r) => [r.reason, r.label])).toEqual([['held_for_payment:awaiting_payment', '추가 결제 대기']]);
    const after = await detail(transfer.id);
    expect(after.items.map((i) => [i.productName, i.quantityByStatus])).toEqual([
      ['텀블러', { paid: 1 }],
      ['키링', { awaiting_payment: 2 }],
    ]);
    expect(heldGroups(after)).toHaveLength(1);
    expect((await detail(card.id)).version).toBe(card.version);
  });

  it('are not released by the deposit for the original order while the edit is still owed', async () => {
    const order = await placeOrder('보류칠', 'bank_transfer');
    const edited = (await addKeyrings(order)).order;
    expect(edited.items.map((i) => i.quantityByStatus)).toEqual([{ awaiting_payment: 1 }, { awaiting_payment: 2 }]);
    const deposit = await server.owner.post<Mutation<{ units: number }>>(`${base(order.id)}/deposit-confirmations`, { expectedVersion: edited.version });
    expect(deposit.status).toBe(200);
    expect(deposit.body.result.units).toBe(1);
    expect(deposit.body.order.items.map((i) => [i.productName, i.quantityByStatus])).toEqual([
      ['텀블러', { paid: 1 }],
      ['키링', { awaiting_payment: 2 }],
    ]);
    expect(deposit.body.order.totals.balanceDue).toBe(10_000);

    const [request] = await requestsOf(order.id);
    const paid = await server.owner.post<Mutation<unknown>>(`${base(order.id)}/payment-requests/${request!.id}/payments`, {
      expectedVersion: deposit.body.order.version,
      method: 'bank_transfer',
      depositorName: '보류칠',
    });
    expect(paid.status).toBe(201);
    expect(keyringItem(paid.body.order).quantityByStatus).toEqual({ paid: 2 });
    expect(paid.body.order.totals.balanceDue).toBe(0);
  });
});
