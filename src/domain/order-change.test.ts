import { describe, expect, it } from 'vitest';
import { replayOrderChange, type OrderChangeAction, type OrderChangeSnapshot, type SnapshotItem } from './order-change';
import { priceOrder } from './pricing';
import type { Allocation } from './quantity-ledger';
import type { UnitStatus } from './status';

const policy = { baseFee: 3000, freeThreshold: 50_000, jejuFee: 3000, islandFee: 5000 };

/** One item as intake writes it, all its units in one shipment group of `status`. */
function item(id: number, unitPrice: number, quantity: number, extra: Partial<SnapshotItem> = {}): SnapshotItem {
  return { id, productId: null, optionId: null, productName: `상품${id}`, optionName: null, sku: null, isCustom: false, unitPrice, gradeDiscountPerUnit: 0, manualDiscountPerUnit: 0, quantity, ...extra };
}

function snapshot(over: Partial<OrderChangeSnapshot> & { statuses?: Record<number, UnitStatus> } = {}): OrderChangeSnapshot {
  const items = over.items ?? [item(1, 20_000, 1), item(2, 10_000, 2)];
  const statuses = over.statuses ?? {};
  const groups = items.map((i) => ({ id: 100 + i.id, addressId: 7, status: statuses[i.id] ?? ('paid' as UnitStatus) }));
  const allocations: Allocation[] = items.map((i) => ({ itemId: i.id, holder: { kind: 'shipment', id: 100 + i.id }, status: statuses[i.id] ?? 'paid', quantity: i.quantity }));
  const base: OrderChangeSnapshot = {
    gradeDiscountRate: 0,
    addressIds: [7, 8],
    items,
    groups,
    allocations,
    coupon: null,
    couponDiscount: 0,
    pointsUsed: 0,
    shippingFee: 3000,
    remoteShippingFee: 0,
    feesAmount: 0,
    member: { pointsBalance: 5000, coupons: [{ customerCouponId: 55, name: '10% 할인 (최대 10,000원)', rule: { kind: 'rate', value: 10, maxDiscount: 10_000, minOrderAmount: 30_000 } }] },
    catalog: [
      { id: 900, name: '머그컵', price: 18_000, options: [] },
      { id: 901, name: '셔츠', price: 39_000, options: [{ id: 9011, name: '블랙', sku: 'S-B', extraPrice: 0, stock: 3 }, { id: 9012, name: '화이트', sku: null, extraPrice: 2000, stock: null }] },
    ],
    shippingPolicy: policy,
    ledger: { paid: 43_000, refunded: 0, awaitingPayment: 0, awaitingRefund: 0 },
  };
  const { statuses: _unused, ...rest } = over;
  return { ...base, ...rest, items, groups: over.groups ?? groups, allocations: over.allocations ?? allocations };
}

function ok(s: OrderChangeSnapshot, actions: OrderChangeAction[]) {
  const r = replayOrderChange(s, actions);
  if (!r.ok) throw new Error(`expected ok, got ${r.code} at ${r.actionIndex}: ${JSON.stringify(r.details)}`);
  return r;
}

