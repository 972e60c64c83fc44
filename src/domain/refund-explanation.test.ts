import { describe, expect, it } from 'vitest';
import { proposeRefund, type RefundInput } from './refund-calculator';
import { explainedTotals, type RefundReasonLine } from './refund-explanation';
import { describeRefundExplanation, describeRefundReason } from './refund-explanation-text';

const policy = { baseFee: 3000, freeThreshold: 50000, jejuFee: 3000, islandFee: 5000 };

/** 니트 40,000원 and 양말 20,000원 shipped free to Seoul, paid in full; points 1,000 spread 667/333 … as given. */
function order(overrides: Partial<RefundInput> = {}): RefundInput {
  return {
    kind: 'cancel',
    fault: null,
    policy,
    returnShippingFee: 3000,
    order: { couponDiscount: 0, pointsUsed: 0, shippingFee: 0, remoteShippingFee: 0, feesAmount: 0 },
    items: [
      { itemId: 1, name: '니트 (M)', unitAmount: 40000, activeQuantity: 1, couponShare: 0, pointsShare: 0 },
      { itemId: 2, name: '양말', unitAmount: 20000, activeQuantity: 1, couponShare: 0, pointsShare: 0 },
    ],
    addresses: [{ addressId: 10, postcode: '04524', activeQuantity: 2 }],
    claimed: [{ itemId: 2, addressId: 10, quantity: 1 }],
    ledger: { orderTotal: 60000, paid: 60000, refunded: 0, outstanding: 0 },
    ...overrides,
  };
}

function explain(input: RefundInput) {
  const result = proposeRefund(input);
  if (!result.ok) throw new Error(`expected a proposal, got ${result.code}`);
  const p = result.proposal;
  // the lines of each component always add up to it
  expect(explainedTotals(p.explanation)).toEqual({
    itemsAmount: p.itemsAmount, couponRemoved: p.couponRemoved, pointsRestored: p.pointsRestored,
    shippingChange: p.shippingChange, deduction: p.deduction, settlesBalanceDue: p.settlesBalanceDue,
  });
  return { p, ko: describeRefundExplanation(p.explanation, 'ko').map((l) => l.text), en: describeRefundExplanation(p.explanation, 'en').map((l) => l.text) };
}

