import { z } from 'zod';
import { ADMIN_ERRORS } from './errors/admin';
import { STAFF_ERRORS } from './errors/staff';
import { PRIVACY_ERRORS } from './errors/privacy';
import { BULK_ERRORS } from './errors/bulk';
import { CATALOG_ERRORS } from './errors/catalog';
import { CLAIM_ERRORS } from './errors/claims';
import { EDIT_ERRORS } from './errors/edits';
import type { ErrorEntries } from './errors/entries';
import { EXCEL_ERRORS } from './errors/excel';
import { FULFILLMENT_ERRORS } from './errors/fulfillment';
import { MEMBER_ERRORS } from './errors/members';
import { MY_PAGE_ERRORS } from './errors/my';
import { PERMISSION_ERRORS } from './errors/permissions';
import { PLATFORM_ERRORS } from './errors/platform';
import { NOTIFICATION_ERRORS } from './errors/notifications';
import { PRINT_ERRORS } from './errors/print';
import { PRODUCT_ERRORS } from './errors/products';
import { SETTINGS_ERRORS } from './errors/settings';
import { VIEW_ERRORS } from './errors/views';
import { WEBHOOK_ERRORS } from './errors/webhooks';

/**
 * Every error the API answers with: a stable code, its HTTP status, and the message in Korean and
 * English (chosen by Accept-Language). Clients switch on the code, never on the message.
 */
const COMMON_ERRORS = {
  VALIDATION_FAILED: { status: 400, ko: '요청 형식이 올바르지 않습니다.', en: 'The request is malformed.' },
  UNAUTHENTICATED: { status: 401, ko: '로그인이 필요합니다.', en: 'Sign-in is required.' },
  INVALID_CREDENTIALS: { status: 401, ko: '이메일 또는 비밀번호가 올바르지 않습니다.', en: 'E-mail or password is incorrect.' },
  INVALID_API_KEY: { status: 401, ko: 'API 키가 올바르지 않습니다.', en: 'The API key is not valid.' },
  FORBIDDEN: { status: 403, ko: '이 작업을 할 권한이 없습니다.', en: 'You are not allowed to do this.' },
  NOT_FOUND: { status: 404, ko: '찾을 수 없습니다.', en: 'Not found.' },
  ORDER_NOT_FOUND: { status: 404, ko: '주문을 찾을 수 없습니다.', en: 'The order was not found.' },
  ORDER_VERSION_CONFLICT: { status: 409, ko: '다른 사용자가 주문을 먼저 변경했습니다. 새로고침 후 다시 시도하세요.', en: 'Someone else changed the order first. Reload and try again.' },
  IDEMPOTENCY_KEY_REUSED: { status: 422, ko: '같은 Idempotency-Key가 다른 요청에 이미 사용되었습니다.', en: 'This Idempotency-Key was already used for a different request.' },
  DUPLICATE_EXTERNAL_ORDER: { status: 409, ko: '이미 등록된 외부 주문번호입니다.', en: 'An order with this external order id already exists.' },
  PRODUCT_NOT_FOUND: { status: 422, ko: '상품을 찾을 수 없습니다.', en: 'The product was not found.' },
  OPTION_NOT_FOUND: { status: 422, ko: '상품 옵션을 찾을 수 없습니다.', en: 'The product option was not found.' },
  PRODUCT_NOT_ON_SALE: { status: 422, ko: '판매가 중지된 상품 또는 옵션입니다.', en: 'The product or option is no longer sold.' },
  OPTION_REQUIRED: { status: 422, ko: '옵션이 있는 상품은 옵션을 선택해야 합니다.', en: 'This product has options; choose one.' },
  PRICE_MISMATCH: { status: 422, ko: '상품 가격이 현재 판매가와 다릅니다.', en: 'The item price differs from the current price.' },
  OUT_OF_STOCK: { status: 422, ko: '재고가 부족합니다.', en: 'Not enough stock.' },
  CUSTOMER_NOT_FOUND: { status: 422, ko: '회원을 찾을 수 없습니다.', en: 'The member was not found.' },
  GUEST_PASSWORD_REQUIRED: { status: 422, ko: '비회원 주문에는 주문 조회 비밀번호가 필요합니다.', en: 'A guest order needs a lookup password.' },
  MEMBER_ONLY_BENEFIT: { status: 422, ko: '쿠폰과 적립금은 회원만 사용할 수 있습니다.', en: 'Coupons and points are for members only.' },
  COUPON_NOT_AVAILABLE: { status: 422, ko: '사용할 수 없는 쿠폰입니다.', en: 'The coupon cannot be used.' },
  COUPON_MIN_ORDER_NOT_MET: { status: 422, ko: '쿠폰 최소 주문금액을 충족하지 않습니다.', en: 'The order does not reach the coupon minimum.' },
  POINTS_EXCEED_BALANCE: { status: 422, ko: '보유 적립금보다 많이 사용할 수 없습니다.', en: 'More points than the member holds.' },
  DISCOUNT_EXCEEDS_AMOUNT: { status: 422, ko: '할인 금액이 상품 금액보다 큽니다.', en: 'Discounts exceed the item amount.' },
  INVALID_AMOUNT: { status: 422, ko: '금액이 올바르지 않습니다.', en: 'The amount is not valid.' },
  INVALID_QUANTITY: { status: 422, ko: '수량이 올바르지 않습니다.', en: 'The quantity is not valid.' },
  ADDRESS_INDEX_INVALID: { status: 422, ko: '품목의 배송지 번호가 올바르지 않습니다.', en: 'An item refers to a shipping address that does not exist.' },
  ADDRESS_WITHOUT_ITEMS: { status: 422, ko: '품목이 없는 배송지가 있습니다.', en: 'A shipping address has no items.' },
  TOO_MANY_ADDRESSES: { status: 422, ko: '배송지는 주문당 최대 5개까지 등록할 수 있습니다.', en: 'An order can have at most 5 shipping addresses.' },
  PAYMENT_AMOUNT_MISMATCH: { status: 422, ko: '결제 금액이 주문 금액과 다릅니다.', en: 'The payment amount differs from the order total.' },
  PAYMENT_DETAILS_REQUIRED: { status: 422, ko: '결제수단에 필요한 결제 정보가 없습니다.', en: 'Payment details required by the method are missing.' },
  INTERNAL: { status: 500, ko: '서버 오류가 발생했습니다.', en: 'An internal error occurred.' },
} as const satisfies ErrorEntries;

