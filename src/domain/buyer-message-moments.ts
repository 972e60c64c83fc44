/**
 * The moments a buyer is told about, the channels a message can take, and the variables each
 * moment's templates may use. Plain data: the settings screen, the template check, the queue and
 * the README all read these lists.
 */

export const BUYER_MOMENTS = [
  'order_received',
  'deposit_confirmed',
  'payment_requested',
  'shipped',
  'cancel_accepted',
  'return_accepted',
  'exchange_accepted',
  'refund_completed',
  'exchange_shipped',
  'purchase_auto_confirmed',
  'unpaid_cancelled',
] as const;
export type BuyerMoment = (typeof BUYER_MOMENTS)[number];

/**
 * `alimtalk`: KakaoTalk 알림톡, falling back to SMS/LMS where the provider could not deliver it;
 * `sms`: a text message only (a shop without a Kakao channel); `email`.
 */
export const MESSAGE_CHANNELS = ['alimtalk', 'sms', 'email'] as const;
export type MessageChannel = (typeof MESSAGE_CHANNELS)[number];

export const MOMENT_LABELS: Record<BuyerMoment, { ko: string; en: string }> = {
  order_received: { ko: '주문 접수', en: 'Order received' },
  deposit_confirmed: { ko: '입금 확인', en: 'Deposit confirmed' },
  payment_requested: { ko: '추가 결제 요청', en: 'Additional payment requested' },
  shipped: { ko: '배송 시작', en: 'Shipped' },
  cancel_accepted: { ko: '취소 완료', en: 'Cancel accepted' },
  return_accepted: { ko: '반품 접수 승인', en: 'Return accepted' },
  exchange_accepted: { ko: '교환 접수 승인', en: 'Exchange accepted' },
  refund_completed: { ko: '환불 완료', en: 'Refund completed' },
  exchange_shipped: { ko: '교환 상품 발송', en: 'Exchange shipped' },
  purchase_auto_confirmed: { ko: '자동 구매확정', en: 'Purchase auto-confirmed' },
  unpaid_cancelled: { ko: '미입금 자동 취소', en: 'Unpaid order cancelled' },
};

export const CHANNEL_LABELS: Record<MessageChannel, { ko: string; en: string }> = {
  alimtalk: { ko: '알림톡', en: 'KakaoTalk AlimTalk' },
  sms: { ko: '문자', en: 'SMS' },
  email: { ko: '이메일', en: 'E-mail' },
};

/** Every message may use these. */
const COMMON_VARIABLES = ['쇼핑몰명', '주문번호', '주문자명', '주문조회링크', '고객센터'] as const;

/** What each moment adds to the common variables (the figures the buyer needs at that moment). */
const MOMENT_VARIABLES: Record<BuyerMoment, readonly string[]> = {
  order_received: ['상품명', '결제금액', '결제수단', '입금안내', '입금은행', '입금계좌', '예금주', '입금금액', '입금기한'],
  deposit_confirmed: ['상품명', '입금금액'],
  payment_requested: ['요청금액', '요청사유', '결제기한', '결제링크'],
  shipped: ['상품명', '택배사', '송장번호', '배송조회링크'],
  cancel_accepted: ['상품명', '사유'],
  return_accepted: ['상품명', '사유'],
  exchange_accepted: ['상품명', '사유'],
  refund_completed: ['환불금액', '환불방법'],
  exchange_shipped: ['상품명', '택배사', '송장번호', '배송조회링크'],
  purchase_auto_confirmed: ['상품명'],
  unpaid_cancelled: ['상품명', '주문금액', '입금기한'],
};

export function variablesOf(moment: BuyerMoment): readonly string[] {
  return [...COMMON_VARIABLES, ...MOMENT_VARIABLES[moment]];
}

/** Which channels a moment uses: a shop's switches, one per moment and channel. */
export type MomentSwitches = Record<BuyerMoment, Record<MessageChannel, boolean>>;

/** 알림톡 (SMS where it cannot be delivered) and e-mail for every moment; SMS alone only when a shop turns it on. */
export function defaultMomentSwitches(): MomentSwitches {
  return Object.fromEntries(BUYER_MOMENTS.map((m) => [m, { alimtalk: true, sms: false, email: true }])) as MomentSwitches;
}

/** Stored switches over the defaults: a moment added later starts on, unknown keys are dropped. */
export function mergeMomentSwitches(stored: unknown): MomentSwitches {
  const out = defaultMomentSwitches();
  if (!stored || typeof stored !== 'object') return out;
  for (const moment of BUYER_MOMENTS) {
    const entry = (stored as Record<string, unknown>)[moment];
    if (!entry || typeof entry !== 'object') continue;
    for (const channel of MESSAGE_CHANNELS) {
      const on = (entry as Record<string, unknown>)[channel];
      if (typeof on === 'boolean') out[moment][channel] = on;
    }
  }
  return out;
}