describe('refund explanations from the calculator', () => {
  it('charges shipping when what stays falls under the threshold, in those words', () => {
    const { p, ko, en } = explain(order());
    expect(p.explanation).toContainEqual({ component: 'shippingChange', code: 'shipping_now_due', remaining: 40000, threshold: 50000, fee: 3000, amount: 3000 });
    expect(ko).toEqual(['양말 1개를 취소합니다 (개당 20,000원 × 1 = 20,000원)', '남은 상품 40,000원이 무료배송 기준 50,000원 미만이 되어 배송비 3,000원을 부과합니다']);
    expect(en[1]).toBe('The remaining items, 40,000원, fall below the free-shipping threshold of 50,000원, so a shipping fee of 3,000원 is charged');
  });

  it('keeps round-trip shipping on a buyer’s-fault return of an order shipped free', () => {
    const { p, ko, en } = explain(order({ kind: 'return', fault: 'buyer', claimed: [{ itemId: 1, addressId: 10, quantity: 1 }, { itemId: 2, addressId: 10, quantity: 1 }] }));
    expect(p).toMatchObject({ deduction: 6000, shippingChange: 0, amount: 54000 });
    expect(ko).toContain('구매자 귀책 반품: 왕복 배송비 6,000원 차감');
    expect(ko[0]).toBe('니트 (M) 1개를 반품합니다 (개당 40,000원 × 1 = 40,000원)');
    expect(en).toContain("Return by the buyer's fault: round-trip shipping of 6,000원 deducted");
  });

  it('gives back the item’s share of the points used', () => {
    const items = order().items.map((i) => (i.itemId === 2 ? { ...i, pointsShare: 473 } : { ...i, pointsShare: 527 }));
    const { ko, en } = explain(order({ items, order: { couponDiscount: 0, pointsUsed: 1000, shippingFee: 0, remoteShippingFee: 0, feesAmount: 0 }, ledger: { orderTotal: 59000, paid: 59000, refunded: 0, outstanding: 0 } }));
    expect(ko).toContain('사용한 적립금 중 이 품목의 몫 473원을 적립금으로 돌려드립니다');
    expect(en).toContain("This item's share of the points used, 473원, goes back to the points balance");
  });

  it('explains a full cancel: the whole coupon and points, the shipping and the island surcharge', () => {
    const { p, ko } = explain(
      order({
        order: { couponDiscount: 5000, pointsUsed: 1000, shippingFee: 3000, remoteShippingFee: 3000, feesAmount: 0 },
        items: order().items.map((i) => ({ ...i, couponShare: i.itemId === 1 ? 3333 : 1667, pointsShare: i.itemId === 1 ? 667 : 333 })),
        addresses: [{ addressId: 10, postcode: '63122', activeQuantity: 2 }],
        claimed: [{ itemId: 1, addressId: 10, quantity: 1 }, { itemId: 2, addressId: 10, quantity: 1 }],
        ledger: { orderTotal: 60000, paid: 60000, refunded: 0, outstanding: 0 },
      }),
    );
    expect(p.explanation.map((l) => l.code)).toEqual(['items_claimed', 'items_claimed', 'coupon_removed_whole', 'points_restored_whole', 'shipping_refunded', 'remote_fee_refunded']);
    expect(ko.slice(2)).toEqual([
      '남는 상품이 없어 쿠폰 할인 5,000원 전체를 환불 금액에서 뺍니다',
      '남는 상품이 없어 사용한 적립금 1,000원 전체를 적립금으로 돌려드립니다',
      '남는 상품이 없어 배송비 3,000원을 돌려드립니다',
      '남는 상품이 없는 배송지의 제주·도서산간 추가 배송비 3,000원을 돌려드립니다',
    ]);
  });

  it('says what was waived so that the claim never costs more than it gives back', () => {
    const cheap = order({
      kind: 'return',
      fault: 'buyer',
      items: [
        { itemId: 1, name: '스티커', unitAmount: 2000, activeQuantity: 1, couponShare: 0, pointsShare: 0 },
        { itemId: 2, name: '코트', unitAmount: 60000, activeQuantity: 1, couponShare: 0, pointsShare: 0 },
      ],
      claimed: [{ itemId: 1, addressId: 10, quantity: 1 }],
      ledger: { orderTotal: 62000, paid: 62000, refunded: 0, outstanding: 0 },
    });
    const { p, ko } = explain(cheap);
    expect(p.deduction).toBe(2000);
    expect(ko.slice(1)).toEqual(['구매자 귀책 반품: 왕복 배송비 6,000원 차감', '환불할 금액을 넘는 차감액 4,000원은 차감하지 않습니다']);
    // under the threshold, with a cheap item: the shipping now due is cut to what the claim gives back
    const under = explain(order({ items: [{ ...cheap.items[0]!, activeQuantity: 1 }, { ...cheap.items[1]!, unitAmount: 30000 }], claimed: [{ itemId: 1, addressId: 10, quantity: 1 }], ledger: { orderTotal: 32000, paid: 32000, refunded: 0, outstanding: 0 } }));
    expect(under.p.shippingChange).toBe(2000);
    expect(under.ko.slice(1)).toEqual(['남은 상품 30,000원이 무료배송 기준 50,000원 미만이 되어 배송비 3,000원을 부과합니다', '환불할 금액을 넘는 배송비 1,000원은 받지 않습니다']);
  });

  it('names a staff adjustment beside the proposal it changed', () => {
    const { p, ko, en } = explain(order({ adjustments: { shippingChange: 0 } }));
    expect(p.shippingChange).toBe(0);
    expect(ko.slice(1)).toEqual(['남은 상품 40,000원이 무료배송 기준 50,000원 미만이 되어 배송비 3,000원을 부과합니다', '직원이 조정: 배송비 부과 3,000원 → 0원']);
    expect(en[2]).toBe('Adjusted by staff: shipping charged 3,000원 → 0원');
  });

  it('says which part lowered what the buyer still owed instead of being paid back', () => {
    const { p, ko, en } = explain(order({ ledger: { orderTotal: 60000, paid: 50000, refunded: 0, outstanding: 0 } }));
    expect(p).toMatchObject({ settlesBalanceDue: 10000, amount: 7000 });
    expect(ko).toContain('아직 결제하지 않은 10,000원 중 10,000원은 환불하지 않고 결제할 금액에서 뺍니다');
    expect(en).toContain('The buyer still owed 10,000원: 10,000원 lowers that instead of being paid back');
  });
});

