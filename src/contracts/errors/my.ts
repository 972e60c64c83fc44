import type { ErrorEntries } from './entries';

/** Error codes of the buyer's My Page (/api/v1/my/…); merged into ERROR_CATALOG (src/contracts/errors.ts). */
export const MY_PAGE_ERRORS = {
  HANDOFF_TOKEN_INVALID: {
    status: 401,
    ko: '로그인 링크가 올바르지 않거나 만료되었습니다. 쇼핑몰에서 다시 "내 주문"을 눌러 주세요.',
    en: 'The sign-in link is invalid or has expired. Open "My orders" from the shop again.',
  },
  GUEST_LOOKUP_FAILED: {
    status: 401,
    ko: '입력하신 정보와 일치하는 주문이 없습니다. 주문번호, 주문자 연락처(또는 이름), 주문 비밀번호를 확인해 주세요.',
    en: 'No order matches what you entered. Check the order number, the orderer’s phone number (or name) and the order password.',
  },
  GUEST_LOOKUP_THROTTLED: {
    status: 429,
    ko: '주문조회를 여러 번 잘못 입력하셨습니다. 잠시 후 다시 시도해 주세요.',
    en: 'Too many failed lookups. Try again in a moment.',
  },
  GUEST_LOOKUP_LOCKED: {
    status: 429,
    ko: '주문조회를 너무 많이 잘못 입력하셔서 잠시 잠겼습니다. 30분 뒤 다시 시도하시거나 고객센터로 문의해 주세요.',
    en: 'Lookups are locked for a while after too many failures. Try again in 30 minutes or contact the shop.',
  },
  PAYMENT_REQUEST_EXPIRED: { status: 422, ko: '결제기한이 지난 추가 결제 요청입니다. 쇼핑몰에 문의해 주세요.', en: 'This payment request is past its due date. Contact the shop.' },
  PAYMENT_CHECKOUT_NOT_FOUND: { status: 404, ko: '결제 시도를 찾을 수 없습니다. 처음부터 다시 결제해 주세요.', en: 'The payment attempt was not found. Start the payment again.' },
  PAYMENT_CHECKOUT_AMOUNT_MISMATCH: {
    status: 422,
    ko: '결제 금액이 요청 금액과 다릅니다. 결제하지 않았습니다.',
    en: 'The payment amount differs from the requested amount. Nothing was charged.',
  },
  PAYMENT_DECLINED: { status: 422, ko: '결제가 승인되지 않았습니다.', en: 'The payment was declined.' },
  PAYMENT_GATEWAY_UNAVAILABLE: {
    status: 503,
    ko: 'PG사가 응답하지 않아 결제 결과를 확인하지 못했습니다. 잠시 후 다시 시도해 주세요. 두 번 결제되지는 않습니다.',
    en: 'The payment gateway did not answer, so the payment could not be confirmed. Try again shortly; you will not be charged twice.',
  },
  PAYMENT_VOIDED: {
    status: 409,
    ko: '결제가 승인되었지만 요청이 더 이상 결제 대상이 아니어서 결제를 바로 취소했습니다. 청구되지 않습니다.',
    en: 'The payment was approved, but the request was no longer payable, so the payment was cancelled at once. You are not charged.',
  },
  RETURN_WINDOW_CLOSED: {
    status: 422,
    ko: '반품·교환 신청 기간이 지났습니다. 쇼핑몰 고객센터로 문의해 주세요.',
    en: 'The return and exchange period has passed. Contact the shop.',
  },
  BUYER_CLAIM_NOT_ALLOWED: {
    status: 422,
    ko: '이 상품은 지금 상태에서 신청할 수 없습니다.',
    en: 'These items cannot be claimed in their current status.',
  },
  PURCHASE_CONFIRM_NOT_ALLOWED: { status: 422, ko: '배송완료된 상품만 구매확정할 수 있습니다.', en: 'Only delivered items can be confirmed.' },
  // paying a request: a checkout already finished
  PAYMENT_CHECKOUT_CLOSED: {
    status: 409,
    ko: '이미 끝난 결제 시도입니다. 결제가 필요하면 주문 화면에서 다시 결제해 주세요.',
    en: 'This payment attempt is already over. To pay, start again from the order page.',
  },
  // units an edit added, waiting for their payment
  HELD_FOR_ADDITIONAL_PAYMENT: {
    status: 422,
    ko: '추가 결제 대기 중인 상품입니다. 구매자가 추가 결제를 마치면 결제완료로 바뀝니다.',
    en: 'These items wait for an additional payment. They become paid once the buyer has paid it.',
  },
} as const satisfies ErrorEntries;
