import { execFile } from 'node:child_process';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CreateEditResponse } from '../src/contracts/edits';
import type { MyChangeResult } from '../src/contracts/my';
import type { OrderDetail } from '../src/contracts/orders';
import type { TestPayment } from '../src/contracts/test-gateway';
import type { TimelineResponse } from '../src/contracts/timeline';
import { queryRows, sql } from '../src/server/db/client';
import { runAutoConfirm } from '../src/server/scheduler/auto-confirm';
import { describeReport, main, runJob } from '../src/server/scheduler/cli';
import { standardTasks } from '../src/server/scheduler/tasks';
import { runUnpaidCancel } from '../src/server/scheduler/unpaid-cancel';
import { buyerClient } from './support/buyer';
import { databaseUrl } from './support/database-template';
import { addProduct, cardPayment, seoulAddress } from './support/fixtures';
import { expectOrdersSound } from './support/invariants';
import { startTestServer, type TestServer } from './support/server';

/**
 * 구매확정 by the buyer on My Page, and the two order jobs: 자동 구매확정 of old deliveries and
 * 미입금 자동취소 of unpaid 가상계좌/무통장 orders (the account closed at the test gateway), each run
 * once, run twice, and run by two callers at once.
 */
type ErrorBody = { error: { code: string; details?: Record<string, unknown> } };
type Events = Extract<TimelineResponse['entries'][number], { kind: 'event' }>[];

