/**
 * The refund explanation in words, Korean or English: one sentence per line, rendered on read so a
 * stored refund reads in the language of whoever asks. Particles after amounts and names come from
 * withParticle (3,000원을, 사과를), never "(을)를".
 */
import { withParticle } from './korean-particles';
import { formatWon } from './money';
import type { AdjustableComponent, RefundReasonLine } from './refund-explanation';

export type ExplanationLang = 'ko' | 'en';

const FIELD_LABELS: Record<AdjustableComponent, { ko: string; en: string }> = {
  couponRemoved: { ko: '쿠폰 할인', en: 'coupon discount' },
  pointsRestored: { ko: '적립금 환원', en: 'points given back' },
  shippingChange: { ko: '배송비', en: 'shipping' },
  deduction: { ko: '차감', en: 'deduction' },
};

/** A shipping figure reads as what happens to it; the others are plain amounts. */
function adjustedValue(field: AdjustableComponent, value: number, lang: ExplanationLang): string {
  if (field !== 'shippingChange' || value === 0) return formatWon(value);
  if (lang === 'ko') return `${value < 0 ? '환불' : '부과'} ${formatWon(Math.abs(value))}`;
  return `${value < 0 ? 'refunded' : 'charged'} ${formatWon(Math.abs(value))}`;
}

function korean(l: RefundReasonLine): string {
  const won = formatWon;
  const obj = (n: number) => withParticle(won(n), '을/를');
  switch (l.code) {
    case 'items_claimed': {
      const name = l.name ?? `품목 #${l.itemId}`;
      return `${name} ${withParticle(`${l.quantity}개`, '을/를')} ${l.claimKind === 'cancel' ? '취소' : '반품'}합니다 (개당 ${won(l.unitAmount)} × ${l.quantity} = ${won(l.amount)})`;
    }
    case 'coupon_share_removed':
      return `적용된 쿠폰 할인 중 이 품목의 몫 ${obj(l.amount)} 환불 금액에서 뺍니다`;
    case 'coupon_removed_whole':
      return `남는 상품이 없어 쿠폰 할인 ${won(l.amount)} 전체를 환불 금액에서 뺍니다`;
    case 'points_share_restored':
      return `사용한 적립금 중 이 품목의 몫 ${obj(l.amount)} 적립금으로 돌려드립니다`;
    case 'points_restored_whole':
      return `남는 상품이 없어 사용한 적립금 ${won(l.amount)} 전체를 적립금으로 돌려드립니다`;
    case 'shipping_refunded':
      return `${l.because === 'cancel' ? '남는 상품이 없어' : '판매자 귀책 반품으로 남는 상품이 없어'} 배송비 ${obj(l.fee)} 돌려드립니다`;
    case 'remote_fee_refunded':
      return `남는 상품이 없는 배송지의 제주·도서산간 추가 배송비 ${obj(l.fee)} 돌려드립니다`;
    case 'shipping_now_due':
      return l.threshold === null
        ? `남은 상품 ${withParticle(won(l.remaining), '이/가')} 무료배송 대상이 아니어서 배송비 ${obj(l.fee)} 부과합니다`
        : `남은 상품 ${withParticle(won(l.remaining), '이/가')} 무료배송 기준 ${won(l.threshold)} 미만이 되어 배송비 ${obj(l.fee)} 부과합니다`;
    case 'shipping_waived':
      return `환불할 금액을 넘는 배송비 ${withParticle(won(l.waived), '은/는')} 받지 않습니다`;
    case 'return_shipping_deducted':
      return `구매자 귀책 반품: ${l.legs === 2 ? '왕복' : '반품'} 배송비 ${won(l.fee)} 차감`;
    case 'deduction_waived':
      return `환불할 금액을 넘는 차감액 ${withParticle(won(l.waived), '은/는')} 차감하지 않습니다`;
    case 'balance_due_settled':
      return `아직 결제하지 않은 ${won(l.owed)} 중 ${withParticle(won(l.amount), '은/는')} 환불하지 않고 결제할 금액에서 뺍니다`;
    case 'staff_adjusted':
      return `직원이 조정: ${FIELD_LABELS[l.component].ko} ${adjustedValue(l.component, l.proposed, 'ko')} → ${adjustedValue(l.component, l.value, 'ko')}`;
  }
}

function english(l: RefundReasonLine): string {
  const won = formatWon;
  switch (l.code) {
    case 'items_claimed':
      return `${l.claimKind === 'cancel' ? 'Cancelled' : 'Returned'}: ${l.name ?? `item #${l.itemId}`} × ${l.quantity} at ${won(l.unitAmount)} each, ${won(l.amount)}`;
    case 'coupon_share_removed':
      return `This item's share of the coupon discount, ${won(l.amount)}, is taken off the refund`;
    case 'coupon_removed_whole':
      return `Nothing is left in the order, so the whole coupon discount of ${won(l.amount)} is taken off the refund`;
    case 'points_share_restored':
      return `This item's share of the points used, ${won(l.amount)}, goes back to the points balance`;
    case 'points_restored_whole':
      return `Nothing is left in the order, so all ${won(l.amount)} of points used go back to the points balance`;
    case 'shipping_refunded':
      return `${l.because === 'cancel' ? 'Nothing is left in the order' : "A return by the shop's fault leaves nothing in the order"}, so the shipping fee of ${won(l.fee)} is refunded`;
    case 'remote_fee_refunded':
      return `No item is left for a Jeju or island address, so its extra shipping of ${won(l.fee)} is refunded`;
    case 'shipping_now_due':
      return l.threshold === null
        ? `The remaining items, ${won(l.remaining)}, do not ship free, so a shipping fee of ${won(l.fee)} is charged`
        : `The remaining items, ${won(l.remaining)}, fall below the free-shipping threshold of ${won(l.threshold)}, so a shipping fee of ${won(l.fee)} is charged`;
    case 'shipping_waived':
      return `${won(l.waived)} of that shipping is not charged: it would exceed what there is to refund`;
    case 'return_shipping_deducted':
      return `Return by the buyer's fault: ${l.legs === 2 ? 'round-trip' : 'return'} shipping of ${won(l.fee)} deducted`;
    case 'deduction_waived':
      return `${won(l.waived)} of that deduction is not taken: it would exceed what there is to refund`;
    case 'balance_due_settled':
      return `The buyer still owed ${won(l.owed)}: ${won(l.amount)} lowers that instead of being paid back`;
    case 'staff_adjusted':
      return `Adjusted by staff: ${FIELD_LABELS[l.component].en} ${adjustedValue(l.component, l.proposed, 'en')} → ${adjustedValue(l.component, l.value, 'en')}`;
  }
}

/** One line in words. */
export function describeRefundReason(line: RefundReasonLine, lang: ExplanationLang): string {
  return lang === 'ko' ? korean(line) : english(line);
}

/** Every line with its sentence, in order, for the dialog and the refund's record. */
export function describeRefundExplanation<L extends RefundReasonLine>(lines: readonly L[], lang: ExplanationLang): Array<L & { text: string }> {
  return lines.map((l) => ({ ...l, text: describeRefundReason(l, lang) }));
}
