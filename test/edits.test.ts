import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommitEditResult, CreateEditResponse, EditAction } from '../src/contracts/edits';
import type { OrderDetail } from '../src/contracts/orders';
import type { PaymentRequest } from '../src/contracts/payment-requests';
import type { TimelineResponse } from '../src/contracts/timeline';
import { claimItems, customerCoupons, orderChanges, orderItems, orders, payments, refunds, shipmentGroupItems, shipmentGroups } from '../src/server/db/schema/index';
import { addMember, addProduct, cardPayment, pointsOf, seoulAddress, stockOf } from './support/fixtures';
import { startTestServer, type TestServer } from './support/server';

type ErrorBody = { error: { code: string; details?: Record<string, unknown> } };
type Committed = { order: OrderDetail; result: CommitEditResult };

let server: TestServer;
let shopId: number;
let shirt: { productId: number; optionIds: number[] };
let mug: { productId: number };

beforeAll(async () => {
  server = await startTestServer();
  shopId = server.shop.shopId;
  const { db } = server.database;
  shirt = await addProduct(db, shopId, { name: '오버핏 셔츠', price: 39_000, options: [{ name: '블랙', stock: 10 }, { name: '화이트', stock: null }] });
  mug = await addProduct(db, shopId, { name: '머그컵', price: 18_000 });
});
afterAll(() => server.close());

const shirtBlack = () => ({ productId: shirt.productId, optionId: shirt.optionIds[0]! });

async function placeOrder(items: Array<Record<string, unknown>>, total: number, extra: Record<string, unknown> = {}): Promise<OrderDetail> {
  const res = await server.storefront.post<OrderDetail>('/api/v1/orders', {
    orderer: { name: '홍길동', phone: '010-1234-5678', guestPassword: '1234' },
    addresses: [seoulAddress()],
    items,
    payment: cardPayment(total),
    ...extra,
  });
  if (res.status !== 201) throw new Error(`order refused: ${JSON.stringify(res.body)}`);
  return res.body;
}

const getOrder = async (id: number) => (await server.owner.get<OrderDetail>(`/api/v1/orders/${id}`)).body;
const preview = (orderId: number, expectedVersion: number, actions: EditAction[], headers?: Record<string, string>) =>
  server.owner.post<CreateEditResponse & ErrorBody>(`/api/v1/orders/${orderId}/edits`, { expectedVersion, actions }, headers);
const commit = (orderId: number, editId: number, body: Record<string, unknown>, headers?: Record<string, string>) =>
  server.owner.post<Committed & ErrorBody>(`/api/v1/orders/${orderId}/edits/${editId}/commit`, body, headers);
const eventTypes = async (orderId: number) =>
  (await server.owner.get<TimelineResponse>(`/api/v1/orders/${orderId}/timeline?only=events`)).body.entries.flatMap((e) => (e.kind === 'event' ? [e.type] : []));

/** Invariants 1 and 2, read from the rows: units add up per item, and the ledger reconciles. */
async function expectConsistent(orderId: number) {
  const { db } = server.database;
  const byOrder = <T extends typeof orderItems | typeof shipmentGroupItems | typeof claimItems | typeof payments>(t: T) => and(eq(t.shopId, shopId), eq(t.orderId, orderId));
  const [items, grouped, claimed, pays, [order]] = await Promise.all([
    db.select().from(orderItems).where(byOrder(orderItems)),
    db.select().from(shipmentGroupItems).where(byOrder(shipmentGroupItems)),
    db.select().from(claimItems).where(byOrder(claimItems)),
    db.select().from(payments).where(byOrder(payments)),
    db.select().from(orders).where(and(eq(orders.shopId, shopId), eq(orders.id, orderId))),
  ]);
  for (const item of items) {
    const units = [...grouped, ...claimed].filter((u) => u.itemId === item.id).reduce((n, u) => n + u.quantity, 0);
    expect(units, `units of item ${item.id}`).toBe(item.quantity);
  }
  const paid = pays.reduce((n, p) => n + p.capturedAmount, 0);
  const refunded = pays.reduce((n, p) => n + p.refundedAmount, 0);
  expect([order!.paidAmount, order!.refundedAmount]).toEqual([paid, refunded]);
  expect(order!.totalAmount - order!.balanceDue).toBe(paid - refunded);
  // the coupon and points stay spread over the items to the won
  expect(items.reduce((n, i) => n + i.couponShare, 0)).toBe(order!.couponDiscount);
  expect(items.reduce((n, i) => n + i.pointsShare, 0)).toBe(order!.pointsUsed);
}