let server: TestServer;
let socks: number;
let shirt: number;
const touched = new Set<number>();
const unique = (prefix: string) => `${prefix}${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;

beforeAll(async () => {
  server = await startTestServer();
  socks = (await addProduct(server.database.db, server.shop.shopId, { name: '면 양말', price: 12000 })).productId;
  shirt = (await addProduct(server.database.db, server.shop.shopId, { name: '린넨 셔츠', price: 39000 })).productId;
});
afterAll(() => server.close());
afterEach(() => expectOrdersSound(server, touched));

/** 2 pairs of socks and a shirt (63,000원, free shipping), paid as `payment` says. */
async function placeOrder(payment: Record<string, unknown>): Promise<OrderDetail> {
  const res = await server.storefront.post<OrderDetail>('/api/v1/orders', {
    orderer: { name: '한가람', phone: '010-7777-8888', guestPassword: '4321' },
    addresses: [seoulAddress()],
    items: [{ productId: socks, quantity: 2 }, { productId: shirt, quantity: 1 }],
    payment,
  });
  expect(res.status).toBe(201);
  touched.add(res.body.id);
  return res.body;
}
const cardOrder = () => placeOrder(cardPayment(63000));
const bankOrder = (dueAt?: string) =>
  placeOrder({ method: 'bank_transfer', amount: 63000, status: 'awaiting_deposit', bankTransfer: { bank: '국민은행', accountNumber: '123-45-6789', holder: '테스트샵', depositorName: '한가람', ...(dueAt ? { dueAt } : {}) } });
/** A 가상계좌 issued by the test gateway, as a storefront's checkout would hand it in. */
async function accountOrder(): Promise<{ order: OrderDetail; paymentKey: string }> {
  const issued = await server.storefront.post<TestPayment>('/api/v1/test-gateway/payments/confirm', { paymentKey: unique('va_'), orderId: unique('SF-'), amount: 63000 });
  const va = issued.body.virtualAccount!;
  const order = await placeOrder({
    method: 'virtual_account', amount: 63000, status: 'awaiting_deposit', gateway: 'test', gatewayTransactionId: issued.body.paymentKey, gatewayOrderId: issued.body.orderId,
    depositSecret: issued.body.depositSecret, virtualAccount: { bank: va.bank, accountNumber: va.accountNumber, holder: va.holder, ...(va.dueAt ? { dueAt: va.dueAt } : {}) },
  });
  return { order, paymentKey: issued.body.paymentKey };
}

const detail = async (orderId: number) => (await server.owner.get<OrderDetail>(`/api/v1/orders/${orderId}`)).body;
const events = async (orderId: number) => (await server.owner.get<TimelineResponse>(`/api/v1/orders/${orderId}/timeline?only=events`)).body.entries as Events;
const itemOf = (order: OrderDetail, name: string) => order.items.find((i) => i.productName === name)!.id;
const exec = (statement: ReturnType<typeof sql>) => server.database.db.execute(statement);

/** Staff take the order's paid units (or only `itemIds`) through to 배송완료, as on the detail screen. */
async function deliver(order: OrderDetail, itemIds?: number[]): Promise<OrderDetail> {
  let current = order;
  const steps: Array<[string, string]> = [['paid', 'preparing'], ['preparing', 'ready_to_ship'], ['ready_to_ship', 'shipping'], ['shipping', 'delivered']];
  for (const [from, to] of steps) {
    const group = current.shipmentGroups.find((g) => g.status === from)!;
    const changes = group.items.filter((u) => !itemIds || itemIds.includes(u.itemId)).map((u) => ({ shipmentGroupId: group.id, itemId: u.itemId, quantity: u.quantity, to }));
    const shipment = to === 'shipping' ? { courier: 'CJ대한통운', trackingNumber: `6401${Math.floor(Math.random() * 1e8)}` } : undefined;
    const res = await server.owner.post<{ order: OrderDetail }>(`/api/v1/orders/${current.id}/status-changes`, { expectedVersion: current.version, changes, ...(shipment ? { shipment } : {}) });
    expect(res.status).toBe(200);
    current = res.body.order;
  }
  return current;
}
/** Back-dates the delivery, and the order's cached 배송완료일 with it (as if it had happened then). */
async function deliveredDaysAgo(orderId: number, days: number) {
  await exec(sql`update shipment_groups set delivered_at = now() - ${days} * interval '1 day' where shop_id = ${server.shop.shopId} and order_id = ${orderId} and status = 'delivered'`);
  await exec(sql`update orders set delivered_at = (select max(delivered_at) from shipment_groups where shop_id = ${server.shop.shopId} and order_id = ${orderId}) where shop_id = ${server.shop.shopId} and id = ${orderId}`);
}
const statusesOf = (order: OrderDetail) => order.shipmentGroups.filter((g) => g.items.length > 0).map((g) => g.status);
/** A guest session for one order (a variable, not a literal: buyerClient's parameter type is Omit<> over a union). */
const guest = (orderId: number) => ({ buyer: 'guest' as const, orderId });
const confirmPath = (order: OrderDetail) => `/api/v1/my/orders/${order.orderNumber}/purchase-confirmations`;

describe('구매확정 by the buyer', () => {
  it('confirms every delivered unit, written once on the timeline by the buyer, for the buyer to read', async () => {
    const order = await deliver(await cardOrder());
    const buyer = await buyerClient(server, guest(order.id));
    const res = await buyer.post<MyChangeResult>(confirmPath(order), { expectedVersion: order.version });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ version: order.version + 1, claimId: null, refund: null, statusLabel: '구매확정' });
    const after = await detail(order.id);
    expect(statusesOf(after)).toEqual(['purchase_confirmed']);
    expect(after.shipmentGroups[0]).toMatchObject({ trackingNumber: order.shipmentGroups[0]!.trackingNumber, deliveredAt: order.shipmentGroups[0]!.deliveredAt });

    const confirmed = (await events(order.id)).filter((e) => e.type === 'purchase_confirmed');
    expect(confirmed).toHaveLength(1);
    expect(confirmed[0]).toMatchObject({ actor: { kind: 'buyer', name: '한가람' }, buyerVisible: true, payload: { automatic: false } });
    expect(confirmed[0]!.payload.items).toEqual(expect.arrayContaining([{ itemId: itemOf(order, '면 양말'), quantity: 2 }, { itemId: itemOf(order, '린넨 셔츠'), quantity: 1 }]));
    expect(confirmed[0]!.description).toMatch(/^구매를 확정했습니다/);
    // the moves stay for staff and webhooks, one line for the change; the buyer reads the purchase line
    const moves = (await events(order.id)).filter((e) => e.type === 'statuses_changed' && (e.payload.moves as Array<{ to: string }>).some((m) => m.to === 'purchase_confirmed'));
    expect(moves).toHaveLength(1);
    expect(moves.every((e) => !e.buyerVisible)).toBe(true);
  });

  it('confirms the units named, and refuses units not delivered (or not the buyer’s) without changing anything', async () => {
    const placed = await cardOrder();
    const order = await deliver(placed, [itemOf(placed, '면 양말')]);
    const buyer = await buyerClient(server, guest(order.id), { 'accept-language': 'ko' });
    const delivered = order.shipmentGroups.find((g) => g.status === 'delivered')!;
    const paid = order.shipmentGroups.find((g) => g.status === 'paid')!;
    const sock = itemOf(order, '면 양말');
    const shirtItem = itemOf(order, '린넨 셔츠');
    const before = await detail(order.id);
    for (const items of [[{ shipmentGroupId: paid.id, itemId: shirtItem, quantity: 1 }], [{ shipmentGroupId: delivered.id, itemId: sock, quantity: 1 }, { shipmentGroupId: paid.id, itemId: shirtItem, quantity: 1 }]]) {
      const refused = await buyer.post<ErrorBody>(confirmPath(order), { expectedVersion: order.version, items });
      expect([refused.status, refused.body.error.code]).toEqual([422, 'PURCHASE_CONFIRM_NOT_ALLOWED']);
    }
    const stranger = await buyerClient(server, guest((await cardOrder()).id));
    expect((await stranger.post<ErrorBody>(confirmPath(order), { expectedVersion: order.version })).body.error.code).toBe('ORDER_NOT_FOUND');
    expect(await detail(order.id)).toEqual(before);

    const one = await buyer.post<MyChangeResult>(confirmPath(order), { expectedVersion: order.version, items: [{ shipmentGroupId: delivered.id, itemId: sock, quantity: 1 }] });
    expect(one.status).toBe(200);
    const stale = await buyer.post<ErrorBody>(confirmPath(order), { expectedVersion: order.version });
    expect([stale.status, stale.body.error.code]).toEqual([409, 'ORDER_VERSION_CONFLICT']);
    const rest = await buyer.post<MyChangeResult>(confirmPath(order), { expectedVersion: one.body.version });
    expect(rest.status).toBe(200);
    expect(statusesOf(await detail(order.id)).sort()).toEqual(['paid', 'purchase_confirmed']);
    const none = await buyer.post<ErrorBody>(confirmPath(order), { expectedVersion: rest.body.version });
    expect([none.status, none.body.error.code]).toEqual([422, 'PURCHASE_CONFIRM_NOT_ALLOWED']);
    const lines = (await events(order.id)).filter((e) => e.type === 'purchase_confirmed').map((e) => e.payload.items);
    expect(lines).toEqual(expect.arrayContaining([[{ itemId: sock, quantity: 1 }], [{ itemId: sock, quantity: 1 }]]));
    expect(lines).toHaveLength(2);
  });
});

/** A promise and the function that settles it, for one test step to wait on another. */
function signal(): { promise: Promise<void>; resolve: () => void } {
  let resolve: () => void = () => undefined;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe('자동 구매확정 (the auto-confirm job)', () => {
  it('confirms deliveries older than their policy’s autoConfirmDays as the system, leaves recent ones, and a second run changes nothing', async () => {
    const old = await deliver(await cardOrder());
    const recent = await deliver(await cardOrder());
    await deliveredDaysAgo(old.id, 8);
    await deliveredDaysAgo(recent.id, 6);
    const report = await runAutoConfirm(server.database.db);
    expect(report).toMatchObject({ busy: 0, failed: 0 });
    expect(report.orders).toBeGreaterThanOrEqual(1);
    const confirmed = await detail(old.id);
    expect(statusesOf(confirmed)).toEqual(['purchase_confirmed']);
    expect(confirmed.version).toBe(old.version + 1);
    const line = (await events(old.id)).filter((e) => e.type === 'purchase_confirmed');
    expect(line).toHaveLength(1);
    expect(line[0]).toMatchObject({ actor: { kind: 'system' }, buyerVisible: true, payload: { automatic: true } });
    expect(line[0]!.description).toMatch(/자동으로 구매확정/);
    expect(await detail(recent.id)).toMatchObject({ version: recent.version, orderStatus: recent.orderStatus });

    expect(await runAutoConfirm(server.database.db)).toEqual({ orders: 0, units: 0, busy: 0, failed: 0 });
    expect((await detail(old.id)).version).toBe(confirmed.version);
  });

  it('confirms each unit once when two runs go at once, and not at all for orders placed under a policy that turned it off (0 days)', async () => {
    const orders = [await deliver(await cardOrder()), await deliver(await cardOrder()), await deliver(await cardOrder())];
    for (const o of orders) await deliveredDaysAgo(o.id, 10);
    const [a, b] = await Promise.all([runAutoConfirm(server.database.db, { batchSize: 1 }), runAutoConfirm(server.database.db, { batchSize: 1 })]);
    expect(a.orders + b.orders).toBe(3);
    expect(a.units + b.units).toBe(9);
    for (const o of orders) {
      expect((await events(o.id)).filter((e) => e.type === 'purchase_confirmed')).toHaveLength(1);
      expect((await detail(o.id)).version).toBe(o.version + 1);
    }
    const off = await deliver(await cardOrder());
    await deliveredDaysAgo(off.id, 30);
    // orders placed under a policy with 0 days (every version of the shop's, rewritten in place)
    await exec(sql`update shop_policies set policy = policy || '{"autoConfirmDays": 0}'::jsonb where shop_id = ${server.shop.shopId}`);
    try {
      expect((await runAutoConfirm(server.database.db)).orders).toBe(0);
      expect((await detail(off.id)).version).toBe(off.version);
    } finally {
      await exec(sql`update shop_policies set policy = policy || '{"autoConfirmDays": 7}'::jsonb where shop_id = ${server.shop.shopId}`);
    }
    expect((await runAutoConfirm(server.database.db)).orders).toBe(1);
  });
  // PGlite runs one transaction at a time, so there no other transaction can hold a lock meanwhile
  it.skipIf(!process.env.DATABASE_URL)('does not pass over an order while a buyer message’s timeline line is being written to it', async () => {
    const order = await deliver(await cardOrder());
    await deliveredDaysAgo(order.id, 9);
    const held = signal();
    const lockTaken = signal();
    // the lock a foreign-key check takes while the outbox inserts the 'message sent' line
    const writer = server.database.db.transaction(async (tx) => {
      await tx.execute(sql`select 1 from orders where shop_id = ${server.shop.shopId} and id = ${order.id} for key share`);
      lockTaken.resolve();
      await held.promise;
    });
    await lockTaken.promise;
    try {
      expect(await runAutoConfirm(server.database.db)).toMatchObject({ orders: 1, busy: 0, failed: 0 });
    } finally {
      held.resolve();
      await writer;
    }
    expect(statusesOf(await detail(order.id))).toEqual(['purchase_confirmed']);
  });
});

describe('미입금 자동취소 (the unpaid auto-cancel job)', () => {
  const pastDue = (orderId: number) => exec(sql`update payments set va_due_at = now() - interval '1 hour' where shop_id = ${server.shop.shopId} and order_id = ${orderId}`);

  it('cancels a 가상계좌 order past its due date and closes the account; one not yet due and paid orders stay', async () => {
    const due = await accountOrder();
    const notDue = await accountOrder();
    const deposited = await accountOrder();
    await server.storefront.post(`/api/v1/test-gateway/payments/${deposited.paymentKey}/deposit`);
    const card = await cardOrder();
    for (const o of [due.order, deposited.order, card]) await pastDue(o.id);
    const untouched = await Promise.all([notDue.order, deposited.order, card].map((o) => detail(o.id)));

    const report = await runUnpaidCancel(server.database.db, server.gateway);
    expect(report).toMatchObject({ orders: 1, accountsClosed: 1, gatewayUnavailable: 0, gatewayDeclined: 0, busy: 0, failed: 0 });
    const cancelled = await detail(due.order.id);
    expect(cancelled.orderStatus).toBe('cancelled');
    expect(cancelled.claims).toEqual([expect.objectContaining({ kind: 'cancel', status: 'cancelled' })]);
    expect(cancelled.payments).toEqual([expect.objectContaining({ method: 'virtual_account', status: 'cancelled', capturedAmount: 0 })]);
    expect(cancelled.totals).toMatchObject({ orderTotal: 0, paid: 0, refunded: 0, balanceDue: 0 });
    const timeline = await events(due.order.id);
    const line = timeline.filter((e) => e.type === 'unpaid_order_cancelled');
    expect(line).toEqual([expect.objectContaining({ actor: expect.objectContaining({ kind: 'system' }), buyerVisible: true, payload: expect.objectContaining({ accountClosed: true }) })]);
    expect(line[0]!.description).toMatch(/자동 취소/);
    expect(timeline.filter((e) => e.buyerVisible && e.actor.kind === 'system')).toHaveLength(1);
    // the buyer can no longer pay into the account
    const late = await server.gateway.deposit(due.paymentKey);
    expect(late).toMatchObject({ ok: false, code: 'ALREADY_CANCELED_PAYMENT' });

    expect(await Promise.all([notDue.order, deposited.order, card].map((o) => detail(o.id)))).toEqual(untouched);
    expect(await runUnpaidCancel(server.database.db, server.gateway)).toMatchObject({ orders: 0, accountsClosed: 0 });
    expect((await detail(due.order.id)).version).toBe(cancelled.version);
  });

  it('cancels a 무통장 order older than its policy’s unpaidCancelDays; one with a later due date of its own, or held for an edit, waits', async () => {
    const old = await bankOrder();
    const ownDue = await bankOrder(new Date(Date.now() + 86_400_000).toISOString());
    // units an edit added wait for their payment request, not for the order's deposit: never auto-cancelled
    const held = await bankOrder();
    await exec(sql`update shipment_groups set held_for_change_id = 1 where shop_id = ${server.shop.shopId} and order_id = ${held.id}`);
    for (const o of [old, ownDue, held]) await exec(sql`update orders set ordered_at = now() - interval '4 days' where shop_id = ${server.shop.shopId} and id = ${o.id}`);
    expect(await runUnpaidCancel(server.database.db, server.gateway)).toMatchObject({ orders: 1, accountsClosed: 0, failed: 0 });
    expect((await detail(held.id)).orderStatus).toBe('awaiting_payment');
    expect(await detail(old.id)).toMatchObject({ orderStatus: 'cancelled', payments: [expect.objectContaining({ status: 'cancelled' })] });
    expect((await events(old.id)).find((e) => e.type === 'unpaid_order_cancelled')?.payload).toMatchObject({ accountClosed: false });
    expect((await detail(ownDue.id)).orderStatus).toBe('awaiting_payment');
  });

  it('leaves the order while the gateway cannot close the account, and cancels it on a later run', async () => {
    const { order, paymentKey } = await accountOrder();
    await pastDue(order.id);
    server.gateway.failNext('unavailable');
    expect(await runUnpaidCancel(server.database.db, server.gateway)).toMatchObject({ orders: 0, gatewayUnavailable: 1 });
    expect(await detail(order.id)).toMatchObject({ orderStatus: 'awaiting_payment', version: order.version });
    expect(await server.gateway.balanceOf(paymentKey)).toBe(63000);
    expect(await runUnpaidCancel(server.database.db, server.gateway)).toMatchObject({ orders: 1, accountsClosed: 1 });
    expect((await detail(order.id)).orderStatus).toBe('cancelled');
  });

  it('closes the account for what the gateway holds when part of the order was cancelled before payment', async () => {
    const { order, paymentKey } = await accountOrder();
    const group = order.shipmentGroups[0]!;
    const partial = await server.owner.post(`/api/v1/orders/${order.id}/cancellations`, {
      expectedVersion: order.version, items: [{ shipmentGroupId: group.id, itemId: itemOf(order, '면 양말'), quantity: 1 }], reason: '입금 전 일부 취소', complete: true,
    });
    expect(partial.status).toBe(201);
    expect((await detail(order.id)).payments[0]).toMatchObject({ status: 'pending', amount: 51000 });
    await pastDue(order.id);
    expect(await runUnpaidCancel(server.database.db, server.gateway)).toMatchObject({ orders: 1, accountsClosed: 1, gatewayDeclined: 0 });
    expect(await detail(order.id)).toMatchObject({ orderStatus: 'cancelled', totals: expect.objectContaining({ orderTotal: 0, balanceDue: 0 }) });
    expect(await server.gateway.balanceOf(paymentKey)).toBe(0);
  });

  it('cancels each order once when two runs go at once', async () => {
    const orders = [await accountOrder(), await accountOrder(), await bankOrder()];
    for (const { order } of orders.slice(0, 2) as Array<{ order: OrderDetail }>) await pastDue(order.id);
    const bank = orders[2] as OrderDetail;
    await exec(sql`update orders set ordered_at = now() - interval '5 days' where shop_id = ${server.shop.shopId} and id = ${bank.id}`);
    const [a, b] = await Promise.all([runUnpaidCancel(server.database.db, server.gateway, { batchSize: 1 }), runUnpaidCancel(server.database.db, server.gateway, { batchSize: 1 })]);
    expect(a.orders + b.orders).toBe(3);
    for (const id of [(orders[0] as { order: OrderDetail }).order.id, (orders[1] as { order: OrderDetail }).order.id, bank.id]) {
      const timeline = await events(id);
      expect(timeline.filter((e) => e.type === 'unpaid_order_cancelled')).toHaveLength(1);
      expect(timeline.filter((e) => e.type === 'claim_requested')).toHaveLength(1);
      expect((await detail(id)).orderStatus).toBe('cancelled');
    }
  });

  it('expires pending payment requests past their due date; one not yet due stays payable', async () => {
    const order = await cardOrder();
    const edit = await server.owner.post<CreateEditResponse>(`/api/v1/orders/${order.id}/edits`, { expectedVersion: order.version, actions: [{ type: 'add_item', custom: { name: '보조배터리', unitPrice: 10_000 }, quantity: 1 }] });
    await server.owner.post(`/api/v1/orders/${order.id}/edits/${edit.body.editId}/commit`, { expectedVersion: order.version });
    const ask = async (amount: number) =>
      (await server.owner.post<{ result: { id: number } }>(`/api/v1/orders/${order.id}/payment-requests`, { expectedVersion: (await detail(order.id)).version, amount, reason: '추가 상품', dueAt: new Date(Date.now() + 86_400_000).toISOString() })).body.result.id;
    const lapsed = await ask(6000);
    const open = await ask(4000);
    await exec(sql`update payment_requests set due_at = now() - interval '1 minute' where shop_id = ${server.shop.shopId} and id = ${lapsed}`);
    expect((await runUnpaidCancel(server.database.db, server.gateway)).requestsExpired).toBe(1);
    const rows = await queryRows<{ id: number | string; status: string }>(server.database.db, sql`select id, status from payment_requests where shop_id = ${server.shop.shopId} and order_id = ${order.id} order by id`);
    expect(rows.map((r) => [Number(r.id), r.status])).toEqual([[lapsed, 'expired'], [open, 'pending']]);
  });
});

describe('the jobs on schedule and by hand', () => {
  it('are standard scheduled tasks (the unpaid cancel needs the gateway), and the CLI runs one and says what it did', async () => {
    expect(standardTasks(server.database.kind, {}, { gateway: server.gateway }).map((t) => t.name)).toEqual(expect.arrayContaining(['auto-confirm', 'unpaid-cancel']));
    expect(standardTasks(server.database.kind).map((t) => t.name)).not.toContain('unpaid-cancel');
    expect(await main(['no-such-job'])).toBe(2);

    const old = await deliver(await cardOrder());
    await deliveredDaysAgo(old.id, 9);
    if (server.database.kind === 'postgres') {
      // the operator's command in its own process, on this test's database
      const [{ name }] = (await queryRows<{ name: string }>(server.database.db, sql`select current_database() as name`)) as [{ name: string }];
      const env = { ...process.env, DATABASE_URL: databaseUrl(process.env.DATABASE_URL!, name), JUMUN_GATEWAY: 'test' };
      const stdout = await new Promise<string>((resolve, reject) =>
        execFile('npx', ['tsx', 'src/server/scheduler/cli.ts', 'auto-confirm'], { env, cwd: process.cwd() }, (error, out, err) => (error ? reject(new Error(`${error.message}\n${err}`)) : resolve(out))),
      );
      expect(stdout).toMatch(/auto-confirm: 1 order\(s\) confirmed \(3 unit\(s\) 구매확정\)/);
    } else {
      // a PGlite database is one process's: the command's own work, in this process
      expect(describeReport(await runJob('auto-confirm', server.database.db, server.gateway))).toMatch(/auto-confirm: 1 order\(s\) confirmed \(3 unit\(s\) 구매확정\)/);
    }
    expect(statusesOf(await detail(old.id))).toEqual(['purchase_confirmed']);
  });
});
