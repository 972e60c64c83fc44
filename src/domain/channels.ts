/** Sales channels as staff and buyers read them; the codes are what storefronts and markets send. */
export const SALES_CHANNEL_LABELS: Record<string, { ko: string; en: string }> = {
  own_mall: { ko: '자사몰', en: 'Own mall' },
  naver_smartstore: { ko: '네이버 스마트스토어', en: 'Naver Smart Store' },
  coupang: { ko: '쿠팡', en: 'Coupang' },
  kakao_gift: { ko: '카카오톡 선물하기', en: 'Kakao Gift' },
  eleven_st: { ko: '11번가', en: '11st' },
  gmarket: { ko: 'G마켓', en: 'Gmarket' },
  other: { ko: '기타', en: 'Other' },
};

/** A channel's label; an unknown code (a channel added later) shows as itself rather than nothing. */
export function channelLabel(code: string, lang: 'ko' | 'en'): string {
  return SALES_CHANNEL_LABELS[code]?.[lang] ?? code;
}