export const ERROR_CATALOG = {
  ...COMMON_ERRORS, ...FULFILLMENT_ERRORS, ...CLAIM_ERRORS, ...EDIT_ERRORS, ...VIEW_ERRORS, ...BULK_ERRORS, ...EXCEL_ERRORS, ...PRODUCT_ERRORS, ...CATALOG_ERRORS,
  ...PLATFORM_ERRORS, ...MEMBER_ERRORS, ...WEBHOOK_ERRORS, ...MY_PAGE_ERRORS,
  ...PRINT_ERRORS, ...NOTIFICATION_ERRORS,
  ...ADMIN_ERRORS,
  ...PERMISSION_ERRORS,
  ...SETTINGS_ERRORS,
  ...STAFF_ERRORS,
  ...ADMIN_ERRORS, ...PRIVACY_ERRORS,
} as const satisfies ErrorEntries;

export type ErrorCode = keyof typeof ERROR_CATALOG;
export const ERROR_CODES = Object.keys(ERROR_CATALOG) as ErrorCode[];

export const errorResponseSchema = z
  .object({
    error: z.object({
      code: z.string().meta({ example: 'QUANTITY_EXCEEDS_AVAILABLE' }),
      message: z.string(),
      details: z.record(z.string(), z.unknown()).optional(),
    }),
  })
  .meta({ id: 'ErrorResponse' });
export type ErrorResponse = z.infer<typeof errorResponseSchema>;
