/**
 * The calculation step of an order edit (금액 계산): after the actions, price the final items, add
 * the coupon and points chosen by the edit, re-spread the order's coupon and points over the
 * active items, recompute the base shipping fee, and compare the new total with the money ledger.
 * It also plans where units go, so the server only writes what this pure code decided.
 *
 * Re-spreading: the coupon and points are order-level amounts; their per-item shares exist so a
 * later partial cancel can give back exactly what those units carried. After an edit the shares
 * are recomputed over the active units of every item with `priceOrder` (coupon by amount, then
 * points by what is left), the same routine as at checkout, so they always sum to the order's
 * coupon and points and no item's net amount goes below zero. Cancelled and returned units have
 * already given their shares back, so they get none.
 */
import { couponDiscountFor } from './coupon';
import type { Won } from './money';
import type { AddedLine, EditState } from './order-change-actions';
import type { OrderChangeFailureCode, OrderChangeSnapshot } from './order-change';
import { priceOrder, type ManualDiscount } from './pricing';
import { shippingFeeFor } from './shipping-fee';
import { isActiveStatus, type UnitStatus } from './status';

export interface OrderChangeTotals {
  /** Σ unit price × active quantity */
  itemsSubtotal: Won;
  gradeDiscount: Won;
  manualDiscount: Won;
  /** after grade and manual discounts */
  itemsAmount: Won;
  couponDiscount: Won;
  pointsUsed: Won;
  shippingFee: Won;
  remoteShippingFee: Won;
  feesAmount: Won;
  /** itemsAmount + shipping + remote + fees − coupon − points: the order total of summary.ts */
  total: Won;
}

export interface PreviewLine {
  /** An existing item's id, or null for an item added by the edit (then `addedIndex` is set). */
  itemId: number | null;
  addedIndex: number | null;
  change: 'added' | 'quantity_changed' | 'unchanged';
  productId: number | null;
  optionId: number | null;
  productName: string;
  optionName: string | null;
  isCustom: boolean;
  unitPrice: Won;
  gradeDiscountPerUnit: Won;
  manualDiscountPerUnit: Won;
  /** The 판매가 할인 of an added item as staff entered it. */
  manualDiscount: ManualDiscount | null;
  /** Units that count toward the total (not cancelled or returned), before and after. */
  quantityBefore: number;
  quantityAfter: number;
  /** after grade and manual discounts, for `quantityAfter` units */
  amount: Won;
  couponShare: Won;
  pointsShare: Won;
  netAmount: Won;
  addressId: number | null;
}

export interface OrderChangePreview {
  lines: PreviewLine[];
  totalsBefore: OrderChangeTotals;
  totalsAfter: OrderChangeTotals;
  /** totalsAfter.total − totalsBefore.total */
  difference: Won;
  balanceDueBefore: Won;
  balanceDueAfter: Won;
  /** What the buyer owes beyond what was already asked of them: the 추가 결제 요청 amount. */
  additionalPayment: Won;
  /** What the shop owes beyond refunds already decided: a proposal for the refunds module. */
  refundProposal: Won;
  couponApplied: { customerCouponId: number; name: string; discount: Won } | null;
  pointsSpent: Won;
}

export type LineRef = { itemId: number } | { added: number };

/**
 * `held`: the new group holds units the buyer has not paid for yet (the edit left them owing); the
 * server marks it with the edit's id, and it stays 입금대기 until the additional payment comes in.
 */
export type NewGroup = { addressId: number; status: UnitStatus; held?: true };

export type UnitMove =
  | { kind: 'add'; line: LineRef; quantity: number; to: { groupId: number } | { newGroup: NewGroup } }
  | { kind: 'remove'; itemId: number; groupId: number; quantity: number };

export interface OrderChangePlan {
  quantityChanges: Array<{ itemId: number; from: number; to: number }>;
  added: Array<AddedLine & { gradeDiscountPerUnit: Won; manualDiscountPerUnit: Won }>;
  unitMoves: UnitMove[];
  /** Per tracked option: negative takes stock, positive gives it back. */
  stock: Array<{ optionId: number; delta: number }>;
  /** The order's new coupon, points and base shipping columns. */
  order: { couponDiscount: Won; pointsUsed: Won; shippingFee: Won };
}

