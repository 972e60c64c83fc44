import type { ErrorEntries } from './entries';

/**
 * API keys, and refusals of the permission checks that depend on what a request asks (the route's own rule let
 * the caller in). `{amount}` and `{limit}` are filled from the error's details.
 */
export const PERMISSION_ERRORS = {
  API_KEY_NOT_FOUND: { status: 404, ko: 'API 키를 찾을 수 없습니다.', en: 'The API key was not found.' },
  REFUND_LIMIT_EXCEEDED: {
    status: 403,
    ko: '환불 금액 {amount}원이 직원 1회 환불 한도 {limit}원을 넘습니다. 매니저 이상에게 요청하세요.',
    en: 'The refund of {amount} won exceeds the staff limit of {limit} won per refund. Ask a manager or the owner.',
  },
} satisfies ErrorEntries;