describe('order edit: preview, then commit', () => {
  it('adds a catalog item and a custom item with a 10% 판매가 할인 and asks the buyer for the difference', async () => {
    const order = await placeOrder([{ ...shirtBlack(), quantity: 1 }], 42_000);
    const actions: EditAction[] = [
      { type: 'add_item', productId: mug.productId, quantity: 1 },
      { type: 'add_item', custom: { name: '각인 서비스', unitPrice: 5000 }, quantity: 2 },
      { type: 'set_manual_discount', addedItem: 1, discount: { kind: 'rate', ratePercent: 10 } },
    ];
    const previewed = await preview(order.id, order.version, actions);
    expect(previewed.status).toBe(201);
    const p = previewed.body.preview;
    // 39,000 + 18,000 + 2 × 4,500 = 66,000 reaches free shipping: 3,000 shipping goes, 24,000 more to pay
    expect(p.totalsAfter).toMatchObject({ itemsSubtotal: 67_000, manualDiscount: 1000, itemsAmount: 66_000, shippingFee: 0, total: 66_000 });
    expect([p.difference, p.balanceDueBefore, p.balanceDueAfter, p.additionalPayment, p.refundProposal]).toEqual([24_000, 0, 24_000, 24_000, 0]);
    expect(p.lines.map((l) => [l.change, l.productName, l.quantityAfter, l.unitPrice, l.manualDiscountPerUnit])).toEqual([
      ['unchanged', '오버핏 셔츠', 1, 39_000, 0],
      ['added', '머그컵', 1, 18_000, 0],
      ['added', '각인 서비스', 2, 5000, 500],
    ]);

    // a preview changes nothing
    const untouched = await getOrder(order.id);
    expect([untouched.version, untouched.items.length, untouched.totals.orderTotal]).toEqual([order.version, 1, 42_000]);
    expect(await eventTypes(order.id)).not.toContain('order_edited');

    const committed = await commit(order.id, previewed.body.editId, { expectedVersion: order.version, paymentRequest: { reason: '상품 추가 (머그컵, 각인 서비스)', dueAt: '2026-12-01T23:59:59+09:00' } });
    expect(committed.status).toBe(200);
    const { order: after, result } = committed.body;
    expect(result.paymentRequest).toMatchObject({ amount: 24_000, status: 'pending', statusLabel: '결제대기', reason: '상품 추가 (머그컵, 각인 서비스)' });
    expect(result.refundProposal).toBeNull();
    expect(after.version).toBe(order.version + 1);
    expect(after.totals).toMatchObject({ orderTotal: 66_000, paid: 42_000, balanceDue: 24_000, shippingFee: 0 });
    expect(after.paymentStatus).toBe('partially_paid');
    expect(after.items.map((i) => [i.productName, i.quantity, i.manualDiscountPerUnit, i.quantityByStatus])).toEqual([
      ['오버핏 셔츠', 1, 0, { paid: 1 }],
      ['머그컵', 1, 0, { awaiting_payment: 1 }],
      ['각인 서비스', 2, 500, { awaiting_payment: 2 }],
    ]);
    // nobody has paid for the added units yet: they wait in a group of their own (추가 결제 대기), not in the paid one
    expect(after.shipmentGroups.map((g) => [g.status, g.heldForAdditionalPayment, g.items.length])).toEqual([
      ['paid', false, 1],
      ['awaiting_payment', true, 2],
    ]);
    const [custom] = await server.database.db.select().from(orderItems).where(and(eq(orderItems.shopId, shopId), eq(orderItems.productName, '각인 서비스')));
    expect(custom).toMatchObject({ isCustom: true, manualDiscountKind: 'rate', manualDiscountValue: 10 });

    const requests = await server.owner.get<{ requests: PaymentRequest[] }>(`/api/v1/orders/${order.id}/payment-requests`);
    expect(requests.body.requests).toEqual([expect.objectContaining({ amount: 24_000, status: 'pending', dueAt: '2026-12-01T14:59:59.000Z' })]);
    const types = await eventTypes(order.id);
    expect(types.filter((t) => t === 'order_edited')).toHaveLength(1);
    expect(types.slice(0, 2)).toEqual(['payment_requested', 'order_edited']);
    const timeline = (await server.owner.get<TimelineResponse>(`/api/v1/orders/${order.id}/timeline?only=events`)).body.entries;
    const edited = timeline.find((e) => e.kind === 'event' && e.type === 'order_edited');
    expect(edited?.kind === 'event' && edited.description).toBe('주문이 수정되었습니다: 머그컵 1개 추가, 각인 서비스 2개 추가 (합계 42,000원 → 66,000원)');
    await expectConsistent(order.id);
  });

  it('keeps an unpaid order awaiting payment and asks only for what its deposit does not cover', async () => {
    const order = await placeOrder([{ ...shirtBlack(), quantity: 1 }], 42_000, {
      payment: { method: 'virtual_account', amount: 42_000, status: 'awaiting_deposit', gateway: 'toss', virtualAccount: { bank: '신한은행', accountNumber: '56211102345678', holder: '주문데모샵' } },
    });
    const previewed = await preview(order.id, order.version, [{ type: 'add_item', productId: mug.productId, quantity: 1 }]);
    // 57,000 ships free: total 42,000 → 57,000, of which the pending deposit covers 42,000
    expect(previewed.body.preview).toMatchObject({ balanceDueAfter: 57_000, additionalPayment: 15_000 });
    const committed = await commit(order.id, previewed.body.editId, { expectedVersion: order.version });
    expect(committed.body.result).toMatchObject({ additionalPayment: 15_000, paymentRequest: null });
    expect(committed.body.order.items[1]?.quantityByStatus).toEqual({ awaiting_payment: 1 });
    await expectConsistent(order.id);
  });

  it('refuses a stale edit with 409, and a second commit of the same edit', async () => {
    const order = await placeOrder([{ productId: mug.productId, quantity: 1 }], 21_000);
    const first = await preview(order.id, order.version, [{ type: 'add_item', productId: mug.productId, quantity: 1 }]);
    const second = await preview(order.id, order.version, [{ type: 'add_item', custom: { name: '포장', unitPrice: 2000 }, quantity: 1 }]);
    expect(await preview(order.id, order.version + 5, [{ type: 'use_points', amount: 1 }])).toMatchObject({ status: 409, body: { error: { code: 'ORDER_VERSION_CONFLICT' } } });

    expect((await commit(order.id, first.body.editId, { expectedVersion: order.version })).status).toBe(200);
    const now = await getOrder(order.id);
    const stale = await commit(order.id, second.body.editId, { expectedVersion: now.version });
    expect([stale.status, stale.body.error.code, stale.body.error.details]).toEqual([409, 'ORDER_VERSION_CONFLICT', expect.objectContaining({ baseVersion: order.version, currentVersion: now.version })]);
    const again = await commit(order.id, first.body.editId, { expectedVersion: now.version });
    expect([again.status, again.body.error.code]).toEqual([409, 'EDIT_NOT_PREVIEWED']);
    expect((await commit(order.id, first.body.editId, { expectedVersion: order.version })).body.error.code).toBe('ORDER_VERSION_CONFLICT');
    expect((await commit(order.id, 99_999_999, { expectedVersion: now.version })).body.error.code).toBe('EDIT_NOT_FOUND');

    const unchanged = await getOrder(order.id);
    expect([unchanged.version, unchanged.items.length, unchanged.totals.orderTotal]).toEqual([now.version, 2, now.totals.orderTotal]);
    expect((await eventTypes(order.id)).filter((t) => t === 'order_edited')).toHaveLength(1);
    const edit = await server.owner.get<{ status: string }>(`/api/v1/orders/${order.id}/edits/${first.body.editId}`);
    expect(edit.body.status).toBe('committed');
    await expectConsistent(order.id);
  });

  it('changes a quantity in 상품준비중 and refuses it in 배송중, changing nothing', async () => {
    const order = await placeOrder(
      [{ ...shirtBlack(), quantity: 2, addressIndex: 0 }, { productId: mug.productId, quantity: 1, addressIndex: 1 }],
      96_000,
      { addresses: [seoulAddress(), seoulAddress({ recipientName: '김영희' })] },
    );
    // moving units along is the fulfillment module's; direct writes keep this test independent of it
    const { db } = server.database;
    const [shirtGroup, mugGroup] = order.shipmentGroups;
    await db.update(shipmentGroups).set({ status: 'preparing' }).where(eq(shipmentGroups.id, shirtGroup!.id));
    await db.update(shipmentGroups).set({ status: 'shipping', courier: 'CJ대한통운', trackingNumber: '123456789012', shippedAt: new Date() }).where(eq(shipmentGroups.id, mugGroup!.id));
    const stockBefore = await stockOf(db, shopId, shirt.optionIds[0]!);
    const [shirtItem, mugItem] = order.items;

    const refused = await preview(order.id, order.version, [{ type: 'set_quantity', itemId: mugItem!.id, quantity: 2 }]);
    expect([refused.status, refused.body.error.code, refused.body.error.details]).toEqual([422, 'QUANTITY_CHANGE_NOT_ALLOWED', expect.objectContaining({ actionIndex: 0, statuses: ['shipping'] })]);
    const edits = await db.select().from(orderChanges).where(and(eq(orderChanges.shopId, shopId), eq(orderChanges.orderId, order.id)));
    expect(edits).toHaveLength(0);
    expect((await getOrder(order.id)).version).toBe(order.version);

    const up = await preview(order.id, order.version, [{ type: 'set_quantity', itemId: shirtItem!.id, quantity: 3 }]);
    expect(up.body.preview).toMatchObject({ difference: 39_000, additionalPayment: 39_000 });
    const committed = await commit(order.id, up.body.editId, { expectedVersion: order.version });
    expect(committed.status).toBe(200);
    // the unit the buyer still owes for waits for the additional payment apart from the ones being prepared
    expect(committed.body.order.items[0]).toMatchObject({ quantity: 3, quantityByStatus: { preparing: 2, awaiting_payment: 1 } });
    expect(await stockOf(db, shopId, shirt.optionIds[0]!)).toBe(stockBefore! - 1);
    await expectConsistent(order.id);
  });

  it('proposes a refund for a decrease, restocks, and executes nothing', async () => {
    const order = await placeOrder([{ ...shirtBlack(), quantity: 3 }], 117_000);
    const stockBefore = await stockOf(server.database.db, shopId, shirt.optionIds[0]!);
    const previewed = await preview(order.id, order.version, [{ type: 'set_quantity', itemId: order.items[0]!.id, quantity: 1 }]);
    // 117,000 → 39,000 falls under free shipping: 3,000 shipping again, 75,000 back to the buyer
    expect(previewed.body.preview).toMatchObject({ difference: -75_000, balanceDueAfter: -75_000, refundProposal: 75_000, additionalPayment: 0 });
    const committed = await commit(order.id, previewed.body.editId, { expectedVersion: order.version, paymentRequest: { reason: '무시됨' } });
    expect(committed.body.result).toMatchObject({ refundProposal: { amount: 75_000 }, paymentRequest: null, additionalPayment: 0 });
    expect(committed.body.order.totals).toMatchObject({ orderTotal: 42_000, shippingFee: 3000, balanceDue: -75_000 });
    expect(committed.body.order.paymentStatus).toBe('overpaid');
    expect(await stockOf(server.database.db, shopId, shirt.optionIds[0]!)).toBe(stockBefore! + 2);
    expect(await server.database.db.select().from(refunds).where(eq(refunds.orderId, order.id))).toHaveLength(0);
    await expectConsistent(order.id);
  });

  it('applies the member’s coupon and points in the calculation step, lowering the additional amount', async () => {
    const { db } = server.database;
    const member = await addMember(db, shopId, { name: '김회원', gradeName: '골드', points: 5000, couponName: '10% 할인 (최대 10,000원)' });
    const orderer = { customerId: member.customerId, name: '김회원', phone: '010-2222-3333' };
    // 골드 3%: 18,000 → 17,460; + 3,000 shipping
    const order = await placeOrder([{ productId: mug.productId, quantity: 1 }], 20_460, { orderer });
    const add: EditAction = { type: 'add_item', ...shirtBlack(), quantity: 1 };
    const plain = await preview(order.id, order.version, [add]);
    expect(plain.body.preview.additionalPayment).toBe(34_830);
    const withBenefits = await preview(order.id, order.version, [add, { type: 'apply_coupon', customerCouponId: member.customerCouponId! }, { type: 'use_points', amount: 2000 }]);
    // items 17,460 + 37,830 = 55,290 (free shipping); coupon 10% = 5,529; points 2,000 → 47,761
    expect(withBenefits.body.preview.totalsAfter).toMatchObject({ itemsAmount: 55_290, gradeDiscount: 1710, couponDiscount: 5529, pointsUsed: 2000, shippingFee: 0, total: 47_761 });
    expect(withBenefits.body.preview.additionalPayment).toBe(27_301);
    expect(await pointsOf(db, shopId, member.customerId)).toBe(5000);

    const committed = await commit(order.id, withBenefits.body.editId, { expectedVersion: order.version, paymentRequest: { reason: '상품 추가' } });
    expect(committed.body.result.paymentRequest).toMatchObject({ amount: 27_301 });
    expect(committed.body.order.totals).toMatchObject({ couponDiscount: 5529, pointsUsed: 2000, orderTotal: 47_761, balanceDue: 27_301 });
    expect(await pointsOf(db, shopId, member.customerId)).toBe(3000);
    const [coupon] = await db.select().from(customerCoupons).where(eq(customerCoupons.id, member.customerCouponId!));
    expect(coupon).toMatchObject({ status: 'used', usedOrderId: order.id });
    const [row] = await db.select().from(orders).where(eq(orders.id, order.id));
    expect([row!.customerCouponId, row!.couponName]).toEqual([member.customerCouponId, '10% 할인 (최대 10,000원)']);
    await expectConsistent(order.id);

    const version = committed.body.order.version;
    expect((await preview(order.id, version, [{ type: 'apply_coupon', customerCouponId: member.customerCouponId! }])).body.error.code).toBe('COUPON_ALREADY_APPLIED');
    const tooMany = await preview(order.id, version, [{ type: 'use_points', amount: 3001 }]);
    expect([tooMany.status, tooMany.body.error.code, tooMany.body.error.details]).toEqual([422, 'POINTS_EXCEED_BALANCE', expect.objectContaining({ balance: 3000 })]);
    const guest = await placeOrder([{ productId: mug.productId, quantity: 1 }], 21_000);
    expect((await preview(guest.id, guest.version, [{ type: 'use_points', amount: 100 }])).body.error.code).toBe('MEMBER_ONLY_BENEFIT');
  });

  it('refuses a 판매가 할인 on an existing item, unknown products and malformed actions', async () => {
    const order = await placeOrder([{ productId: mug.productId, quantity: 1 }], 21_000);
    const code = async (actions: unknown) => (await server.owner.post<ErrorBody>(`/api/v1/orders/${order.id}/edits`, { expectedVersion: order.version, actions })).body.error.code;
    expect(await code([{ type: 'set_manual_discount', itemId: order.items[0]!.id, discount: { kind: 'rate', ratePercent: 10 } }])).toBe('MANUAL_DISCOUNT_ONLY_FOR_ADDED_ITEMS');
    expect(await code([{ type: 'add_item', productId: 99_999_999, quantity: 1 }])).toBe('PRODUCT_NOT_FOUND');
    expect(await code([{ type: 'add_item', productId: shirt.productId, quantity: 1 }])).toBe('OPTION_REQUIRED');
    expect(await code([{ type: 'add_item', ...shirtBlack(), quantity: 1, addressId: 99_999_999 }])).toBe('EDIT_ADDRESS_NOT_FOUND');
    expect(await code([{ type: 'set_quantity', itemId: order.items[0]!.id, quantity: 0 }])).toBe('VALIDATION_FAILED');
    expect(await code([{ type: 'add_item', productId: mug.productId, custom: { name: 'x', unitPrice: 1 }, quantity: 1 }])).toBe('VALIDATION_FAILED');
    expect(await code([])).toBe('VALIDATION_FAILED');
    const viewer = await server.addStaff('viewer');
    expect((await viewer.post(`/api/v1/orders/${order.id}/edits`, { expectedVersion: order.version, actions: [{ type: 'use_points', amount: 1 }] })).status).toBe(403);
    expect((await getOrder(order.id)).version).toBe(order.version);
  });

  it('has the effect of one for a repeated Idempotency-Key', async () => {
    const order = await placeOrder([{ productId: mug.productId, quantity: 1 }], 21_000);
    const actions: EditAction[] = [{ type: 'add_item', custom: { name: '추가 구성품', unitPrice: 3000 }, quantity: 1 }];
    const key = { 'idempotency-key': `edit-${Date.now()}` };
    const a = await preview(order.id, order.version, actions, key);
    const b = await preview(order.id, order.version, actions, key);
    expect(b.body.editId).toBe(a.body.editId);
    const commitKey = { 'idempotency-key': `commit-${Date.now()}` };
    const body = { expectedVersion: order.version, paymentRequest: { reason: '구성품 추가' } };
    const first = await commit(order.id, a.body.editId, body, commitKey);
    const second = await commit(order.id, a.body.editId, body, commitKey);
    expect([first.status, second.status]).toEqual([200, 200]);
    expect(second.body.result).toEqual(first.body.result);
    const after = await getOrder(order.id);
    expect(after.version).toBe(order.version + 1);
    expect(after.items).toHaveLength(2);
    expect((await eventTypes(order.id)).filter((t) => t === 'order_edited' || t === 'payment_requested')).toHaveLength(2);
    const reused = await commit(order.id, a.body.editId, { expectedVersion: order.version }, commitKey);
    expect(reused.body.error.code).toBe('IDEMPOTENCY_KEY_REUSED');
    await expectConsistent(order.id);
  });
});
