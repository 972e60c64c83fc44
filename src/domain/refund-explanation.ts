/**
 * Why each figure of a refund proposal is what it is: lines with a code and the figures the
 * calculator used, stored with the refund (refunds.explanation) and turned into words per language
 * on read (refund-explanation-text.ts). Each line names the component it explains and its signed
 * part of it, so the lines of a component always sum to that component of the proposal:
 * a charge that was then cut back is two lines (the charge, and what was waived), a staff
 * adjustment one more (the difference from the proposal).
 */
import type { Won } from './money';

/** The proposal's figures that lines explain; `settlesBalanceDue` is the part kept against what the buyer still owed. */
export const EXPLAINED_COMPONENTS = ['itemsAmount', 'couponRemoved', 'pointsRestored', 'shippingChange', 'deduction', 'settlesBalanceDue'] as const;
export type ExplainedComponent = (typeof EXPLAINED_COMPONENTS)[number];
export type AdjustableComponent = 'couponRemoved' | 'pointsRestored' | 'shippingChange' | 'deduction';

export type RefundReasonLine =
  /** the claimed units of one item at their price after grade and manual discounts */
  | { component: 'itemsAmount'; code: 'items_claimed'; claimKind: 'cancel' | 'return'; itemId: number; name: string | null; quantity: number; unitAmount: Won; amount: Won }
  /** the claimed units' share of the order coupon leaves the order with them */
  | { component: 'couponRemoved'; code: 'coupon_share_removed'; amount: Won }
  /** nothing is left, so the whole coupon discount leaves the order */
  | { component: 'couponRemoved'; code: 'coupon_removed_whole'; amount: Won }
  /** the claimed units' share of the points used goes back to the member's balance */
  | { component: 'pointsRestored'; code: 'points_share_restored'; amount: Won }
  | { component: 'pointsRestored'; code: 'points_restored_whole'; amount: Won }
  /** outbound shipping refunded: nothing is left and the shop did not carry it for nothing (amount = −fee) */
  | { component: 'shippingChange'; code: 'shipping_refunded'; because: 'cancel' | 'shop_fault'; fee: Won; amount: Won }
  /** a Jeju or island surcharge refunded: no unit is left at that address, or none in the order (amount = −fee) */
  | { component: 'shippingChange'; code: 'remote_fee_refunded'; fee: Won; amount: Won }
  /** what stays fell under the free-shipping threshold (null: the shop has none), so the base fee is due */
  | { component: 'shippingChange'; code: 'shipping_now_due'; remaining: Won; threshold: Won | null; fee: Won; amount: Won }
  /** the part of that fee not charged, so that the claim never costs the buyer more than it gives back (amount = −waived) */
  | { component: 'shippingChange'; code: 'shipping_waived'; waived: Won; amount: Won }
  /** a buyer's-fault return keeps its return shipping; both ways (legs 2) when the order shipped free */
  | { component: 'deduction'; code: 'return_shipping_deducted'; fault: 'buyer'; legs: 1 | 2; fee: Won; amount: Won }
  | { component: 'deduction'; code: 'deduction_waived'; waived: Won; amount: Won }
  /** the buyer still owed `owed`; this much of the reduction lowers that instead of being paid back */
  | { component: 'settlesBalanceDue'; code: 'balance_due_settled'; owed: Won; amount: Won }
  /** staff changed the proposed figure by hand (amount = value − proposed) */
  | { component: AdjustableComponent; code: 'staff_adjusted'; proposed: Won; value: Won; amount: Won };

export type RefundReasonCode = RefundReasonLine['code'];
export const REFUND_REASON_CODES = [
  'items_claimed', 'coupon_share_removed', 'coupon_removed_whole', 'points_share_restored', 'points_restored_whole', 'shipping_refunded',
  'remote_fee_refunded', 'shipping_now_due', 'shipping_waived', 'return_shipping_deducted', 'deduction_waived', 'balance_due_settled', 'staff_adjusted',
] as const satisfies readonly RefundReasonCode[];

