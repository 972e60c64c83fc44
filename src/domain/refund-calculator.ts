/**
 * The refund of a completed cancel or return: one pure function proposes it for both, and staff
 * may then adjust each component by hand.
 *
 * Completing a claim takes its units out of the order total. The order's coupon, points, shipping
 * and fees then move by exactly the components below, so that the new total is the old total less
 * the reduction, and the cash refund pays back what the buyer has now overpaid:
 *
 *   reduction = itemsAmount − couponRemoved − pointsRestored − shippingChange − deduction
 *
 * - itemsAmount: the claimed units at their price after grade and manual discounts;
 * - couponRemoved: the coupon discount that leaves the order with them (their share of it);
 * - pointsRestored: the points that go back to the member's balance (not paid in cash);
 * - shippingChange: negative when shipping is refunded, positive when shipping is now due because
 *   what stays fell under the free-shipping threshold;
 * - deduction: what the shop keeps (return shipping of a buyer's-fault return); it becomes a fee on
 *   the order.
 *
 * A buyer who still owed money (an unpaid order, an open additional payment) owes that much less
 * instead of being paid: only the part of the reduction beyond what they owed is refunded. So
 * however many claims an order goes through, the buyer never pays more than once.
 */
import { isWon, type Won } from './money';
import { explainRefund, type RefundReasonLine } from './refund-explanation';
import { shareChanges, sharesTaken, type ShareChange } from './refund-shares';

export type { ShareChange } from './refund-shares';
export type { RefundReasonLine } from './refund-explanation';
import { shippingFeeFor, type ShippingPolicy } from './shipping-fee';

export interface RefundAdjustments {
  couponRemoved?: Won | undefined;
  pointsRestored?: Won | undefined;
  shippingChange?: Won | undefined;
  deduction?: Won | undefined;
}
export type AdjustmentField = keyof RefundAdjustments;

export interface OrderMoney {
  couponDiscount: Won;
  pointsUsed: Won;
  shippingFee: Won;
  remoteShippingFee: Won;
  feesAmount: Won;
}

export interface RefundItem {
  itemId: number;
  /** the item as staff and buyers read it (product and option), for the explanation */
  name?: string | null | undefined;
  /** unit price after grade and manual discounts */
  unitAmount: Won;
  /** units that count toward the total (not cancelled, not returned), the claimed ones included */
  activeQuantity: number;
  couponShare: Won;
  pointsShare: Won;
}

export interface RefundAddress {
  addressId: number;
  postcode: string;
  /** active units shipping to (or shipped to) this address, the claimed ones included */
  activeQuantity: number;
}

export interface RefundInput {
  kind: 'cancel' | 'return';
  /** who caused a return; a cancel is the buyer's request (null) */
  fault: 'buyer' | 'shop' | null;
  policy: ShippingPolicy;
  returnShippingFee: Won;
  order: OrderMoney;
  items: readonly RefundItem[];
  addresses: readonly RefundAddress[];
  claimed: ReadonlyArray<{ itemId: number; addressId: number; quantity: number }>;
  /** outstanding: refunds committed but not yet paid back (pending or failed) */
  ledger: { orderTotal: Won; paid: Won; refunded: Won; outstanding: Won };
  adjustments?: RefundAdjustments | undefined;
}

export interface RefundProposal {
  itemsAmount: Won;
  couponRemoved: Won;
  pointsRestored: Won;
  shippingChange: Won;
  shippingBaseChange: Won;
  remoteShippingChange: Won;
  deduction: Won;
  totalReduction: Won;
  /** the part of the reduction that lowers what the buyer still owed instead of being paid back */
  settlesBalanceDue: Won;
  /** the cash refund */
  amount: Won;
  refundable: Won;
  /** nothing active is left in the order once the claim completes */
  fullClaim: boolean;
  /** the components as proposed, before staff adjustments */
  proposed: Required<{ [K in AdjustmentField]: Won }>;
  adjusted: AdjustmentField[];
  /** charges cut from the proposal so that a claim never costs the buyer more than it gives back */
  waived: { shipping: Won; deduction: Won };
  lines: Array<{ itemId: number; quantity: number; amount: Won; couponShare: Won; pointsShare: Won }>;
  shares: ShareChange[];
  after: OrderMoney & { orderTotal: Won; balanceDue: Won };
  /** why each figure is what it is (refund-explanation.ts); the lines of a component sum to it */
  explanation: RefundReasonLine[];
}

