import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { balanceOf } from './ledger';
import { priceOrder } from './pricing';
import { proposeRefund, type OrderMoney, type RefundAdjustments, type RefundInput } from './refund-calculator';
import { explainedTotals } from './refund-explanation';
import { describeRefundExplanation } from './refund-explanation-text';
import { shippingFeeFor, type ShippingPolicy } from './shipping-fee';

/** An order as the refund calculator and the order summary see it, evolving claim by claim. */
interface SimOrder {
  policy: ShippingPolicy;
  returnFee: number;
  money: OrderMoney;
  items: Array<{ itemId: number; unitAmount: number; active: number; couponShare: number; pointsShare: number; addressId: number }>;
  postcodes: Map<number, string>;
  paid: number;
  refunded: number;
  totalRefunds: number;
}

const POSTCODES = ['04524', '63122', '40210', '48058'];

const orderArb = fc
  .record({
    lines: fc.array(fc.record({ unitPrice: fc.integer({ min: 0, max: 80_000 }), quantity: fc.integer({ min: 1, max: 5 }), address: fc.integer({ min: 0, max: 1 }) }), { minLength: 1, maxLength: 4 }),
    gradeRate: fc.constantFrom(0, 1, 2.5, 3, 5),
    couponFraction: fc.double({ min: 0, max: 1, noNaN: true }),
    pointsFraction: fc.double({ min: 0, max: 1, noNaN: true }),
    baseFee: fc.constantFrom(0, 2500, 3000),
    freeThreshold: fc.constantFrom(null, 30_000, 50_000, 100_000),
    returnFee: fc.constantFrom(0, 2500, 3000, 6000),
    postcodes: fc.tuple(fc.constantFrom(...POSTCODES), fc.constantFrom(...POSTCODES)),
    paidShare: fc.constantFrom('all', 'none', 'part'),
  })
  .map((g): SimOrder => {
    const policy = { baseFee: g.baseFee, freeThreshold: g.freeThreshold, jejuFee: 3000, islandFee: 5000 };
    const lines = g.lines.map((l) => ({ unitPrice: l.unitPrice, quantity: l.quantity, gradeDiscountRate: g.gradeRate }));
    const base = priceOrder({ lines, couponDiscount: 0, pointsUsed: 0, shippingFee: 0 });
    if (!base.ok) throw new Error(base.message);
    const couponDiscount = Math.floor(base.order.itemsAmount * g.couponFraction * 0.5);
    const pointsUsed = Math.floor((base.order.itemsAmount - couponDiscount) * g.pointsFraction * 0.5);
    const usedAddresses = [...new Set(g.lines.map((l) => l.address))];
    const fee = shippingFeeFor(policy, { itemsAmount: base.order.itemsAmount, postcodes: usedAddresses.map((a) => g.postcodes[a] ?? '04524') });
    const priced = priceOrder({ lines, couponDiscount, pointsUsed, shippingFee: fee.total });
    if (!priced.ok) throw new Error(priced.message);
    const total = priced.order.total;
    return {
      policy,
      returnFee: g.returnFee,
      money: { couponDiscount, pointsUsed, shippingFee: fee.base, remoteShippingFee: fee.remote, feesAmount: 0 },
      items: priced.order.lines.map((l, i) => ({
        itemId: i + 1, unitAmount: l.unitPrice - l.gradeDiscountPerUnit, active: l.quantity, couponShare: l.couponShare, pointsShare: l.pointsShare, addressId: g.lines[i]?.address ?? 0,
      })),
      postcodes: new Map(g.postcodes.map((p, i) => [i, p])),
      // 'part': an additional payment is still open, so the buyer owes part of the total
      paid: g.paidShare === 'all' ? total : g.paidShare === 'none' ? 0 : Math.floor(total / 2),
      refunded: 0,
      totalRefunds: 0,
    };
  });

const totalOf = (o: SimOrder) => o.items.reduce((s, i) => s + i.active * i.unitAmount, 0) + o.money.shippingFee + o.money.remoteShippingFee + o.money.feesAmount - o.money.couponDiscount - o.money.pointsUsed;

function inputFor(o: SimOrder, claim: { kind: 'cancel' | 'return'; fault: 'buyer' | 'shop' | null; quantities: number[]; adjustments?: RefundAdjustments }): RefundInput {
  const claimed = o.items.flatMap((item, i) => {
    const q = Math.min(claim.quantities[i] ?? 0, item.active);
    return q > 0 ? [{ itemId: item.itemId, addressId: item.addressId, quantity: q }] : [];
  });
  return {
    kind: claim.kind,
    fault: claim.fault,
    policy: o.policy,
    returnShippingFee: o.returnFee,
    order: o.money,
    items: o.items.map((i) => ({ itemId: i.itemId, unitAmount: i.unitAmount, activeQuantity: i.active, couponShare: i.couponShare, pointsShare: i.pointsShare })),
    addresses: [...o.postcodes].map(([addressId, postcode]) => ({ addressId, postcode, activeQuantity: o.items.filter((i) => i.addressId === addressId).reduce((s, i) => s + i.active, 0) })),
    claimed,
    ledger: { orderTotal: totalOf(o), paid: o.paid, refunded: o.refunded, outstanding: 0 },
    adjustments: claim.adjustments,
  };
}

