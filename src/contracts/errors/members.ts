import type { ErrorEntries } from './entries';

/**
 * Error codes of the storefront's members API (grades, members, coupons, issued coupons and points,
 * all by the storefront's own ids); merged into ERROR_CATALOG (src/contracts/errors.ts). Ids in the
 * path that are not there, or are another shop's, answer 404; ids named in a body answer 422 with
 * `details.field` naming the field.
 */
export const MEMBER_ERRORS = {
  MEMBER_NOT_FOUND: { status: 404, ko: '회원을 찾을 수 없습니다.', en: 'The member was not found.' },
  MEMBER_GRADE_UNKNOWN: { status: 422, ko: '등록되지 않은 회원 등급입니다. 등급을 먼저 등록하세요.', en: 'The member grade does not exist. Register the grade first.' },
  MEMBER_EMAIL_TAKEN: { status: 409, ko: '같은 이메일을 쓰는 다른 회원이 있습니다.', en: 'Another member of the shop has this e-mail address.' },
  MEMBER_BATCH_DUPLICATE: {
    status: 422,
    ko: '같은 회원 ID가 한 요청에 두 번 있습니다. 첫 번째 행만 반영했습니다.',
    en: 'The same member id appears twice in the batch; only its first row was applied.',
  },
  COUPON_DEFINITION_NOT_FOUND: { status: 404, ko: '쿠폰을 찾을 수 없습니다.', en: 'The coupon was not found.' },
  COUPON_UNKNOWN: { status: 422, ko: '등록되지 않은 쿠폰입니다. 쿠폰을 먼저 등록하세요.', en: 'The coupon does not exist. Register the coupon first.' },
  COUPON_INACTIVE: { status: 422, ko: '사용 중지된 쿠폰은 발급할 수 없습니다.', en: 'An inactive coupon cannot be issued.' },
  ISSUED_COUPON_NOT_FOUND: { status: 404, ko: '발급된 쿠폰을 찾을 수 없습니다.', en: 'The issued coupon was not found.' },
  ISSUED_COUPON_OTHER_MEMBER: {
    status: 409,
    ko: '이 발급 쿠폰 ID는 다른 회원에게 발급되어 있습니다.',
    en: 'This issued-coupon id belongs to another member.',
  },
  ISSUED_COUPON_USED: {
    status: 409,
    ko: '주문에 사용된 쿠폰은 바꾸거나 회수할 수 없습니다.',
    en: 'A coupon an order has used cannot be changed or withdrawn.',
  },
} as const satisfies ErrorEntries;