export type RefundFailure =
  | { ok: false; code: 'REFUND_ADJUSTMENT_OUT_OF_RANGE'; field: AdjustmentField; min: Won; max: Won | null }
  | { ok: false; code: 'DISCOUNT_EXCEEDS_AMOUNT'; discounts: Won; itemsAmount: Won }
  | { ok: false; code: 'REFUND_NEGATIVE'; amount: Won }
  | { ok: false; code: 'REFUND_EXCEEDS_REFUNDABLE'; amount: Won; refundable: Won };
export type RefundResult = { ok: true; proposal: RefundProposal } | RefundFailure;

const isCount = (n: number) => Number.isSafeInteger(n) && n > 0;
/** Negation without −0, which would compare unequal under Object.is and leak into tests and JSON. */
const neg = (n: Won): Won => (n === 0 ? 0 : -n);

function sumBy<T>(rows: readonly T[], key: (r: T) => number, value: (r: T) => number): Map<number, number> {
  const sums = new Map<number, number>();
  for (const r of rows) sums.set(key(r), (sums.get(key(r)) ?? 0) + value(r));
  return sums;
}

function checkAdjustments(a: RefundAdjustments, o: OrderMoney): RefundFailure | null {
  const ranges: Array<[AdjustmentField, Won | undefined, Won, Won | null]> = [
    ['couponRemoved', a.couponRemoved, 0, o.couponDiscount],
    ['pointsRestored', a.pointsRestored, 0, o.pointsUsed],
    ['shippingChange', a.shippingChange, neg(o.shippingFee + o.remoteShippingFee), null],
    ['deduction', a.deduction, 0, null],
  ];
  for (const [field, value, min, max] of ranges) {
    if (value === undefined) continue;
    if (!isWon(value) || value < min || (max !== null && value > max)) return { ok: false, code: 'REFUND_ADJUSTMENT_OUT_OF_RANGE', field, min, max };
  }
  return null;
}

/**
 * The shipping part of the proposal, before staff adjustments. Outbound shipping comes back only
 * when the shop did not perform it for nothing: a cancel, or a return that is the shop's fault.
 * A buyer's choice that leaves the rest under the free-shipping threshold makes the base fee due.
 */
function proposeShipping(input: RefundInput, fullClaim: boolean, remainingItems: Won, claimedByAddress: Map<number, number>) {
  const { order, policy } = input;
  const refundsOutbound = input.kind === 'cancel' || input.fault === 'shop';
  const chargesNewlyDue = input.kind === 'cancel' || input.fault === 'buyer';
  if (fullClaim) return refundsOutbound ? { base: neg(order.shippingFee), remote: neg(order.remoteShippingFee) } : { base: 0, remote: 0 };
  let remote = 0;
  if (refundsOutbound) {
    // an address none of whose units are left no longer costs its surcharge
    const emptied = input.addresses.filter((a) => a.activeQuantity > 0 && a.activeQuantity === (claimedByAddress.get(a.addressId) ?? 0));
    const surcharge = shippingFeeFor(policy, { itemsAmount: 0, postcodes: emptied.map((a) => a.postcode) }).remote;
    remote = neg(Math.min(order.remoteShippingFee, surcharge));
  }
  const base = chargesNewlyDue && order.shippingFee === 0 ? shippingFeeFor(policy, { itemsAmount: remainingItems, postcodes: [] }).base : 0;
  return { base, remote };
}