/** Applies a proposal the way the claims service does, and checks the ledger after it. */
function complete(o: SimOrder, input: RefundInput): boolean {
  const result = proposeRefund(input);
  if (!result.ok) return false;
  const p = result.proposal;
  // the explanation accounts for every won of every figure, and every line reads as words
  expect(explainedTotals(p.explanation)).toEqual({
    itemsAmount: p.itemsAmount, couponRemoved: p.couponRemoved, pointsRestored: p.pointsRestored,
    shippingChange: p.shippingChange, deduction: p.deduction, settlesBalanceDue: p.settlesBalanceDue,
  });
  for (const l of describeRefundExplanation(p.explanation, 'ko')) expect(l.text).not.toMatch(/undefined|NaN|\(을\)/);
  const before = totalOf(o);
  for (const c of input.claimed) {
    const item = o.items.find((i) => i.itemId === c.itemId);
    if (item) item.active -= c.quantity;
  }
  for (const s of p.shares) {
    const item = o.items.find((i) => i.itemId === s.itemId);
    if (item) Object.assign(item, { couponShare: s.couponShare, pointsShare: s.pointsShare });
  }
  o.money = { couponDiscount: p.after.couponDiscount, pointsUsed: p.after.pointsUsed, shippingFee: p.after.shippingFee, remoteShippingFee: p.after.remoteShippingFee, feesAmount: p.after.feesAmount };
  o.refunded += p.amount;
  o.totalRefunds += p.amount;

  const total = totalOf(o);
  expect(total).toBe(before - p.totalReduction);
  expect(p.after.orderTotal).toBe(total);
  const ledger = balanceOf({ orderTotal: total, payments: [{ status: 'captured', capturedAmount: o.paid, refundedAmount: o.refunded }] });
  expect(total - ledger.balanceDue).toBe(ledger.paid - ledger.refunded);
  expect(p.after.balanceDue).toBe(ledger.balanceDue);
  // the buyer is never left owed money a refund did not pay back, and never refunded beyond what they paid
  expect(ledger.balanceDue).toBeGreaterThanOrEqual(0);
  expect(o.totalRefunds).toBeLessThanOrEqual(o.paid);
  expect(p.amount).toBeGreaterThanOrEqual(0);
  for (const v of Object.values(o.money)) expect(v).toBeGreaterThanOrEqual(0);
  for (const i of o.items) {
    expect(Math.min(i.couponShare, i.pointsShare)).toBeGreaterThanOrEqual(0);
    expect(i.couponShare + i.pointsShare).toBeLessThanOrEqual(i.active * i.unitAmount);
  }
  expect(o.items.reduce((s, i) => s + i.couponShare, 0)).toBe(o.money.couponDiscount);
  expect(o.items.reduce((s, i) => s + i.pointsShare, 0)).toBe(o.money.pointsUsed);
  return true;
}

const stepArb = fc.record({
  quantities: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 4, maxLength: 4 }),
  kind: fc.constantFrom<'cancel' | 'return'>('cancel', 'return'),
  fault: fc.constantFrom<'buyer' | 'shop'>('buyer', 'shop'),
  adjust: fc.option(fc.record({ coupon: fc.double({ min: 0, max: 1, noNaN: true }), points: fc.double({ min: 0, max: 1, noNaN: true }), shipping: fc.integer({ min: -9000, max: 3000 }), deduction: fc.integer({ min: 0, max: 5000 }) }), { nil: undefined }),
});

describe('refunds over sequences of claims (property)', () => {
  it('keep the ledger, shares and refunds sound after every partial claim, with or without staff adjustments', () => {
    fc.assert(
      fc.property(orderArb, fc.array(stepArb, { minLength: 1, maxLength: 6 }), (order, steps) => {
        for (const step of steps) {
          const a = step.adjust;
          const adjustments = a && {
            couponRemoved: Math.floor(order.money.couponDiscount * a.coupon),
            pointsRestored: Math.floor(order.money.pointsUsed * a.points),
            shippingChange: Math.max(a.shipping, -(order.money.shippingFee + order.money.remoteShippingFee)),
            deduction: a.deduction,
          };
          const input = inputFor(order, { kind: step.kind, fault: step.kind === 'return' ? step.fault : null, quantities: step.quantities, adjustments });
          if (input.claimed.length > 0) complete(order, input);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('refund exactly what was paid once everything is cancelled, in any number of steps ("구매자는 한 번만 결제")', () => {
    fc.assert(
      fc.property(orderArb, fc.array(stepArb, { maxLength: 5 }), fc.boolean(), (order, steps, shopFaultReturns) => {
        for (const step of steps) {
          const input = inputFor(order, { kind: shopFaultReturns ? step.kind : 'cancel', fault: shopFaultReturns && step.kind === 'return' ? 'shop' : null, quantities: step.quantities });
          if (input.claimed.length > 0) expect(complete(order, input)).toBe(true);
        }
        const rest = inputFor(order, { kind: 'cancel', fault: null, quantities: order.items.map((i) => i.active) });
        if (rest.claimed.length > 0) expect(complete(order, rest)).toBe(true);
        expect(totalOf(order)).toBe(0);
        expect(order.totalRefunds).toBe(order.paid);
        expect(order.money).toEqual({ couponDiscount: 0, pointsUsed: 0, shippingFee: 0, remoteShippingFee: 0, feesAmount: 0 });
      }),
      { numRuns: 400 },
    );
  });
});
