import type { ErrorEntries } from './entries';

/**
 * Errors of the platform rather than of an order: the database going away, requests the HTTP layer
 * refuses before any route sees them, and the doors (sign-in throttling, forged requests).
 */
export const PLATFORM_ERRORS = {
  DATABASE_UNAVAILABLE: {
    status: 503,
    ko: '데이터베이스에 연결할 수 없습니다. 잠시 후 다시 시도하세요. 변경된 내용은 없습니다.',
    en: 'The database cannot be reached. Try again shortly; nothing was changed.',
  },
  DATABASE_TIMEOUT: {
    status: 503,
    ko: '데이터베이스 응답이 너무 늦어 요청을 중단했습니다. 잠시 후 다시 시도하세요.',
    en: 'The database took too long to answer, so the request was stopped. Try again shortly.',
  },
  DATABASE_BUSY: {
    status: 503,
    ko: '동시에 처리 중인 다른 작업과 겹쳤습니다. 다시 시도하세요. 변경된 내용은 없습니다.',
    en: 'The request collided with other work in progress. Try again; nothing was changed.',
  },
  TEST_GATEWAY_DECLINED: {
    status: 422,
    ko: '테스트 결제 게이트웨이가 요청을 거절했습니다.',
    en: 'The test payment gateway declined the request.',
  },
  SHUTTING_DOWN: { status: 503, ko: '서버가 재시작 중입니다. 잠시 후 다시 시도하세요.', en: 'The server is restarting. Try again shortly.' },
  INVALID_CHARACTERS: {
    status: 400,
    ko: '저장할 수 없는 문자(NUL, 제어 문자, 깨진 유니코드)가 포함되어 있습니다.',
    en: 'The request contains characters that cannot be stored (NUL, control characters or broken Unicode).',
  },
  MALFORMED_JSON: { status: 400, ko: '요청 본문이 올바른 JSON이 아닙니다.', en: 'The request body is not valid JSON.' },
  EMPTY_BODY: { status: 400, ko: '요청 본문이 비어 있습니다.', en: 'The request body is empty.' },
  BODY_TOO_LARGE: { status: 413, ko: '요청 본문이 너무 큽니다.', en: 'The request body is too large.' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, ko: '지원하지 않는 Content-Type입니다.', en: 'The Content-Type is not supported.' },
  BAD_URL: { status: 400, ko: '주소(URL)가 올바르지 않습니다.', en: 'The URL is malformed.' },
  PARAMETER_TOO_LONG: { status: 414, ko: '주소의 값이 너무 깁니다.', en: 'A value in the URL is too long.' },
  HEADERS_TOO_LARGE: { status: 431, ko: '요청 헤더가 너무 큽니다.', en: 'The request headers are too large.' },
  REQUEST_TIMEOUT: { status: 408, ko: '요청을 받는 데 시간이 너무 오래 걸렸습니다.', en: 'The request took too long to arrive.' },
  EXPECTATION_FAILED: { status: 417, ko: '지원하지 않는 Expect 헤더입니다.', en: 'The Expect header is not supported.' },
  BAD_REQUEST: { status: 400, ko: '요청을 처리할 수 없습니다.', en: 'The request cannot be processed.' },
  METHOD_NOT_ALLOWED: { status: 405, ko: '이 주소에서 지원하지 않는 메서드입니다.', en: 'The method is not allowed here.' },
  TOO_MANY_REQUESTS: { status: 429, ko: '요청이 너무 많습니다. 잠시 후 다시 시도하세요.', en: 'Too many requests. Try again shortly.' },
  SIGN_IN_THROTTLED: {
    status: 429,
    ko: '로그인 실패가 반복되어 잠시 후에 다시 시도할 수 있습니다.',
    en: 'Too many failed sign-ins: try again a little later.',
  },
  SIGN_IN_LOCKED: {
    status: 429,
    ko: '로그인 실패가 반복되어 계정이 일시적으로 잠겼습니다. 잠시 후 다시 시도하거나 대표에게 잠금 해제를 요청하세요.',
    en: 'Too many failed sign-ins: the account is locked for a while. Try later or ask the shop owner to unlock it.',
  },
  API_KEY_THROTTLED: {
    status: 429,
    ko: '잘못된 API 키 시도가 반복되어 잠시 후에 다시 시도할 수 있습니다.',
    en: 'Too many invalid API keys from this address: try again a little later.',
  },
  CSRF_TOKEN_INVALID: {
    status: 403,
    ko: '보안 토큰이 없거나 만료되었습니다. 페이지를 새로고침한 뒤 다시 시도하세요.',
    en: 'The security token is missing or expired. Reload the page and try again.',
  },
  CROSS_ORIGIN_REQUEST: {
    status: 403,
    ko: '다른 사이트에서 보낸 요청은 처리하지 않습니다.',
    en: 'Requests sent from another site are refused.',
  },
  LOCK_NOT_FOUND: { status: 404, ko: '해당 로그인 잠금을 찾을 수 없습니다.', en: 'The sign-in lock was not found.' },
} as const satisfies ErrorEntries;
