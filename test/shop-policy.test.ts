import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ClaimResult, RefundProposalDto } from '../src/contracts/claims';
import type { AddressResult } from '../src/contracts/fulfillment';
import type { MyOrderDetail } from '../src/contracts/my';
import type { CheckoutQuote, OrderDetail } from '../src/contracts/orders';
import type { PolicyPreview, ShopPolicyDto, ShopPolicyVersionDto, UpdateShopPolicyResponse } from '../src/contracts/settings-policy';
import { queryRows, sql } from '../src/server/db/client';
import { runAutoConfirm } from '../src/server/scheduler/auto-confirm';
import { runUnpaidCancel } from '../src/server/scheduler/unpaid-cancel';
import { buyerClient } from './support/buyer';
import { addProduct, cardPayment, jejuAddress, seoulAddress } from './support/fixtures';
import { expectOrdersSound } from './support/invariants';
import { startTestServer, type TestServer } from './support/server';

/**
 * 배송·반품 정책 versions: a change applies to orders placed from then on; every order placed before
 * keeps its money, its refunds, its address-change surcharges, its return window and its jobs' days.
 */
type ErrorBody = { error: { code: string; details?: Record<string, unknown> } };

let server: TestServer;
let socks: number;
const touched = new Set<number>();
const POLICY = '/api/v1/settings/policy';

beforeAll(async () => {
  server = await startTestServer();
  socks = (await addProduct(server.database.db, server.shop.shopId, { name: '면 양말', price: 12000 })).productId;
});
afterAll(() => server.close());
afterEach(() => expectOrdersSound(server, touched));

/** The shop's first version (DEFAULT_SHOP_POLICY), what every order before the change is placed under. */
const FIRST: ShopPolicyDto = {
  shipping: { baseFee: 3000, freeThreshold: 50000, jejuFee: 3000, islandFee: 5000 },
  returnShippingFee: 3000,
  returnWindowDays: 7,
  autoConfirmDays: 7,
  unpaidCancelDays: 3,
};
const CHANGED: ShopPolicyDto = {
  shipping: { baseFee: 5000, freeThreshold: 30000, jejuFee: 7000, islandFee: 9000 },
  returnShippingFee: 6000,
  returnWindowDays: 3,
  autoConfirmDays: 2,
  unpaidCancelDays: 1,
};

const exec = (statement: ReturnType<typeof sql>) => server.database.db.execute(statement);
const detail = async (orderId: number) => (await server.owner.get<OrderDetail>(`/api/v1/orders/${orderId}`)).body;
const checkout = (quantity: number, address = seoulAddress()) => ({
  orderer: { name: '한정책', phone: '010-3333-4444', guestPassword: '4321' },
  addresses: [address],
  items: [{ productId: socks, quantity }],
});
async function place(quantity: number, payment: Record<string, unknown>): Promise<OrderDetail> {
  const res = await server.storefront.post<OrderDetail>('/api/v1/orders', { ...checkout(quantity), payment });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  touched.add(res.body.id);
  return res.body;
}
const bankPayment = (amount: number) => ({
  method: 'bank_transfer', amount, status: 'awaiting_deposit', bankTransfer: { bank: '국민은행', accountNumber: '123-45-6789', holder: '테스트샵', depositorName: '한정책' },
});

