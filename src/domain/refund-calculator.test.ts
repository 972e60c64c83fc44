import { describe, expect, it } from 'vitest';
import { proposeRefund, type RefundInput } from './refund-calculator';
import { sharesTaken, spreadShareDelta } from './refund-shares';

const policy = { baseFee: 3000, freeThreshold: 50000, jejuFee: 3000, islandFee: 5000 };

/**
 * A member order: 골드 3% on 20,000원 ×3 (19,400 each) and 12,000원 ×1 (11,640), items 69,840,
 * shipped free to Seoul; coupon 6,984 and points 2,000 spread by pricing (see the shares).
 */
function memberOrder(overrides: Partial<RefundInput> = {}): RefundInput {
  return {
    kind: 'cancel',
    fault: null,
    policy,
    returnShippingFee: 3000,
    order: { couponDiscount: 6984, pointsUsed: 2000, shippingFee: 0, remoteShippingFee: 0, feesAmount: 0 },
    items: [
      { itemId: 1, unitAmount: 19400, activeQuantity: 3, couponShare: 5820, pointsShare: 1667 },
      { itemId: 2, unitAmount: 11640, activeQuantity: 1, couponShare: 1164, pointsShare: 333 },
    ],
    addresses: [{ addressId: 10, postcode: '04524', activeQuantity: 4 }],
    claimed: [{ itemId: 1, addressId: 10, quantity: 1 }],
    ledger: { orderTotal: 60856, paid: 60856, refunded: 0, outstanding: 0 },
    ...overrides,
  };
}

function propose(input: RefundInput) {
  const result = proposeRefund(input);
  if (!result.ok) throw new Error(`expected a proposal, got ${result.code}`);
  return result.proposal;
}