/** Where new units may join an existing group: one that has not left the warehouse. */
export const NOT_SHIPPED_STATUSES: readonly UnitStatus[] = ['awaiting_payment', 'paid', 'preparing'];

/**
 * The per-unit grade and manual discounts of a unit sold at `unitPrice`, by the checkout's rules
 * (priceOrder: grade rounds down, a manual rate stacks on the price after grade, an amount is
 * capped at what is left). null when the discount is malformed.
 */
export function unitDiscountsOf(unitPrice: Won, gradeDiscountRate: number, manual: ManualDiscount | null): { gradeDiscountPerUnit: Won; manualDiscountPerUnit: Won } | null {
  const r = priceOrder({ lines: [{ unitPrice, quantity: 1, gradeDiscountRate, ...(manual ? { manualDiscount: manual } : {}) }], couponDiscount: 0, pointsUsed: 0, shippingFee: 0 });
  const line = r.ok ? r.order.lines[0] : undefined;
  return line ? { gradeDiscountPerUnit: line.gradeDiscountPerUnit, manualDiscountPerUnit: line.manualDiscountPerUnit } : null;
}

interface Costed {
  unitPrice: Won;
  gradeDiscountPerUnit: Won;
  manualDiscountPerUnit: Won;
  quantity: number;
}

function itemTotals(lines: readonly Costed[]) {
  let itemsSubtotal = 0;
  let gradeDiscount = 0;
  let manualDiscount = 0;
  for (const l of lines) {
    itemsSubtotal += l.unitPrice * l.quantity;
    gradeDiscount += l.gradeDiscountPerUnit * l.quantity;
    manualDiscount += l.manualDiscountPerUnit * l.quantity;
  }
  return { itemsSubtotal, gradeDiscount, manualDiscount, itemsAmount: itemsSubtotal - gradeDiscount - manualDiscount };
}

type Finalized = { ok: true; preview: OrderChangePreview; plan: OrderChangePlan } | { ok: false; code: OrderChangeFailureCode; details?: Record<string, unknown> };