/** Staff take every paid unit through to 배송완료, then the delivery is dated `days` ago. */
async function deliveredDaysAgo(order: OrderDetail, days: number): Promise<OrderDetail> {
  let current = order;
  for (const [from, to] of [['paid', 'preparing'], ['preparing', 'ready_to_ship'], ['ready_to_ship', 'shipping'], ['shipping', 'delivered']] as const) {
    const group = current.shipmentGroups.find((g) => g.status === from)!;
    const changes = group.items.map((u) => ({ shipmentGroupId: group.id, itemId: u.itemId, quantity: u.quantity, to }));
    const shipment = to === 'shipping' ? { courier: 'CJ대한통운', trackingNumber: `6401${Math.floor(Math.random() * 1e8)}` } : undefined;
    const res = await server.owner.post<{ order: OrderDetail }>(`/api/v1/orders/${current.id}/status-changes`, { expectedVersion: current.version, changes, ...(shipment ? { shipment } : {}) });
    expect(res.status).toBe(200);
    current = res.body.order;
  }
  await exec(sql`update shipment_groups set delivered_at = now() - ${days} * interval '1 day' where shop_id = ${server.shop.shopId} and order_id = ${order.id} and status = 'delivered'`);
  return detail(order.id);
}
const orderedDaysAgo = (orderId: number, days: number) =>
  exec(sql`update orders set ordered_at = now() - ${days} * interval '1 day' where shop_id = ${server.shop.shopId} and id = ${orderId}`);

async function policyIdOf(orderId: number): Promise<number | null> {
  const [row] = await queryRows<{ policy_id: number | string | null }>(server.database.db, sql`select policy_id from orders where shop_id = ${server.shop.shopId} and id = ${orderId}`);
  return row?.policy_id === null || row?.policy_id === undefined ? null : Number(row.policy_id);
}
async function versionCount(): Promise<number> {
  const [row] = await queryRows<{ n: number | string }>(server.database.db, sql`select count(*) as n from shop_policies where shop_id = ${server.shop.shopId}`);
  return Number(row?.n);
}
async function auditEvents() {
  return queryRows<{ staff_id: number | string | null; subject: string; detail: { before: ShopPolicyDto; after: ShopPolicyDto } }>(
    server.database.db,
    sql`select staff_id, subject, detail from security_events where shop_id = ${server.shop.shopId} and kind = 'settings_changed' order by id`,
  );
}
const oneUnit = (order: OrderDetail) => {
  const group = order.shipmentGroups.find((g) => g.items.length > 0)!;
  return [{ shipmentGroupId: group.id, itemId: group.items[0]!.itemId, quantity: 1 }];
};
const myOrder = async (order: OrderDetail) => (await (await buyerClient(server, { buyer: 'guest' as const, orderId: order.id })).get<MyOrderDetail>(`/api/v1/my/orders/${order.orderNumber}`)).body;

describe('the policy settings', () => {
  it('answer the current version to every role; only settings.edit changes it, and a bad value changes nothing', async () => {
    const viewer = await server.addStaff('viewer');
    const current = await viewer.get<ShopPolicyVersionDto>(POLICY);
    expect(current.status).toBe(200);
    expect(current.body).toMatchObject({ policy: FIRST, setBy: null });
    const versions = await versionCount();

    for (const role of ['viewer', 'staff'] as const) {
      const client = role === 'viewer' ? viewer : await server.addStaff(role);
      const refused = await client.request<ErrorBody>('PUT', POLICY, CHANGED);
      expect([refused.status, refused.body.error.code]).toEqual([403, 'FORBIDDEN']);
    }
    const invalid: Array<[string, unknown]> = [
      ['a negative fee', { ...FIRST, shipping: { ...FIRST.shipping, baseFee: -1000 } }],
      ['a fee that is not whole won', { ...FIRST, returnShippingFee: 2500.5 }],
      ['a return window of 0 days', { ...FIRST, returnWindowDays: 0 }],
      ['91 days to auto-confirm', { ...FIRST, autoConfirmDays: 91 }],
      ['a fee missing', { ...FIRST, shipping: { baseFee: 3000, freeThreshold: null, jejuFee: 3000 } }],
    ];
    for (const [what, body] of invalid) {
      const res = await server.owner.request<ErrorBody>('PUT', POLICY, body);
      expect([res.status, res.body.error.code], what).toEqual([400, 'VALIDATION_FAILED']);
    }
    expect((await server.owner.get<ShopPolicyVersionDto>(POLICY)).body).toEqual(current.body);
    expect(await versionCount()).toBe(versions);
    expect(await auditEvents()).toEqual([]);
  });

  it('preview what a sample cart pays under the edited values and under the current ones, saving nothing', async () => {
    const res = await server.owner.post<PolicyPreview>(`${POLICY}/preview`, { policy: CHANGED, itemsAmount: 20000, postcodes: ['63122'] });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      proposed: { base: 5000, remote: 7000, total: 12000, toPay: 32000 },
      current: { base: 3000, remote: 3000, total: 6000, toPay: 26000 },
      areas: [{ postcode: '63122', area: 'jeju' }],
    });
    const free = await server.owner.post<PolicyPreview>(`${POLICY}/preview`, { policy: CHANGED, itemsAmount: 30000, postcodes: ['04524', '40200'] });
    expect(free.body).toMatchObject({ proposed: { base: 0, remote: 9000, toPay: 39000 }, current: { base: 3000, remote: 5000, toPay: 38000 } });
    const bad = await server.owner.post<ErrorBody>(`${POLICY}/preview`, { policy: CHANGED, itemsAmount: 1000, postcodes: ['6312'] });
    expect([bad.status, bad.body.error.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect((await server.owner.get<ShopPolicyVersionDto>(POLICY)).body.policy).toEqual(FIRST);
  });
});