describe('replayOrderChange', () => {
  it('adds a catalog item and a custom item with a 10% 판매가 할인, and asks for the difference', () => {
    const r = ok(snapshot(), [
      { type: 'add_item', productId: 900, quantity: 1 },
      { type: 'add_item', custom: { name: '선물 포장', unitPrice: 5000 }, quantity: 2, addressId: 8 },
      { type: 'set_manual_discount', addedItem: 1, discount: { kind: 'rate', ratePercent: 10 } },
    ]);
    const p = r.preview;
    expect(p.totalsBefore).toMatchObject({ itemsAmount: 40_000, shippingFee: 3000, total: 43_000 });
    // 40,000 + 18,000 + 2 × 4,500 = 67,000 reaches the free-shipping threshold: shipping 3,000 → 0
    expect(p.totalsAfter).toMatchObject({ itemsSubtotal: 68_000, manualDiscount: 1000, itemsAmount: 67_000, shippingFee: 0, total: 67_000 });
    expect([p.difference, p.balanceDueBefore, p.balanceDueAfter, p.additionalPayment, p.refundProposal]).toEqual([24_000, 0, 24_000, 24_000, 0]);
    expect(p.lines.map((l) => [l.change, l.productName, l.quantityAfter, l.manualDiscountPerUnit])).toEqual([
      ['unchanged', '상품1', 1, 0],
      ['unchanged', '상품2', 2, 0],
      ['added', '머그컵', 1, 0],
      ['added', '선물 포장', 2, 500],
    ]);
    // the buyer owes for them: each address gets a new held 입금대기 group, never the paid group 101
    expect(r.plan.unitMoves).toEqual([
      { kind: 'add', line: { added: 0 }, quantity: 1, to: { newGroup: { addressId: 7, status: 'awaiting_payment', held: true } } },
      { kind: 'add', line: { added: 1 }, quantity: 2, to: { newGroup: { addressId: 8, status: 'awaiting_payment', held: true } } },
    ]);
  });

  it('holds increases the buyer owes for in a new 입금대기 group at the item’s address', () => {
    const s = snapshot({ items: [item(1, 20_000, 1), item(2, 10_000, 2)], statuses: { 1: 'preparing' } });
    const r = ok(s, [{ type: 'set_quantity', itemId: 1, quantity: 3 }]);
    expect(r.preview.additionalPayment).toBe(37_000);
    expect(r.plan.unitMoves).toEqual([{ kind: 'add', line: { itemId: 1 }, quantity: 2, to: { newGroup: { addressId: 7, status: 'awaiting_payment', held: true } } }]);
  });

  it('keeps today’s placement when the edit leaves nothing owed, and never joins a held group', () => {
    // 3,000 points pay for the 3,000 item: nothing more is owed
    const s = snapshot({ items: [item(1, 30_000, 1), item(2, 10_000, 2)], shippingFee: 0, ledger: { paid: 50_000, refunded: 0, awaitingPayment: 0, awaitingRefund: 0 } });
    const held = (id: number, addressId: number) => ({ id, addressId, status: 'awaiting_payment' as UnitStatus, held: true });
    const withHeld = { ...s, groups: [held(150, 7), held(151, 8), ...s.groups] };
    const sticker = (addressId: number): OrderChangeAction[] => [{ type: 'add_item', custom: { name: '스티커', unitPrice: 3000 }, quantity: 1, addressId }, { type: 'use_points', amount: 3000 }];
    const r = ok(withHeld, sticker(7));
    expect(r.preview.additionalPayment).toBe(0);
    expect(r.plan.unitMoves).toEqual([{ kind: 'add', line: { added: 0 }, quantity: 1, to: { groupId: 101 } }]);
    // address 8 has only a held group: the units get a new 상품준비중 group of their own
    expect(ok(withHeld, sticker(8)).plan.unitMoves).toEqual([{ kind: 'add', line: { added: 0 }, quantity: 1, to: { newGroup: { addressId: 8, status: 'preparing' } } }]);
  });

  it('gives added items the order’s grade discount, the manual one stacked on it', () => {
    const r = ok(snapshot({ gradeDiscountRate: 3 }), [
      { type: 'add_item', productId: 901, optionId: 9012, quantity: 1 },
      { type: 'set_manual_discount', addedItem: 0, discount: { kind: 'amount', amountPerUnit: 2000 } },
    ]);
    expect(r.preview.lines[2]).toMatchObject({ unitPrice: 41_000, gradeDiscountPerUnit: 1230, manualDiscountPerUnit: 2000, amount: 37_770 });
  });

  it('changes quantities only in 상품준비 단계, and a decrease proposes a refund and restocks', () => {
    const s = snapshot({ items: [item(1, 20_000, 3, { productId: 901, optionId: 9011 }), item(2, 10_000, 2)], statuses: { 1: 'preparing', 2: 'shipping' }, shippingFee: 0, ledger: { paid: 80_000, refunded: 0, awaitingPayment: 0, awaitingRefund: 0 } });
    const refused = replayOrderChange(s, [{ type: 'set_quantity', itemId: 2, quantity: 3 }]);
    expect(refused).toMatchObject({ ok: false, code: 'QUANTITY_CHANGE_NOT_ALLOWED', actionIndex: 0, details: { itemId: 2, statuses: ['shipping'] } });
    const down = ok(s, [{ type: 'set_quantity', itemId: 1, quantity: 1 }]);
    // 80,000 → 40,000 falls under the free-shipping threshold: 3,000 shipping is charged again
    expect(down.preview.totalsAfter).toMatchObject({ itemsAmount: 40_000, shippingFee: 3000, total: 43_000 });
    expect(down.preview).toMatchObject({ difference: -37_000, balanceDueAfter: -37_000, refundProposal: 37_000, additionalPayment: 0 });
    expect(down.plan.unitMoves).toEqual([{ kind: 'remove', itemId: 1, groupId: 101, quantity: 2 }]);
    expect(down.plan.stock).toEqual([{ optionId: 9011, delta: 2 }]);
    const up = ok(s, [{ type: 'set_quantity', itemId: 1, quantity: 6 }]);
    expect(up.plan.stock).toEqual([{ optionId: 9011, delta: -3 }]);
    expect(replayOrderChange(s, [{ type: 'set_quantity', itemId: 1, quantity: 7 }])).toMatchObject({ ok: false, code: 'OUT_OF_STOCK', details: { requested: 4, available: 3 } });
  });

  it('re-prices only items added by this edit', () => {
    const r = replayOrderChange(snapshot(), [{ type: 'set_manual_discount', itemId: 1, discount: { kind: 'rate', ratePercent: 10 } }]);
    expect(r).toMatchObject({ ok: false, code: 'MANUAL_DISCOUNT_ONLY_FOR_ADDED_ITEMS' });
    expect(replayOrderChange(snapshot(), [{ type: 'set_manual_discount', addedItem: 0, discount: null }])).toMatchObject({ ok: false, code: 'EDIT_ITEM_NOT_FOUND' });
  });

  it('applies one of the member’s coupons on the final items and spends points, lowering the additional amount', () => {
    const r = ok(snapshot(), [
      { type: 'apply_coupon', customerCouponId: 55 },
      { type: 'use_points', amount: 1500 },
      { type: 'add_item', productId: 900, quantity: 1 },
    ]);
    // coupon 10% of 58,000 (the items including the one added after it) = 5,800
    expect(r.preview.couponApplied).toEqual({ customerCouponId: 55, name: '10% 할인 (최대 10,000원)', discount: 5800 });
    expect(r.preview.totalsAfter).toMatchObject({ couponDiscount: 5800, pointsUsed: 1500, shippingFee: 0, total: 50_700 });
    expect(r.preview.additionalPayment).toBe(7700);
    expect(r.preview.lines.reduce((n, l) => n + l.couponShare, 0)).toBe(5800);
    expect(r.preview.lines.reduce((n, l) => n + l.pointsShare, 0)).toBe(1500);

    expect(replayOrderChange(snapshot(), [{ type: 'apply_coupon', customerCouponId: 55 }, { type: 'apply_coupon', customerCouponId: 55 }])).toMatchObject({ ok: false, code: 'COUPON_ALREADY_APPLIED', actionIndex: 1 });
    expect(replayOrderChange(snapshot({ coupon: { customerCouponId: 1, name: 'x' } }), [{ type: 'apply_coupon', customerCouponId: 55 }])).toMatchObject({ code: 'COUPON_ALREADY_APPLIED' });
    expect(replayOrderChange(snapshot(), [{ type: 'apply_coupon', customerCouponId: 56 }])).toMatchObject({ code: 'COUPON_NOT_AVAILABLE' });
    expect(replayOrderChange(snapshot({ items: [item(1, 20_000, 1)] }), [{ type: 'apply_coupon', customerCouponId: 55 }])).toMatchObject({ code: 'COUPON_MIN_ORDER_NOT_MET', actionIndex: null });
    expect(replayOrderChange(snapshot(), [{ type: 'use_points', amount: 3000 }, { type: 'use_points', amount: 2001 }])).toMatchObject({ code: 'POINTS_EXCEED_BALANCE', actionIndex: 1, details: { balance: 5000, requested: 5001 } });
    expect(replayOrderChange(snapshot({ member: null }), [{ type: 'use_points', amount: 1 }])).toMatchObject({ code: 'MEMBER_ONLY_BENEFIT' });
  });

  it('refuses unknown products, options, addresses and a missing option', () => {
    const s = snapshot();
    expect(replayOrderChange(s, [{ type: 'add_item', productId: 1, quantity: 1 }])).toMatchObject({ code: 'PRODUCT_NOT_FOUND' });
    expect(replayOrderChange(s, [{ type: 'add_item', productId: 901, quantity: 1 }])).toMatchObject({ code: 'OPTION_REQUIRED' });
    expect(replayOrderChange(s, [{ type: 'add_item', productId: 901, optionId: 1, quantity: 1 }])).toMatchObject({ code: 'OPTION_NOT_FOUND' });
    expect(replayOrderChange(s, [{ type: 'add_item', productId: 900, quantity: 1, addressId: 9 }])).toMatchObject({ code: 'EDIT_ADDRESS_NOT_FOUND' });
    expect(replayOrderChange(s, [{ type: 'add_item', productId: 901, optionId: 9011, quantity: 4 }])).toMatchObject({ code: 'OUT_OF_STOCK' });
  });

  it('puts units of an unpaid order in a new 입금대기 group and counts what was already asked', () => {
    const s = snapshot({ statuses: { 1: 'awaiting_payment', 2: 'awaiting_payment' }, ledger: { paid: 0, refunded: 0, awaitingPayment: 43_000, awaitingRefund: 0 } });
    const r = ok(s, [{ type: 'add_item', productId: 900, quantity: 1, addressId: 8 }]);
    expect(r.plan.unitMoves[0]).toEqual({ kind: 'add', line: { added: 0 }, quantity: 1, to: { newGroup: { addressId: 8, status: 'awaiting_payment', held: true } } });
    expect(r.preview).toMatchObject({ balanceDueAfter: 58_000, additionalPayment: 15_000 });
  });

  it('keeps the shipping fee when no item changes', () => {
    const r = ok(snapshot({ shippingFee: 0, member: { pointsBalance: 100, coupons: [] } }), [{ type: 'use_points', amount: 100 }]);
    expect(r.preview.totalsAfter.shippingFee).toBe(0);
    expect(r.plan.order).toEqual({ couponDiscount: 0, pointsUsed: 100, shippingFee: 0 });
  });

  it('is consistent with priceOrder on a simple order', () => {
    const r = ok(snapshot(), [{ type: 'add_item', custom: { name: 'x', unitPrice: 3333 }, quantity: 3 }, { type: 'use_points', amount: 777 }]);
    const priced = priceOrder({ lines: r.preview.lines.map((l) => ({ unitPrice: l.unitPrice, quantity: l.quantityAfter })), couponDiscount: 0, pointsUsed: 777, shippingFee: 3000 });
    expect(priced.ok && priced.order.total).toBe(r.preview.totalsAfter.total);
  });
});