/** What the calculator knows by the end of a proposal, in the shape the explanation needs. */
export interface ExplanationFacts {
  kind: 'cancel' | 'return';
  fault: 'buyer' | 'shop' | null;
  fullClaim: boolean;
  lines: ReadonlyArray<{ itemId: number; name: string | null; quantity: number; unitAmount: Won; amount: Won }>;
  proposed: { couponRemoved: Won; pointsRestored: Won; deduction: Won };
  /** the shipping proposal before staff adjustments, the base fee before any of it was waived */
  shipping: { base: Won; remote: Won; waived: Won; remainingItems: Won; threshold: Won | null };
  deductionFee: { fee: Won; legs: 1 | 2; waived: Won } | null;
  final: Record<ExplainedComponent, Won>;
  adjusted: readonly AdjustableComponent[];
  owed: Won;
}

const neg = (n: Won): Won => (n === 0 ? 0 : -n);

/** The lines of one refund proposal; a component that ends at zero and was not adjusted needs none. */
export function explainRefund(f: ExplanationFacts): RefundReasonLine[] {
  const out: RefundReasonLine[] = [];
  for (const l of f.lines) {
    out.push({ component: 'itemsAmount', code: 'items_claimed', claimKind: f.kind, itemId: l.itemId, name: l.name, quantity: l.quantity, unitAmount: l.unitAmount, amount: l.amount });
  }
  if (f.proposed.couponRemoved > 0) out.push({ component: 'couponRemoved', code: f.fullClaim ? 'coupon_removed_whole' : 'coupon_share_removed', amount: f.proposed.couponRemoved });
  if (f.proposed.pointsRestored > 0) out.push({ component: 'pointsRestored', code: f.fullClaim ? 'points_restored_whole' : 'points_share_restored', amount: f.proposed.pointsRestored });

  const { shipping } = f;
  if (shipping.base < 0) out.push({ component: 'shippingChange', code: 'shipping_refunded', because: f.kind === 'cancel' ? 'cancel' : 'shop_fault', fee: -shipping.base, amount: shipping.base });
  if (shipping.base > 0) {
    out.push({ component: 'shippingChange', code: 'shipping_now_due', remaining: shipping.remainingItems, threshold: shipping.threshold, fee: shipping.base, amount: shipping.base });
  }
  if (shipping.waived > 0) out.push({ component: 'shippingChange', code: 'shipping_waived', waived: shipping.waived, amount: neg(shipping.waived) });
  if (shipping.remote < 0) out.push({ component: 'shippingChange', code: 'remote_fee_refunded', fee: -shipping.remote, amount: shipping.remote });

  const d = f.deductionFee;
  if (d && d.fee > 0) {
    out.push({ component: 'deduction', code: 'return_shipping_deducted', fault: 'buyer', legs: d.legs, fee: d.fee, amount: d.fee });
    if (d.waived > 0) out.push({ component: 'deduction', code: 'deduction_waived', waived: d.waived, amount: neg(d.waived) });
  }

  for (const field of f.adjusted) {
    const proposed = field === 'shippingChange' ? shipping.base - shipping.waived + shipping.remote : f.proposed[field];
    const value = f.final[field];
    if (value !== proposed) out.push({ component: field, code: 'staff_adjusted', proposed, value, amount: value - proposed });
  }
  if (f.final.settlesBalanceDue > 0) out.push({ component: 'settlesBalanceDue', code: 'balance_due_settled', owed: f.owed, amount: f.final.settlesBalanceDue });

  // a component that nets to zero without staff touching it (a fee charged, then waived in full) says nothing
  return out.filter((l) => f.final[l.component] !== 0 || (l.component !== 'itemsAmount' && l.component !== 'settlesBalanceDue' && f.adjusted.includes(l.component)));
}

/** Σ of the lines of each component: what the property test compares with the proposal. */
export function explainedTotals(lines: readonly RefundReasonLine[]): Record<ExplainedComponent, Won> {
  const totals = Object.fromEntries(EXPLAINED_COMPONENTS.map((c) => [c, 0])) as Record<ExplainedComponent, Won>;
  for (const l of lines) totals[l.component] += l.amount;
  return totals;
}