describe('a policy change', () => {
  it('leaves every order placed before exactly as it was, and the next order pays under the new policy', async () => {
    // placed under the first version: 5 pairs (60,000원, free shipping); 2 pairs delivered 5 days ago; 2 pairs by 무통장
    const free = await place(5, cardPayment(60000));
    const delivered = await deliveredDaysAgo(await place(2, cardPayment(27000)), 5);
    const unpaid = await place(2, bankPayment(27000));
    const firstId = (await server.owner.get<ShopPolicyVersionDto>(POLICY)).body.id;
    expect(await policyIdOf(free.id)).toBe(firstId);

    const cancelItems = oneUnit(free);
    const previewCancel = () => server.owner.post<RefundProposalDto>(`/api/v1/orders/${free.id}/cancellations/preview`, { items: cancelItems });
    const summaryOf = async (orderId: number) => (await server.owner.get(`/api/v1/orders/${orderId}/payment-summary`)).body;
    const before = { cancel: (await previewCancel()).body, summaries: [await summaryOf(free.id), await summaryOf(delivered.id), await summaryOf(unpaid.id)] };
    // 48,000원 left is under the first version's 50,000원: its 3,000원 base fee is now due
    expect(before.cancel).toMatchObject({ itemsAmount: 12000, shippingChange: 3000, amount: 9000 });

    const saved = await server.owner.request<UpdateShopPolicyResponse>('PUT', POLICY, CHANGED);
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ policy: CHANGED, changed: true, setBy: { name: '김주인' } });
    expect(saved.body.id).toBeGreaterThan(firstId);
    expect((await server.owner.get<ShopPolicyVersionDto>(POLICY)).body).toMatchObject({ id: saved.body.id, policy: CHANGED });
    const events = await auditEvents();
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ subject: 'policy', detail: { before: FIRST, after: CHANGED } });
    expect(Number(events[0]!.staff_id)).toBeGreaterThan(0);

    // the old orders' money and previews: as they were
    expect((await previewCancel()).body).toEqual(before.cancel);
    expect([await summaryOf(free.id), await summaryOf(delivered.id), await summaryOf(unpaid.id)]).toEqual(before.summaries);

    // a buyer's-fault return asked for now still deducts the order's own 3,000원 (not 6,000원)
    const returned = await server.owner.post<{ order: OrderDetail; result: ClaimResult }>(`/api/v1/orders/${delivered.id}/returns`, {
      expectedVersion: delivered.version, items: oneUnit(delivered), reason: '단순 변심', fault: 'buyer', pickup: { name: '한정책', phone: '010-3333-4444', postcode: '04524', address1: '서울특별시 중구 세종대로 110' }, restock: true,
    });
    expect(returned.status).toBe(201);
    const claimId = returned.body.result.claim!.id;
    let collecting = returned.body.order;
    for (const to of ['return_collecting', 'return_collected']) {
      const stepped = await server.owner.post<{ order: OrderDetail }>(`/api/v1/orders/${delivered.id}/claims/${claimId}/status`, { expectedVersion: collecting.version, to });
      expect(stepped.status).toBe(200);
      collecting = stepped.body.order;
    }
    const returnPreview = await server.owner.post<RefundProposalDto>(`/api/v1/orders/${delivered.id}/claims/${claimId}/complete/preview`, {});
    expect(returnPreview.body).toMatchObject({ itemsAmount: 12000, shippingChange: 0, deduction: 3000, amount: 9000 });

    // moving the free order to Jeju charges the first version's 3,000원 surcharge (not 7,000원)
    const toJeju = await server.owner.request<{ order: OrderDetail; result: AddressResult }>('PATCH', `/api/v1/orders/${free.id}/addresses/${free.addresses[0]!.id}`, {
      expectedVersion: free.version, postcode: jejuAddress().postcode, address1: jejuAddress().address1,
    });
    expect(toJeju.status).toBe(200);
    expect(toJeju.body.result).toMatchObject({ remoteFeeDifference: 3000 });

    // the next orders: placed under the new version
    const quote = await server.storefront.post<CheckoutQuote>('/api/v1/orders/quote', checkout(1, jejuAddress()));
    expect(quote.body.totals).toMatchObject({ shippingFee: 12000, remoteShippingFee: 7000, total: 24000 });
    const wrongAmount = await server.storefront.post<ErrorBody>('/api/v1/orders', { ...checkout(3), payment: cardPayment(39000) });
    expect(wrongAmount.status).toBe(422);
    const next = await place(3, cardPayment(36000));
    expect(next.totals).toMatchObject({ orderTotal: 36000 });
    expect(await policyIdOf(next.id)).toBe(saved.body.id);
    const nextDelivered = await deliveredDaysAgo(await place(1, cardPayment(17000)), 5);
    const nextUnpaid = await place(1, bankPayment(17000));

    // My Page: each order's own return window
    expect((await myOrder(delivered)).actions.returnWindowDays).toBe(7);
    expect((await myOrder(nextDelivered)).actions.returnWindowDays).toBe(3);

    // the jobs: 5 days after delivery is past the new 2 days but not the first version's 7;
    // 2 days after ordering is past the new 1 day but not the first version's 3
    await orderedDaysAgo(unpaid.id, 2);
    await orderedDaysAgo(nextUnpaid.id, 2);
    expect(await runAutoConfirm(server.database.db)).toMatchObject({ orders: 1, failed: 0 });
    expect((await detail(nextDelivered.id)).orderStatus).toBe('purchase_confirmed');
    expect((await detail(delivered.id)).shipmentGroups.map((g) => g.status)).not.toContain('purchase_confirmed');
    expect(await runUnpaidCancel(server.database.db, server.gateway)).toMatchObject({ orders: 1, failed: 0 });
    expect((await detail(nextUnpaid.id)).orderStatus).toBe('cancelled');
    expect((await detail(unpaid.id)).orderStatus).toBe('awaiting_payment');
  });

  it('writes nothing when the policy sent is the current one', async () => {
    const versions = await versionCount();
    const events = (await auditEvents()).length;
    const current = (await server.owner.get<ShopPolicyVersionDto>(POLICY)).body;
    const again = await server.owner.request<UpdateShopPolicyResponse>('PUT', POLICY, current.policy);
    expect(again.status).toBe(200);
    expect(again.body).toEqual({ ...current, changed: false });
    expect(await versionCount()).toBe(versions);
    expect((await auditEvents()).length).toBe(events);
    // a manager may change it too
    const manager = await server.addStaff('manager');
    const changed = await manager.request<UpdateShopPolicyResponse>('PUT', POLICY, { ...current.policy, returnWindowDays: 14 });
    expect(changed.body).toMatchObject({ changed: true, policy: { returnWindowDays: 14 } });
  });
});