/** Every code in both languages, for the figures given. */
const EVERY_CODE: Array<[RefundReasonLine, string, string]> = [
  [{ component: 'itemsAmount', code: 'items_claimed', claimKind: 'cancel', itemId: 7, name: null, quantity: 2, unitAmount: 19400, amount: 38800 }, '품목 #7 2개를 취소합니다 (개당 19,400원 × 2 = 38,800원)', 'Cancelled: item #7 × 2 at 19,400원 each, 38,800원'],
  [{ component: 'itemsAmount', code: 'items_claimed', claimKind: 'return', itemId: 7, name: '사과', quantity: 3, unitAmount: 1000, amount: 3000 }, '사과 3개를 반품합니다 (개당 1,000원 × 3 = 3,000원)', 'Returned: 사과 × 3 at 1,000원 each, 3,000원'],
  [{ component: 'couponRemoved', code: 'coupon_share_removed', amount: 1940 }, '적용된 쿠폰 할인 중 이 품목의 몫 1,940원을 환불 금액에서 뺍니다', "This item's share of the coupon discount, 1,940원, is taken off the refund"],
  [{ component: 'couponRemoved', code: 'coupon_removed_whole', amount: 6984 }, '남는 상품이 없어 쿠폰 할인 6,984원 전체를 환불 금액에서 뺍니다', 'Nothing is left in the order, so the whole coupon discount of 6,984원 is taken off the refund'],
  [{ component: 'pointsRestored', code: 'points_share_restored', amount: 473 }, '사용한 적립금 중 이 품목의 몫 473원을 적립금으로 돌려드립니다', "This item's share of the points used, 473원, goes back to the points balance"],
  [{ component: 'pointsRestored', code: 'points_restored_whole', amount: 2000 }, '남는 상품이 없어 사용한 적립금 2,000원 전체를 적립금으로 돌려드립니다', 'Nothing is left in the order, so all 2,000원 of points used go back to the points balance'],
  [{ component: 'shippingChange', code: 'shipping_refunded', because: 'cancel', fee: 3000, amount: -3000 }, '남는 상품이 없어 배송비 3,000원을 돌려드립니다', 'Nothing is left in the order, so the shipping fee of 3,000원 is refunded'],
  [{ component: 'shippingChange', code: 'shipping_refunded', because: 'shop_fault', fee: 2500, amount: -2500 }, '판매자 귀책 반품으로 남는 상품이 없어 배송비 2,500원을 돌려드립니다', "A return by the shop's fault leaves nothing in the order, so the shipping fee of 2,500원 is refunded"],
  [{ component: 'shippingChange', code: 'remote_fee_refunded', fee: 5000, amount: -5000 }, '남는 상품이 없는 배송지의 제주·도서산간 추가 배송비 5,000원을 돌려드립니다', 'No item is left for a Jeju or island address, so its extra shipping of 5,000원 is refunded'],
  [{ component: 'shippingChange', code: 'shipping_now_due', remaining: 40000, threshold: 50000, fee: 3000, amount: 3000 }, '남은 상품 40,000원이 무료배송 기준 50,000원 미만이 되어 배송비 3,000원을 부과합니다', 'The remaining items, 40,000원, fall below the free-shipping threshold of 50,000원, so a shipping fee of 3,000원 is charged'],
  [{ component: 'shippingChange', code: 'shipping_now_due', remaining: 12000, threshold: null, fee: 2500, amount: 2500 }, '남은 상품 12,000원이 무료배송 대상이 아니어서 배송비 2,500원을 부과합니다', 'The remaining items, 12,000원, do not ship free, so a shipping fee of 2,500원 is charged'],
  [{ component: 'shippingChange', code: 'shipping_waived', waived: 1000, amount: -1000 }, '환불할 금액을 넘는 배송비 1,000원은 받지 않습니다', '1,000원 of that shipping is not charged: it would exceed what there is to refund'],
  [{ component: 'deduction', code: 'return_shipping_deducted', fault: 'buyer', legs: 2, fee: 6000, amount: 6000 }, '구매자 귀책 반품: 왕복 배송비 6,000원 차감', "Return by the buyer's fault: round-trip shipping of 6,000원 deducted"],
  [{ component: 'deduction', code: 'return_shipping_deducted', fault: 'buyer', legs: 1, fee: 3000, amount: 3000 }, '구매자 귀책 반품: 반품 배송비 3,000원 차감', "Return by the buyer's fault: return shipping of 3,000원 deducted"],
  [{ component: 'deduction', code: 'deduction_waived', waived: 4000, amount: -4000 }, '환불할 금액을 넘는 차감액 4,000원은 차감하지 않습니다', '4,000원 of that deduction is not taken: it would exceed what there is to refund'],
  [{ component: 'settlesBalanceDue', code: 'balance_due_settled', owed: 12000, amount: 9000 }, '아직 결제하지 않은 12,000원 중 9,000원은 환불하지 않고 결제할 금액에서 뺍니다', 'The buyer still owed 12,000원: 9,000원 lowers that instead of being paid back'],
  [{ component: 'deduction', code: 'staff_adjusted', proposed: 6000, value: 3000, amount: -3000 }, '직원이 조정: 차감 6,000원 → 3,000원', 'Adjusted by staff: deduction 6,000원 → 3,000원'],
  [{ component: 'shippingChange', code: 'staff_adjusted', proposed: 0, value: -3000, amount: -3000 }, '직원이 조정: 배송비 0원 → 환불 3,000원', 'Adjusted by staff: shipping 0원 → refunded 3,000원'],
  [{ component: 'couponRemoved', code: 'staff_adjusted', proposed: 1940, value: 0, amount: -1940 }, '직원이 조정: 쿠폰 할인 1,940원 → 0원', 'Adjusted by staff: coupon discount 1,940원 → 0원'],
  [{ component: 'pointsRestored', code: 'staff_adjusted', proposed: 556, value: 1000, amount: 444 }, '직원이 조정: 적립금 환원 556원 → 1,000원', 'Adjusted by staff: points given back 556원 → 1,000원'],
];

describe('refund explanation sentences', () => {
  it.each(EVERY_CODE)('%j', (line, ko, en) => {
    expect(describeRefundReason(line, 'ko')).toBe(ko);
    expect(describeRefundReason(line, 'en')).toBe(en);
  });

  it('chooses the particle by the last sound: 사과를, 귤을', () => {
    const line = (name: string, quantity: number): RefundReasonLine => ({ component: 'itemsAmount', code: 'items_claimed', claimKind: 'cancel', itemId: 1, name, quantity, unitAmount: 100, amount: 100 * quantity });
    expect(describeRefundReason(line('귤', 2), 'ko')).toMatch(/^귤 2개를/);
    expect(describeRefundReason({ component: 'pointsRestored', code: 'points_share_restored', amount: 1000 }, 'ko')).toContain('1,000원을');
  });
});
