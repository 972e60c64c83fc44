import type { ErrorEntries } from './entries';

/**
 * Error codes of the claims operations; merged into ERROR_CATALOG (src/contracts/errors.ts).
 * Shared codes (TRANSITION_NOT_ALLOWED, QUANTITY_EXCEEDS_AVAILABLE, REVERT_NEEDS_MONEY,
 * SHIPMENT_GROUP_NOT_FOUND, ITEM_NOT_IN_SHIPMENT_GROUP) live in the fulfillment catalog and are
 * used from there, so one code never carries two messages.
 */
export const CLAIM_ERRORS = {
  CLAIM_REASON_REQUIRED: {
    status: 400,
    ko: '사유를 선택하세요 (단순 변심, 상품 불량, 오배송, 배송 지연, 기타).',
    en: 'Choose a reason (changed my mind, defective, wrong item, late delivery, other).',
  },
  CLAIM_REASON_TEXT_REQUIRED: { status: 400, ko: '사유가 기타이면 내용을 입력하세요.', en: 'A reason of "other" needs the reason in words (reasonText).' },
  CLAIM_NOT_FOUND: { status: 404, ko: '클레임(취소·반품·교환)을 찾을 수 없습니다.', en: 'The claim (cancel, return or exchange) was not found.' },
  REFUND_NOT_FOUND: { status: 404, ko: '환불 내역을 찾을 수 없습니다.', en: 'The refund was not found.' },
  REFUND_EXCEEDS_REFUNDABLE: {
    status: 422,
    ko: '환불 금액이 환불 가능한 금액(결제 금액 − 환불된 금액 − 진행 중인 환불)보다 큽니다.',
    en: 'The refund exceeds what can be refunded (paid − refunded − refunds in progress).',
  },
  REFUND_NEGATIVE: {
    status: 422,
    ko: '차감 금액이 돌려줄 금액보다 커서 환불 금액이 음수가 됩니다. 배송비나 차감 금액을 줄이세요.',
    en: 'Charges exceed what the claim gives back, so the refund would be negative. Lower the shipping or the deduction.',
  },
  REFUND_ADJUSTMENT_OUT_OF_RANGE: {
    status: 422,
    ko: '환불 조정 금액이 허용 범위를 벗어났습니다 (쿠폰·적립금은 주문에 적용된 금액 이하, 배송비 환불은 결제한 배송비 이하, 차감은 0 이상).',
    en: 'A refund adjustment is out of range (coupon and points up to what the order used, shipping refunded up to what was charged, deductions at least 0).',
  },
  REFUND_ACCOUNT_REQUIRED: {
    status: 422,
    ko: '무통장입금·가상계좌 결제를 환불하려면 환불받을 계좌(은행, 계좌번호, 예금주)가 필요합니다.',
    en: 'Refunding a bank-transfer or virtual-account payment needs the buyer’s refund account (bank, number, holder).',
  },
  REFUND_NOT_OPEN: { status: 422, ko: '이미 완료되었거나 무효 처리된 환불입니다.', en: 'This refund is already done or voided.' },
  REFUND_NOT_MANUAL: {
    status: 422,
    ko: '직접 송금으로 완료할 무통장 환불이 없습니다. PG 환불은 재시도로 처리하세요.',
    en: 'This refund has no bank-transfer part to confirm by hand; retry gateway refunds instead.',
  },
  REFUND_NOTHING_TO_RETRY: {
    status: 422,
    ko: '재시도할 PG 환불이 없습니다. 무통장 환불은 송금한 뒤 완료 처리하세요.',
    en: 'Nothing in this refund goes through the gateway; confirm a bank transfer once it is made.',
  },
  CLAIM_NOT_WITHDRAWABLE: {
    status: 422,
    ko: '접수 상태의 클레임만 철회할 수 있습니다. 먼저 접수 상태로 되돌리세요.',
    en: 'Only a requested claim can be withdrawn; step it back to requested first.',
  },
  CLAIM_COMPLETE_REQUIRED: {
    status: 422,
    ko: '취소완료·반품완료는 환불 내역과 함께 완료 처리로 진행하세요.',
    en: 'Cancelled and returned are reached by completing the claim, with its refund.',
  },
  RESHIPMENT_REQUIRED: { status: 422, ko: '교환발송에는 택배사와 송장번호가 필요합니다.', en: 'Reshipping an exchange needs a courier and a tracking number.' },
  EXCHANGE_PRICE_DIFFERS: {
    status: 422,
    ko: '교환할 옵션의 가격이 달라 교환할 수 없습니다. 가격이 다른 상품으로 바꾸려면 주문 수정을 이용하세요.',
    en: 'The replacement option has another price; use an order edit to change to it.',
  },
  EXCHANGE_OPTION_INVALID: {
    status: 422,
    ko: '교환할 옵션은 같은 상품의 옵션이어야 합니다.',
    en: 'The replacement must be an option of the same product.',
  },
  /** A gateway notification that could not be checked with the gateway: 503 so that the gateway sends it again. */
  GATEWAY_UNAVAILABLE: {
    status: 503,
    ko: 'PG사에서 결제 상태를 확인하지 못했습니다. 잠시 후 다시 보내 주세요.',
    en: 'The payment could not be checked with the gateway; send the notification again later.',
  },
} as const satisfies ErrorEntries;
