import type { ErrorEntries } from './entries';

/** Error codes of webhook endpoints and their delivery log; merged into ERROR_CATALOG (src/contracts/errors.ts). */
export const WEBHOOK_ERRORS = {
  WEBHOOK_ENDPOINT_NOT_FOUND: { status: 404, ko: '웹훅 엔드포인트를 찾을 수 없습니다.', en: 'The webhook endpoint was not found.' },
  WEBHOOK_MESSAGE_NOT_FOUND: { status: 404, ko: '웹훅 메시지를 찾을 수 없습니다.', en: 'The webhook message was not found.' },
  WEBHOOK_URL_INVALID: {
    status: 422,
    ko: '웹훅 주소는 http 또는 https로 시작하는 2,000자 이하의 주소여야 하며 아이디·비밀번호를 담을 수 없습니다.',
    en: 'A webhook URL must be http or https, at most 2,000 characters, without a user name or password.',
  },
  WEBHOOK_EVENT_TYPES_REQUIRED: { status: 422, ko: '받을 이벤트를 하나 이상 선택하세요.', en: 'Choose at least one event type.' },
  TOO_MANY_WEBHOOK_ENDPOINTS: { status: 422, ko: '웹훅 엔드포인트는 최대 20개까지 만들 수 있습니다.', en: 'A shop can have at most 20 webhook endpoints.' },
  WEBHOOK_ENDPOINT_DISABLED: {
    status: 422,
    ko: '꺼진 엔드포인트로는 다시 보낼 수 없습니다. 먼저 엔드포인트를 켜세요.',
    en: 'The endpoint is disabled; enable it before redelivering.',
  },
} as const satisfies ErrorEntries;