export function finalizeOrderChange(s: OrderChangeSnapshot, state: EditState): Finalized {
  const existing = s.items.map((item) => {
    const before = s.allocations.filter((u) => u.itemId === item.id && isActiveStatus(u.status)).reduce((n, u) => n + u.quantity, 0);
    const delta = (state.quantities.get(item.id) ?? item.quantity) - item.quantity;
    return { item, before, after: before + delta, delta };
  });
  const added = state.added.map((line) => {
    const d = unitDiscountsOf(line.unitPrice, s.gradeDiscountRate, line.manualDiscount);
    if (!d) throw new Error('an added line with a malformed discount passed validation');
    return { ...line, ...d };
  });
  const costedAfter: Costed[] = [...existing.map((e) => ({ ...e.item, quantity: e.after })), ...added];
  const beforeItems = itemTotals(existing.map((e) => ({ ...e.item, quantity: e.before })));
  const afterItems = itemTotals(costedAfter);

  let couponApplied: OrderChangePreview['couponApplied'] = null;
  if (state.coupon) {
    // computed on the final items after grade and manual discounts, never on shipping
    const r = couponDiscountFor(state.coupon.rule, afterItems.itemsAmount);
    if (!r.ok) return { ok: false, code: r.code, details: { customerCouponId: state.coupon.customerCouponId, minOrderAmount: state.coupon.rule.minOrderAmount ?? null, itemsAmount: afterItems.itemsAmount } };
    couponApplied = { customerCouponId: state.coupon.customerCouponId, name: state.coupon.name, discount: r.discount };
  }
  const couponDiscount = s.couponDiscount + (couponApplied?.discount ?? 0);
  const pointsUsed = s.pointsUsed + state.pointsToUse;

  // Existing items keep the per-unit discounts they were sold with, so the calculator gets them as
  // one fixed amount per unit; added items were priced by the same rules in unitDiscountsOf.
  const active = costedAfter.flatMap((l, index) => (l.quantity > 0 ? [{ l, index }] : []));
  const priced = priceOrder({
    lines: active.map(({ l }) => ({ unitPrice: l.unitPrice, quantity: l.quantity, manualDiscount: { kind: 'amount' as const, amountPerUnit: l.gradeDiscountPerUnit + l.manualDiscountPerUnit } })),
    couponDiscount,
    pointsUsed,
    shippingFee: 0,
  });
  if (!priced.ok) return { ok: false, code: priced.code, details: { couponDiscount, pointsUsed, itemsAmount: afterItems.itemsAmount } };
  const shares = new Map(active.map(({ index }, i) => [index, priced.order.lines[i]]));

  // The free-shipping threshold is measured on the items; an edit that leaves them alone keeps the
  // fee the order has (a storefront's override, or a fee already refunded by a claim).
  const itemsChanged = added.length > 0 || existing.some((e) => e.delta !== 0);
  const shippingFee = itemsChanged ? shippingFeeFor(s.shippingPolicy, { itemsAmount: afterItems.itemsAmount, postcodes: [] }).base : s.shippingFee;
  const fixed = { remoteShippingFee: s.remoteShippingFee, feesAmount: s.feesAmount };
  const totalOf = (items: { itemsAmount: Won }, shipping: Won, coupon: Won, points: Won) => items.itemsAmount + shipping + fixed.remoteShippingFee + fixed.feesAmount - coupon - points;
  const totalsBefore = { ...beforeItems, couponDiscount: s.couponDiscount, pointsUsed: s.pointsUsed, shippingFee: s.shippingFee, ...fixed, total: totalOf(beforeItems, s.shippingFee, s.couponDiscount, s.pointsUsed) };
  const totalsAfter = { ...afterItems, couponDiscount, pointsUsed, shippingFee, ...fixed, total: totalOf(afterItems, shippingFee, couponDiscount, pointsUsed) };

  const lineAt = (index: number, l: Costed) => {
    const p = shares.get(index);
    const amount = (l.unitPrice - l.gradeDiscountPerUnit - l.manualDiscountPerUnit) * l.quantity;
    return { unitPrice: l.unitPrice, gradeDiscountPerUnit: l.gradeDiscountPerUnit, manualDiscountPerUnit: l.manualDiscountPerUnit, quantityAfter: l.quantity, amount, couponShare: p?.couponShare ?? 0, pointsShare: p?.pointsShare ?? 0, netAmount: p?.netAmount ?? amount };
  };
  const lines: PreviewLine[] = [
    ...existing.map((e, i) => ({
      itemId: e.item.id, addedIndex: null, change: e.delta === 0 ? ('unchanged' as const) : ('quantity_changed' as const),
      productId: e.item.productId, optionId: e.item.optionId, productName: e.item.productName, optionName: e.item.optionName, isCustom: e.item.isCustom,
      manualDiscount: null, quantityBefore: e.before, addressId: null, ...lineAt(i, { ...e.item, quantity: e.after }),
    })),
    ...added.map((a, i) => ({
      itemId: null, addedIndex: i, change: 'added' as const, productId: a.productId, optionId: a.optionId, productName: a.productName, optionName: a.optionName,
      isCustom: a.isCustom, manualDiscount: a.manualDiscount, quantityBefore: 0, addressId: a.addressId, ...lineAt(existing.length + i, a),
    })),
  ];

  const net = s.ledger.paid - s.ledger.refunded;
  const balanceDueAfter = totalsAfter.total - net;
  const preview: OrderChangePreview = {
    lines,
    totalsBefore,
    totalsAfter,
    difference: totalsAfter.total - totalsBefore.total,
    balanceDueBefore: totalsBefore.total - net,
    balanceDueAfter,
    additionalPayment: Math.max(0, balanceDueAfter - s.ledger.awaitingPayment),
    refundProposal: Math.max(0, -balanceDueAfter - s.ledger.awaitingRefund),
    couponApplied,
    pointsSpent: state.pointsToUse,
  };
  const plan: OrderChangePlan = {
    quantityChanges: existing.filter((e) => e.delta !== 0).map((e) => ({ itemId: e.item.id, from: e.item.quantity, to: e.item.quantity + e.delta })),
    added,
    unitMoves: planUnitMoves(s, existing, added, preview.additionalPayment > 0),
    stock: planStock(s, existing, added),
    order: { couponDiscount, pointsUsed, shippingFee },
  };
  return { ok: true, preview, plan };
}

