import type { Lang } from '../http/errors';

const nf = new Intl.NumberFormat('ko-KR', { maximumFractionDigits: 2 });
const wonText = (amount: number, lang: Lang) => (lang === 'ko' ? `${nf.format(amount)}원` : `₩${nf.format(amount)}`);

export interface CouponRuleInput {
  kind: 'fixed' | 'rate';
  value: number;
  maxDiscount: number | null;
  minOrderAmount: number | null;
}

/** The discount of a coupon in words: "10% 할인 (최대 10,000원)", "3,000원 할인" (English: "10% off (up to ₩10,000)"). */
export function couponRuleText(rule: CouponRuleInput, lang: Lang): string {
  if (rule.kind === 'fixed') return lang === 'ko' ? `${wonText(rule.value, lang)} 할인` : `${wonText(rule.value, lang)} off`;
  const rate = lang === 'ko' ? `${nf.format(rule.value)}% 할인` : `${nf.format(rule.value)}% off`;
  if (rule.maxDiscount === null) return rate;
  return lang === 'ko' ? `${rate} (최대 ${wonText(rule.maxDiscount, lang)})` : `${rate} (up to ${wonText(rule.maxDiscount, lang)})`;
}

/** The coupon's minimum in words ("30,000원 이상 구매 시"), or null when it has none. */
export function couponMinOrderText(rule: CouponRuleInput, lang: Lang): string | null {
  if (rule.minOrderAmount === null || rule.minOrderAmount <= 0) return null;
  return lang === 'ko' ? `${wonText(rule.minOrderAmount, lang)} 이상 구매 시` : `on orders of ${wonText(rule.minOrderAmount, lang)} or more`;
}
