/**
 * The reasons a buyer (or staff) gives for a cancel, return or exchange, kept as codes so they can
 * be counted and filtered. The reason decides who is at fault for a return or exchange, and so who
 * pays its shipping: a change of mind is the buyer's, a defect, a wrong item or a late delivery
 * the shop's. "기타" carries the buyer's own words and counts as the buyer's.
 */
export const CLAIM_REASON_CODES = ['change_of_mind', 'defective', 'wrong_item', 'late_delivery', 'other'] as const;
export type ClaimReasonCode = (typeof CLAIM_REASON_CODES)[number];

export const CLAIM_REASON_LABELS: Record<ClaimReasonCode, { ko: string; en: string }> = {
  change_of_mind: { ko: '단순 변심', en: 'Changed my mind' },
  defective: { ko: '상품 불량', en: 'Defective item' },
  wrong_item: { ko: '오배송', en: 'Wrong item delivered' },
  late_delivery: { ko: '배송 지연', en: 'Late delivery' },
  other: { ko: '기타', en: 'Other' },
};

export function faultOfReason(code: ClaimReasonCode): 'buyer' | 'shop' {
  return code === 'defective' || code === 'wrong_item' || code === 'late_delivery' ? 'shop' : 'buyer';
}

/** The reason as the timeline and staff read it: the label, and the buyer's words after it. */
export function claimReasonText(code: ClaimReasonCode, text: string | null | undefined, lang: 'ko' | 'en'): string {
  const label = CLAIM_REASON_LABELS[code][lang];
  const words = text?.trim();
  return words ? `${label}: ${words}` : label;
}