/**
 * Where units go. A decrease takes from the item's newest groups first.
 *
 * When the edit leaves the buyer owing (`holdForPayment`: an additional payment is due), every unit
 * it adds, new lines and increases alike, goes to a new 입금대기 group per address, marked held:
 * nobody has paid for those units, so they must not sit in a paid or preparing group where they
 * would look paid and be shipped. They become 결제완료 when the additional payment comes in.
 *
 * Otherwise an increase joins the item's oldest group that is not held, and added units join a
 * not-yet-shipped group at their address that is not held, or one new group per address:
 * 상품준비중 when the order has been paid, 입금대기 while nothing has been. Held groups are left
 * alone so units nobody owes for are never caught waiting for someone else's payment.
 */
function planUnitMoves(
  s: OrderChangeSnapshot,
  existing: ReadonlyArray<{ item: { id: number }; delta: number }>,
  added: readonly AddedLine[],
  holdForPayment: boolean,
): UnitMove[] {
  const moves: UnitMove[] = [];
  const held = new Set(s.groups.filter((g) => g.held === true).map((g) => g.id));
  const newStatus: UnitStatus = s.ledger.paid > 0 ? 'preparing' : 'awaiting_payment';
  const heldGroup = (addressId: number) => ({ newGroup: { addressId, status: 'awaiting_payment' as const, held: true as const } });
  for (const { item, delta } of existing) {
    const groups = s.allocations.filter((u) => u.itemId === item.id && u.holder.kind === 'shipment').sort((a, b) => a.holder.id - b.holder.id);
    const first = groups[0];
    if (delta > 0 && first) {
      const addressId = s.groups.find((g) => g.id === first.holder.id)?.addressId;
      if (addressId === undefined) throw new Error(`item ${item.id}: its group ${first.holder.id} is not among the order's groups`);
      const target = groups.find((g) => !held.has(g.holder.id));
      const to = holdForPayment ? heldGroup(addressId) : target ? { groupId: target.holder.id } : { newGroup: { addressId, status: newStatus } };
      moves.push({ kind: 'add', line: { itemId: item.id }, quantity: delta, to });
    }
    let left = -delta;
    for (const g of [...groups].reverse()) {
      if (left <= 0) break;
      const quantity = Math.min(left, g.quantity);
      moves.push({ kind: 'remove', itemId: item.id, groupId: g.holder.id, quantity });
      left -= quantity;
    }
    if (left > 0 || (delta > 0 && !first)) throw new Error(`item ${item.id}: its units are not all in shipment groups`);
  }
  added.forEach((line, i) => {
    if (holdForPayment) {
      moves.push({ kind: 'add', line: { added: i }, quantity: line.quantity, to: heldGroup(line.addressId) });
      return;
    }
    const group = s.groups.filter((g) => g.addressId === line.addressId && !held.has(g.id) && NOT_SHIPPED_STATUSES.includes(g.status)).sort((a, b) => a.id - b.id)[0];
    moves.push({ kind: 'add', line: { added: i }, quantity: line.quantity, to: group ? { groupId: group.id } : { newGroup: { addressId: line.addressId, status: newStatus } } });
  });
  return moves;
}

/** Units never shipped go back to stock on a decrease; added and increased units are taken. */
function planStock(s: OrderChangeSnapshot, existing: ReadonlyArray<{ item: { productId: number | null; optionId: number | null }; delta: number }>, added: readonly AddedLine[]) {
  const deltas = new Map<number, number>();
  const tracked = (productId: number | null, optionId: number | null) =>
    optionId !== null && s.catalog.find((p) => p.id === productId)?.options.some((o) => o.id === optionId && o.stock !== null) === true;
  for (const e of existing) {
    if (e.delta !== 0 && e.item.optionId !== null && tracked(e.item.productId, e.item.optionId)) deltas.set(e.item.optionId, (deltas.get(e.item.optionId) ?? 0) - e.delta);
  }
  for (const a of added) if (a.tracksStock && a.optionId !== null) deltas.set(a.optionId, (deltas.get(a.optionId) ?? 0) - a.quantity);
  return [...deltas].filter(([, delta]) => delta !== 0).map(([optionId, delta]) => ({ optionId, delta }));
}
