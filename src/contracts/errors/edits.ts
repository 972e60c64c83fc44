import type { ErrorEntries } from './entries';

/** Error codes of the edits operations; merged into ERROR_CATALOG (src/contracts/errors.ts). */
export const EDIT_ERRORS = {
  EDIT_NOT_FOUND: { status: 404, ko: '주문 수정 내역을 찾을 수 없습니다.', en: 'The order edit was not found.' },
  EDIT_NOT_PREVIEWED: {
    status: 409,
    ko: '이미 확정되었거나 폐기된 주문 수정입니다. 새로 금액 계산을 진행하세요.',
    en: 'This order edit was already committed or discarded. Start a new preview.',
  },
  EDIT_ITEM_NOT_FOUND: { status: 422, ko: '수정할 품목을 찾을 수 없습니다.', en: 'The item to change is not in this order or edit.' },
  EDIT_ADDRESS_NOT_FOUND: { status: 422, ko: '주문에 없는 배송지입니다.', en: 'The shipping address is not part of this order.' },
  QUANTITY_CHANGE_NOT_ALLOWED: {
    status: 422,
    ko: '수량 변경은 상품준비 단계(입금대기·결제완료·상품준비중)의 품목에서만 가능합니다.',
    en: 'A quantity can change only while all of the item’s units are awaiting payment, paid or preparing.',
  },
  MANUAL_DISCOUNT_ONLY_FOR_ADDED_ITEMS: {
    status: 422,
    ko: '판매가 할인은 이번 수정에서 추가한 품목에만 적용할 수 있습니다.',
    en: 'A manual discount applies only to items added by this edit.',
  },
  COUPON_ALREADY_APPLIED: { status: 422, ko: '이 주문에는 이미 쿠폰이 적용되어 있습니다. 주문당 쿠폰은 하나입니다.', en: 'This order already has a coupon; one coupon per order.' },
  PAYMENT_REQUEST_NOT_FOUND: { status: 404, ko: '추가 결제 요청을 찾을 수 없습니다.', en: 'The payment request was not found.' },
  PAYMENT_REQUEST_NOT_PENDING: {
    status: 409,
    ko: '결제 대기 중인 요청이 아닙니다 (이미 결제되었거나 취소됨).',
    en: 'The payment request is not pending (already paid or cancelled).',
  },
  PAYMENT_REQUEST_EXCEEDS_BALANCE: {
    status: 422,
    ko: '요청 금액이 남은 결제금액(이미 요청한 금액 제외)보다 큽니다.',
    en: 'The amount exceeds the balance due not yet requested.',
  },
} as const satisfies ErrorEntries;
