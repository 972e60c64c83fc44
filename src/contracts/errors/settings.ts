import type { ErrorEntries } from './entries';

/** Errors of 쇼핑몰 설정 (/api/v1/settings); merged into ERROR_CATALOG (src/contracts/errors.ts). */
export const SETTINGS_ERRORS = {
  SETTINGS_BUSINESS_NUMBER_INVALID: { status: 400, ko: '사업자등록번호가 올바르지 않습니다 (10자리, 예: 123-45-67890).', en: 'Not a valid business registration number (10 digits, e.g. 123-45-67890).' },
  SETTINGS_PHONE_INVALID: { status: 400, ko: '고객센터 전화번호 형식이 올바르지 않습니다 (예: 02-123-4567, 1588-1234).', en: 'Not a valid customer service phone number (e.g. 02-123-4567, 1588-1234).' },
  SETTINGS_EMAIL_INVALID: { status: 400, ko: '고객센터 이메일 주소가 올바르지 않습니다.', en: 'Not a valid customer service e-mail address.' },
  SETTINGS_BANK_ACCOUNT_INVALID: { status: 400, ko: '계좌번호는 숫자와 - 로 6~20자리입니다.', en: 'An account number is 6–20 digits, with hyphens allowed.' },
  SETTINGS_TOO_MANY_BANK_ACCOUNTS: { status: 400, ko: '입금 계좌는 5개까지 등록할 수 있습니다.', en: 'At most 5 bank accounts.' },
  SETTINGS_ORDER_PREFIX_INVALID: { status: 400, ko: '주문번호 접두어는 영문·숫자·- 로 10자까지입니다.', en: 'The order-number prefix is up to 10 letters, digits or hyphens.' },
  SETTINGS_REFUND_LIMIT_INVALID: { status: 400, ko: '환불 한도는 0원 이상 1억원 이하로 입력하세요.', en: 'The refund limit is between 0 and 100,000,000 won.' },
  GATEWAY_CLIENT_KEY_INVALID: { status: 400, ko: '토스페이먼츠 클라이언트 키 형식이 아닙니다 (test_ck_… 또는 live_ck_…).', en: 'Not a Toss Payments client key (test_ck_… or live_ck_…).' },
  GATEWAY_SECRET_KEY_INVALID: { status: 400, ko: '토스페이먼츠 시크릿 키 형식이 아닙니다 (test_sk_… 또는 live_sk_…).', en: 'Not a Toss Payments secret key (test_sk_… or live_sk_…).' },
  GATEWAY_KEY_MODE_MISMATCH: { status: 400, ko: '클라이언트 키와 시크릿 키가 서로 다른 모드(테스트/라이브)입니다.', en: 'The client key and secret key are of different modes (test/live).' },
  GATEWAY_KEYS_REQUIRED: { status: 400, ko: '토스페이먼츠를 쓰려면 클라이언트 키와 시크릿 키가 모두 필요합니다.', en: 'Toss Payments needs both a client key and a secret key.' },
} satisfies ErrorEntries;
