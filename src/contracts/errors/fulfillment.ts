import type { ErrorEntries } from './entries';

/** Error codes of the fulfillment operations; merged into ERROR_CATALOG (src/contracts/errors.ts). */
export const FULFILLMENT_ERRORS = {
  SHIPMENT_GROUP_NOT_FOUND: { status: 404, ko: '배송 묶음을 찾을 수 없습니다.', en: 'The shipment group was not found.' },
  ITEM_NOT_IN_SHIPMENT_GROUP: { status: 422, ko: '이 배송 묶음에는 해당 품목이 없습니다.', en: 'The shipment group holds no units of this item.' },
  QUANTITY_EXCEEDS_AVAILABLE: { status: 422, ko: '처리할 수 있는 수량보다 많습니다.', en: 'More units than are available.' },
  TRANSITION_NOT_ALLOWED: { status: 422, ko: '이 상태로 변경할 수 없습니다.', en: 'This status change is not allowed.' },
  REVERT_NEEDS_MONEY: {
    status: 422,
    ko: '결제 금액이 오가는 상태 변경은 상태만 되돌릴 수 없습니다. 결제를 되돌리려면 환불과 함께 주문을 취소하세요.',
    en: 'This change moves money, so it cannot be a plain status change. Cancel the units with a refund instead.',
  },
  USE_CLAIM_ROUTE: { status: 422, ko: '취소·반품·교환은 클레임 메뉴에서 처리하세요.', en: 'Cancels, returns and exchanges are made as claims, not status changes.' },
  USE_DEPOSIT_CONFIRMATION: { status: 422, ko: '입금 확인은 입금 확인 기능으로 처리하세요.', en: 'Confirm a deposit with the deposit confirmation, not a status change.' },
  TRACKING_REQUIRED: { status: 422, ko: '배송중으로 변경하려면 택배사와 송장번호가 필요합니다.', en: 'Shipping needs a courier and a tracking number.' },
  TRACKING_WITHOUT_SHIPPING: { status: 422, ko: '송장 정보는 배송중으로 변경할 때만 보낼 수 있습니다.', en: 'A shipment is sent only with a change to shipping.' },
  SHIPMENT_SPANS_ADDRESSES: { status: 422, ko: '송장번호 하나는 배송지 하나에만 등록할 수 있습니다.', en: 'One tracking number ships to one address only.' },
  NOTHING_AWAITS_PAYMENT: { status: 422, ko: '입금을 기다리는 결제가 없습니다.', en: 'Nothing in this order awaits payment.' },
  PAYMENT_NOT_FOUND: { status: 404, ko: '결제 정보를 찾을 수 없습니다.', en: 'The payment was not found.' },
  ADDRESS_NOT_FOUND: { status: 404, ko: '배송지를 찾을 수 없습니다.', en: 'The shipping address was not found.' },
  ADDRESS_ALREADY_SHIPPED: {
    status: 422,
    ko: '이미 발송된 상품이 있는 배송지는 수정할 수 없습니다. 새 배송지를 추가해 발송 전 상품을 옮기세요.',
    en: 'Units at this address have shipped, so it cannot be changed. Add a new address and move the unshipped units there.',
  },
  ADDRESS_NOT_EMPTY: { status: 422, ko: '상품이 배정된 배송지는 삭제할 수 없습니다.', en: 'An address that holds units cannot be deleted.' },
  UNITS_ALREADY_SHIPPED: { status: 422, ko: '이미 발송된 상품은 다른 배송지로 옮길 수 없습니다.', en: 'Units that have shipped cannot move to another address.' },
  ALREADY_AT_ADDRESS: { status: 422, ko: '상품이 이미 이 배송지에 있습니다.', en: 'The units are already at this address.' },
} as const satisfies ErrorEntries;