/** Staff give one shipping figure; it moves the base fee first, the remote surcharges after. */
function splitShipping(total: Won, proposed: { base: Won; remote: Won }, order: OrderMoney) {
  const diff = total - (proposed.base + proposed.remote);
  if (diff < 0) {
    const fromBase = Math.max(diff, neg(order.shippingFee + proposed.base));
    return { base: proposed.base + fromBase, remote: proposed.remote + (diff - fromBase) };
  }
  const backToRemote = Math.min(diff, neg(proposed.remote));
  return { base: proposed.base + diff - backToRemote, remote: proposed.remote + backToRemote };
}

export function proposeRefund(input: RefundInput): RefundResult {
  const { order } = input;
  const adj = input.adjustments ?? {};
  const invalid = checkAdjustments(adj, order);
  if (invalid) return invalid;

  const claimedByItem = sumBy(input.claimed, (c) => c.itemId, (c) => c.quantity);
  const claimedByAddress = sumBy(input.claimed, (c) => c.addressId, (c) => c.quantity);
  for (const c of input.claimed) if (!isCount(c.quantity)) throw new RangeError(`claimed quantity must be a positive integer, got ${c.quantity}`);
  for (const [itemId, q] of claimedByItem) {
    const item = input.items.find((i) => i.itemId === itemId);
    if (!item || q > item.activeQuantity) throw new RangeError(`item ${itemId}: ${q} claimed of ${item?.activeQuantity ?? 0} active units`);
  }
  for (const [addressId, q] of claimedByAddress) {
    const address = input.addresses.find((a) => a.addressId === addressId);
    if (!address || q > address.activeQuantity) throw new RangeError(`address ${addressId}: ${q} claimed of ${address?.activeQuantity ?? 0} active units`);
  }

  const lines: RefundProposal['lines'] = [];
  const named: Array<{ itemId: number; name: string | null; quantity: number; unitAmount: Won; amount: Won }> = [];
  const staying = input.items.map((item) => {
    const q = claimedByItem.get(item.itemId) ?? 0;
    const taken = q > 0 ? sharesTaken(item, q, item.activeQuantity) : { couponShare: 0, pointsShare: 0 };
    if (q > 0) lines.push({ itemId: item.itemId, quantity: q, amount: q * item.unitAmount, ...taken });
    if (q > 0) named.push({ itemId: item.itemId, name: item.name ?? null, quantity: q, unitAmount: item.unitAmount, amount: q * item.unitAmount });
    const remaining = item.activeQuantity - q;
    return { item, remaining, amount: remaining * item.unitAmount, couponShare: item.couponShare - taken.couponShare, pointsShare: item.pointsShare - taken.pointsShare };
  });
  const itemsAmount = lines.reduce((s, l) => s + l.amount, 0);
  const remainingItems = staying.reduce((s, i) => s + i.amount, 0);
  const fullClaim = staying.every((i) => i.remaining === 0);
  const takenCoupon = lines.reduce((s, l) => s + l.couponShare, 0);
  const takenPoints = lines.reduce((s, l) => s + l.pointsShare, 0);

  const proposedCoupon = fullClaim ? order.couponDiscount : Math.min(takenCoupon, order.couponDiscount);
  const proposedPoints = fullClaim ? order.pointsUsed : Math.min(takenPoints, order.pointsUsed);
  const couponRemoved = adj.couponRemoved ?? proposedCoupon;
  const pointsRestored = adj.pointsRestored ?? proposedPoints;
  const cashOfItems = Math.max(0, itemsAmount - couponRemoved - pointsRestored);

  const shipping = proposeShipping(input, fullClaim, remainingItems, claimedByAddress);
  const uncappedBase = shipping.base;
  const waivedShipping = shipping.base > 0 ? Math.min(shipping.base, Math.max(0, shipping.base + shipping.remote - cashOfItems)) : 0;
  shipping.base -= waivedShipping;
  const { base, remote } = adj.shippingChange === undefined ? shipping : splitShipping(adj.shippingChange, shipping, order);
  const shippingChange = base + remote;

  let proposedDeduction = 0;
  let waivedDeduction = 0;
  let deductionFee: { fee: Won; legs: 1 | 2; waived: Won } | null = null;
  if (input.kind === 'return' && input.fault === 'buyer') {
    // both ways when the buyer paid no outbound shipping at all: the shop carried it out for free
    const legs = order.shippingFee + uncappedBase === 0 ? 2 : 1;
    const fee = input.returnShippingFee * legs;
    proposedDeduction = Math.min(fee, Math.max(0, cashOfItems - shippingChange));
    waivedDeduction = fee - proposedDeduction;
    deductionFee = { fee, legs, waived: waivedDeduction };
  }
  const deduction = adj.deduction ?? proposedDeduction;

  const after: OrderMoney = {
    couponDiscount: order.couponDiscount - couponRemoved,
    pointsUsed: order.pointsUsed - pointsRestored,
    shippingFee: order.shippingFee + base,
    remoteShippingFee: order.remoteShippingFee + remote,
    feesAmount: order.feesAmount + deduction,
  };
  const discounts = after.couponDiscount + after.pointsUsed;
  if (discounts > remainingItems) return { ok: false, code: 'DISCOUNT_EXCEEDS_AMOUNT', discounts, itemsAmount: remainingItems };

  const shares = shareChanges(input.items, staying, fullClaim, takenCoupon - couponRemoved, takenPoints - pointsRestored);
  if (!shares) return { ok: false, code: 'DISCOUNT_EXCEEDS_AMOUNT', discounts, itemsAmount: remainingItems };

  const totalReduction = itemsAmount - couponRemoved - pointsRestored - shippingChange - deduction;
  if (totalReduction < 0) return { ok: false, code: 'REFUND_NEGATIVE', amount: totalReduction };
  const { orderTotal, paid, refunded, outstanding } = input.ledger;
  const kept = paid - refunded - outstanding;
  const refundable = Math.max(0, kept);
  const settlesBalanceDue = Math.min(totalReduction, Math.max(0, orderTotal - kept));
  const amount = totalReduction - settlesBalanceDue;
  if (amount > refundable) return { ok: false, code: 'REFUND_EXCEEDS_REFUNDABLE', amount, refundable };

  const adjusted = (['couponRemoved', 'pointsRestored', 'shippingChange', 'deduction'] as const).filter((f) => adj[f] !== undefined);
  const totalAfter = orderTotal - totalReduction;
  const explanation = explainRefund({
    kind: input.kind, fault: input.fault, fullClaim, lines: named,
    proposed: { couponRemoved: proposedCoupon, pointsRestored: proposedPoints, deduction: proposedDeduction },
    shipping: { base: uncappedBase, remote: shipping.remote, waived: waivedShipping, remainingItems, threshold: input.policy.freeThreshold },
    deductionFee,
    final: { itemsAmount, couponRemoved, pointsRestored, shippingChange, deduction, settlesBalanceDue },
    adjusted,
    owed: Math.max(0, orderTotal - kept),
  });
  return {
    ok: true,
    proposal: {
      itemsAmount, couponRemoved, pointsRestored, shippingChange, shippingBaseChange: base, remoteShippingChange: remote, deduction,
      totalReduction, settlesBalanceDue, amount, refundable, fullClaim,
      proposed: { couponRemoved: proposedCoupon, pointsRestored: proposedPoints, shippingChange: shipping.base + shipping.remote, deduction: proposedDeduction },
      adjusted,
      waived: { shipping: waivedShipping, deduction: waivedDeduction },
      lines,
      shares,
      after: { ...after, orderTotal: totalAfter, balanceDue: totalAfter - (kept - amount) },
      explanation,
    },
  };
}