describe('proposeRefund', () => {
  it('gives back a partial cancel to the won: grade-discounted price less its coupon and points shares, less shipping now due', () => {
    const p = propose(memberOrder());
    // 19,400 − coupon 1,940 − points 556 (by pricing shares), then 50,440 left < 50,000? no: 50,440 stays free
    expect(p).toMatchObject({ itemsAmount: 19400, couponRemoved: 1940, pointsRestored: 556, shippingChange: 0, deduction: 0, amount: 16904, fullClaim: false });
    expect(p.after).toMatchObject({ couponDiscount: 5044, pointsUsed: 1444, orderTotal: 60856 - 16904, balanceDue: 0 });
    expect(p.shares).toEqual([{ itemId: 1, couponShare: 3880, pointsShare: 1111, couponDelta: -1940, pointsDelta: -556 }]);
  });

  it('charges the base fee when what stays falls under the free-shipping threshold', () => {
    const p = propose(memberOrder({ claimed: [{ itemId: 1, addressId: 10, quantity: 2 }] }));
    expect(p.itemsAmount).toBe(38800);
    expect(p.shippingChange).toBe(3000);
    expect(p.amount).toBe(38800 - p.couponRemoved - p.pointsRestored - 3000);
    expect(p.after.shippingFee).toBe(3000);
  });

  it('lets staff waive that shipping by hand, within bounds', () => {
    const p = propose(memberOrder({ claimed: [{ itemId: 1, addressId: 10, quantity: 2 }], adjustments: { shippingChange: 0 } }));
    expect(p).toMatchObject({ shippingChange: 0, adjusted: ['shippingChange'], proposed: { shippingChange: 3000 } });
    const tooLow = proposeRefund(memberOrder({ adjustments: { shippingChange: -1 } }));
    expect(tooLow).toMatchObject({ ok: false, code: 'REFUND_ADJUSTMENT_OUT_OF_RANGE', field: 'shippingChange', min: 0 });
    expect(proposeRefund(memberOrder({ adjustments: { couponRemoved: 7000 } }))).toMatchObject({ ok: false, field: 'couponRemoved', max: 6984 });
  });

  it('refunds everything on a full cancel, shipping and remote surcharge included', () => {
    const p = propose(
      memberOrder({
        order: { couponDiscount: 6984, pointsUsed: 2000, shippingFee: 3000, remoteShippingFee: 3000, feesAmount: 0 },
        addresses: [{ addressId: 10, postcode: '63122', activeQuantity: 4 }],
        claimed: [{ itemId: 1, addressId: 10, quantity: 3 }, { itemId: 2, addressId: 10, quantity: 1 }],
        ledger: { orderTotal: 66856, paid: 66856, refunded: 0, outstanding: 0 },
      }),
    );
    expect(p).toMatchObject({ fullClaim: true, couponRemoved: 6984, pointsRestored: 2000, shippingChange: -6000, amount: 66856 });
    expect(p.after).toMatchObject({ couponDiscount: 0, pointsUsed: 0, shippingFee: 0, remoteShippingFee: 0, orderTotal: 0, balanceDue: 0 });
  });

  it('refunds the surcharge of an address whose units are all gone', () => {
    const p = propose(
      memberOrder({
        order: { couponDiscount: 0, pointsUsed: 0, shippingFee: 0, remoteShippingFee: 3000, feesAmount: 0 },
        items: [
          { itemId: 1, unitAmount: 19400, activeQuantity: 3, couponShare: 0, pointsShare: 0 },
          { itemId: 2, unitAmount: 11640, activeQuantity: 1, couponShare: 0, pointsShare: 0 },
        ],
        addresses: [{ addressId: 10, postcode: '04524', activeQuantity: 3 }, { addressId: 11, postcode: '63122', activeQuantity: 1 }],
        claimed: [{ itemId: 2, addressId: 11, quantity: 1 }],
        ledger: { orderTotal: 72840, paid: 72840, refunded: 0, outstanding: 0 },
      }),
    );
    expect(p).toMatchObject({ shippingChange: -3000, remoteShippingChange: -3000, amount: 14640 });
  });

  it('keeps the return shipping of a buyer’s-fault return, both ways when the order shipped free', () => {
    const full = { claimed: [{ itemId: 1, addressId: 10, quantity: 3 }, { itemId: 2, addressId: 10, quantity: 1 }] };
    const free = propose(memberOrder({ kind: 'return', fault: 'buyer', ...full }));
    expect(free).toMatchObject({ deduction: 6000, shippingChange: 0 });
    expect(free.after.feesAmount).toBe(6000);
    const paidShipping = propose(
      memberOrder({ kind: 'return', fault: 'buyer', ...full, order: { couponDiscount: 6984, pointsUsed: 2000, shippingFee: 3000, remoteShippingFee: 0, feesAmount: 0 }, ledger: { orderTotal: 63856, paid: 63856, refunded: 0, outstanding: 0 } }),
    );
    // the outbound leg was performed and paid for: it stays; one leg back is kept
    expect(paidShipping).toMatchObject({ deduction: 3000, shippingChange: 0, amount: 63856 - 3000 - 3000 });
    const shop = propose(memberOrder({ kind: 'return', fault: 'shop' }));
    expect(shop.deduction).toBe(0);
  });

  it('never lets a proposed charge exceed what the claim gives back', () => {
    const cheap = memberOrder({
      kind: 'return',
      fault: 'buyer',
      items: [
        { itemId: 1, unitAmount: 2000, activeQuantity: 1, couponShare: 0, pointsShare: 0 },
        { itemId: 2, unitAmount: 60000, activeQuantity: 1, couponShare: 0, pointsShare: 0 },
      ],
      order: { couponDiscount: 0, pointsUsed: 0, shippingFee: 0, remoteShippingFee: 0, feesAmount: 0 },
      addresses: [{ addressId: 10, postcode: '04524', activeQuantity: 2 }],
      claimed: [{ itemId: 1, addressId: 10, quantity: 1 }],
      ledger: { orderTotal: 62000, paid: 62000, refunded: 0, outstanding: 0 },
    });
    const p = propose(cheap);
    expect(p).toMatchObject({ amount: 0, deduction: 2000, waived: { shipping: 0, deduction: 4000 } });
    expect(proposeRefund({ ...cheap, adjustments: { deduction: 2500 } })).toMatchObject({ ok: false, code: 'REFUND_NEGATIVE', amount: -500 });
  });

  it('refunds nothing on an unpaid order: the balance due falls instead', () => {
    const p = propose(memberOrder({ ledger: { orderTotal: 60856, paid: 0, refunded: 0, outstanding: 0 } }));
    expect(p).toMatchObject({ amount: 0, settlesBalanceDue: 16904, totalReduction: 16904 });
    expect(p.after).toMatchObject({ orderTotal: 43952, balanceDue: 43952 });
  });

  it('counts refunds already committed against what can be refunded', () => {
    const p = propose(memberOrder({ ledger: { orderTotal: 40000, paid: 60856, refunded: 0, outstanding: 20856 } }));
    expect(p.refundable).toBe(40000);
    expect(p.amount).toBe(16904);
    expect(p.after.balanceDue).toBe(0);
  });

  it('spreads coupon left on the order by staff over the items that stay', () => {
    const p = propose(memberOrder({ adjustments: { couponRemoved: 0, pointsRestored: 0 } }));
    expect(p.amount).toBe(19400);
    const total = (k: 'couponShare' | 'pointsShare') => p.shares.reduce((s, c) => s + c[k], 0) + (p.shares.some((c) => c.itemId === 2) ? 0 : memberOrder().items[1]![k]);
    expect([total('couponShare'), total('pointsShare')]).toEqual([6984, 2000]);
    const tooMuch = memberOrder({ claimed: [{ itemId: 1, addressId: 10, quantity: 3 }], adjustments: { couponRemoved: 0, pointsRestored: 0 } });
    expect(proposeRefund({ ...tooMuch, items: [tooMuch.items[0]!, { ...tooMuch.items[1]!, unitAmount: 5000, couponShare: 100, pointsShare: 0 }] })).toMatchObject({ ok: false, code: 'DISCOUNT_EXCEEDS_AMOUNT' });
  });
});

describe('sharesTaken and spreadShareDelta', () => {
  it('take the leaving units’ part and all of it with the last unit', () => {
    expect(sharesTaken({ couponShare: 1000, pointsShare: 500 }, 1, 3)).toEqual({ couponShare: 333, pointsShare: 167 });
    expect(sharesTaken({ couponShare: 667, pointsShare: 333 }, 2, 2)).toEqual({ couponShare: 667, pointsShare: 333 });
    expect(() => sharesTaken({ couponShare: 1, pointsShare: 1 }, 3, 2)).toThrow(RangeError);
  });

  it('spread within each item’s room and refuse what does not fit', () => {
    expect(spreadShareDelta(300, [{ amount: 1000, share: 900, otherShare: 0 }, { amount: 1000, share: 0, otherShare: 0 }])).toEqual([27, 273]);
    expect(spreadShareDelta(-300, [{ amount: 1000, share: 100, otherShare: 0 }, { amount: 1000, share: 200, otherShare: 0 }])).toEqual([-100, -200]);
    expect(spreadShareDelta(1, [{ amount: 0, share: 0, otherShare: 0 }])).toBeNull();
  });
});
